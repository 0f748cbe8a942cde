/**
 * The schema files of this folder, by name (the file stem). Each file is imported as JSON so
 * that tsc copies it to dist and Node loads it natively (import attributes, Node 20.10+).
 */
import authnTransactionSchema from './authn-transaction.schema.json' with { type: 'json' };
import errorSchema from './error.schema.json' with { type: 'json' };
import factorCatalogEntrySchema from './factor-catalog-entry.schema.json' with { type: 'json' };
import factorVerifyResultSchema from './factor-verify-result.schema.json' with { type: 'json' };
import factorSchema from './factor.schema.json' with { type: 'json' };
import linksSchema from './links.schema.json' with { type: 'json' };
import pushActivationSchema from './push-activation.schema.json' with { type: 'json' };
import securityQuestionSchema from './security-question.schema.json' with { type: 'json' };
import totpActivationSchema from './totp-activation.schema.json' with { type: 'json' };
import u2fActivationSchema from './u2f-activation.schema.json' with { type: 'json' };
import userSchema from './user.schema.json' with { type: 'json' };
import webauthnActivationSchema from './webauthn-activation.schema.json' with { type: 'json' };
import yubikeyTokenSchema from './yubikey-token.schema.json' with { type: 'json' };

export const SCHEMA_NAMES = [
  'error',
  'links',
  'factor',
  'factor-verify-result',
  'factor-catalog-entry',
  'security-question',
  'yubikey-token',
  'user',
  'totp-activation',
  'push-activation',
  'u2f-activation',
  'webauthn-activation',
  'authn-transaction',
] as const;

/** The stem of a schema file: `factor` is `factor.schema.json`. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/** A JSON Schema document as stored in this folder. */
export interface JsonSchemaDocument {
  readonly $schema: string;
  readonly $id: string;
  readonly title: string;
  readonly description: string;
  readonly [keyword: string]: unknown;
}

export const SCHEMA_DOCUMENTS: Readonly<Record<SchemaName, JsonSchemaDocument>> = {
  error: errorSchema,
  links: linksSchema,
  factor: factorSchema,
  'factor-verify-result': factorVerifyResultSchema,
  'factor-catalog-entry': factorCatalogEntrySchema,
  'security-question': securityQuestionSchema,
  'yubikey-token': yubikeyTokenSchema,
  user: userSchema,
  'totp-activation': totpActivationSchema,
  'push-activation': pushActivationSchema,
  'u2f-activation': u2fActivationSchema,
  'webauthn-activation': webauthnActivationSchema,
  'authn-transaction': authnTransactionSchema,
};

export function isSchemaName(value: string): value is SchemaName {
  return (SCHEMA_NAMES as readonly string[]).includes(value);
}
