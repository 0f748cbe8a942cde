/**
 * The Okta Factors API's schemas, by file stem: the objects every kind shares, then one line per
 * factor kind, named as the kind is named in mock-org/okta-factors/ and suites/okta-factors/.
 * A kind's schema is also listed in factor.schema.json's allOf, which applies it to its factors.
 */
import errorSchema from './error.schema.json' with { type: 'json' };
import factorCatalogEntrySchema from './factor-catalog-entry.schema.json' with { type: 'json' };
import factorVerifyResultSchema from './factor-verify-result.schema.json' with { type: 'json' };
import factorSchema from './factor.schema.json' with { type: 'json' };
import linksSchema from './links.schema.json' with { type: 'json' };
import userSchema from './user.schema.json' with { type: 'json' };

import callSchema from './call.schema.json' with { type: 'json' };
import customTotpSchema from './custom-totp.schema.json' with { type: 'json' };
import duoSchema from './duo.schema.json' with { type: 'json' };
import emailSchema from './email.schema.json' with { type: 'json' };
import pushSchema from './push.schema.json' with { type: 'json' };
import questionSchema from './question.schema.json' with { type: 'json' };
import rsaSchema from './rsa.schema.json' with { type: 'json' };
import smsSchema from './sms.schema.json' with { type: 'json' };
import symantecSchema from './symantec.schema.json' with { type: 'json' };
import totpSchema from './totp.schema.json' with { type: 'json' };
import u2fSchema from './u2f.schema.json' with { type: 'json' };
import webauthnSchema from './webauthn.schema.json' with { type: 'json' };
import yubikeySchema from './yubikey.schema.json' with { type: 'json' };

import type { JsonSchemaDocument } from '../document.js';

const SHARED_SCHEMAS = {
  error: errorSchema,
  links: linksSchema,
  user: userSchema,
  factor: factorSchema,
  'factor-verify-result': factorVerifyResultSchema,
  'factor-catalog-entry': factorCatalogEntrySchema,
} as const satisfies Readonly<Record<string, JsonSchemaDocument>>;

export const OKTA_FACTORS_KIND_SCHEMAS = {
  call: callSchema,
  'custom-totp': customTotpSchema,
  duo: duoSchema,
  email: emailSchema,
  push: pushSchema,
  question: questionSchema,
  rsa: rsaSchema,
  sms: smsSchema,
  symantec: symantecSchema,
  totp: totpSchema,
  u2f: u2fSchema,
  webauthn: webauthnSchema,
  yubikey: yubikeySchema,
} as const satisfies Readonly<Record<string, JsonSchemaDocument>>;

export const OKTA_FACTORS_SCHEMAS = { ...SHARED_SCHEMAS, ...OKTA_FACTORS_KIND_SCHEMAS } as const;
