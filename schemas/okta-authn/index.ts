/** The Okta Authentication API's schemas, by file stem. They refer to ../okta-factors/ for factors and links. */
import transactionSchema from './transaction.schema.json' with { type: 'json' };

import type { JsonSchemaDocument } from '../document.js';

export const OKTA_AUTHN_SCHEMAS = {
  transaction: transactionSchema,
} as const satisfies Readonly<Record<string, JsonSchemaDocument>>;
