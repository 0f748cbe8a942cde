/** The SailPoint IdentityNow MFA API's schemas, by file stem. */
import configSchema from './config.schema.json' with { type: 'json' };
import errorSchema from './error.schema.json' with { type: 'json' };
import kbaSchema from './kba.schema.json' with { type: 'json' };
import oauthTokenSchema from './oauth-token.schema.json' with { type: 'json' };
import verificationSchema from './verification.schema.json' with { type: 'json' };

import type { JsonSchemaDocument } from '../document.js';

export const IDENTITYNOW_MFA_SCHEMAS = {
  config: configSchema,
  error: errorSchema,
  kba: kbaSchema,
  'oauth-token': oauthTokenSchema,
  verification: verificationSchema,
} as const satisfies Readonly<Record<string, JsonSchemaDocument>>;
