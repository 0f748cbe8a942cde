/** The duo-auth family's schemas, by file stem. */
import adminSchema from './admin.schema.json' with { type: 'json' };
import authLogSchema from './auth-log.schema.json' with { type: 'json' };
import authSchema from './auth.schema.json' with { type: 'json' };
import envelopeSchema from './envelope.schema.json' with { type: 'json' };

import type { JsonSchemaDocument } from '../document.js';

export const DUO_AUTH_SCHEMAS = {
  envelope: envelopeSchema,
  auth: authSchema,
  admin: adminSchema,
  'auth-log': authLogSchema,
} as const satisfies Readonly<Record<string, JsonSchemaDocument>>;
