import { API_REQUIREMENTS } from '../suites/okta-factors/api/requirements.js';
import { CATALOG_REQUIREMENTS } from '../suites/okta-factors/catalog/requirements.js';
import { LIFECYCLE_REQUIREMENTS } from '../suites/okta-factors/lifecycle/requirements.js';
import { TOTP_REQUIREMENTS } from '../suites/okta-factors/totp/requirements.js';
import { U2F_REQUIREMENTS } from '../suites/okta-factors/u2f/requirements.js';
import { WEBAUTHN_REQUIREMENTS } from '../suites/okta-factors/webauthn/requirements.js';
import { SMS_REQUIREMENTS } from '../suites/okta-factors/sms/requirements.js';
import { CALL_REQUIREMENTS } from '../suites/okta-factors/call/requirements.js';
import { EMAIL_REQUIREMENTS } from '../suites/okta-factors/email/requirements.js';
import { OTP_ACTIVATION_REQUIREMENTS } from '../suites/okta-factors/otp-activation/requirements.js';
import { QUESTION_REQUIREMENTS } from '../suites/okta-factors/question/requirements.js';
import { CUSTOM_TOTP_REQUIREMENTS } from '../suites/okta-factors/custom-totp/requirements.js';
import { SYMANTEC_REQUIREMENTS } from '../suites/okta-factors/symantec/requirements.js';
import { RSA_REQUIREMENTS } from '../suites/okta-factors/rsa/requirements.js';
import { YUBIKEY_REQUIREMENTS } from '../suites/okta-factors/yubikey/requirements.js';
import { PUSH_REQUIREMENTS } from '../suites/okta-factors/push/requirements.js';
import { TRANSACTION_REQUIREMENTS } from '../suites/okta-authn/transaction/requirements.js';
import { DUO_REQUIREMENTS } from '../suites/okta-authn/duo/requirements.js';
import { AUTHN_TOTP_REQUIREMENTS } from '../suites/okta-authn/totp/requirements.js';
import { AUTHN_MESSAGE_REQUIREMENTS } from '../suites/okta-authn/message/requirements.js';
import { AUTHN_QUESTION_REQUIREMENTS } from '../suites/okta-authn/question/requirements.js';
import { AUTHN_TOKEN_REQUIREMENTS } from '../suites/okta-authn/token/requirements.js';
import { AUTHN_PUSH_REQUIREMENTS } from '../suites/okta-authn/push/requirements.js';
import { AUTHN_FIDO_REQUIREMENTS } from '../suites/okta-authn/fido/requirements.js';
import { AUTHN_STEPS_REQUIREMENTS } from '../suites/okta-authn/steps/requirements.js';
import type { Requirement } from './types.js';

/**
 * The requirement catalog: every protocol requirement a check proves, as data, one line per
 * suite folder (each folder's `requirements.ts` sits beside its checks). Ids are stable: reports
 * and certification runs refer to them.
 */
export const REQUIREMENTS = [
  ...API_REQUIREMENTS,
  ...CATALOG_REQUIREMENTS,
  ...LIFECYCLE_REQUIREMENTS,
  ...TOTP_REQUIREMENTS,
  ...U2F_REQUIREMENTS,
  ...WEBAUTHN_REQUIREMENTS,
  ...SMS_REQUIREMENTS,
  ...CALL_REQUIREMENTS,
  ...EMAIL_REQUIREMENTS,
  ...OTP_ACTIVATION_REQUIREMENTS,
  ...QUESTION_REQUIREMENTS,
  ...CUSTOM_TOTP_REQUIREMENTS,
  ...SYMANTEC_REQUIREMENTS,
  ...RSA_REQUIREMENTS,
  ...YUBIKEY_REQUIREMENTS,
  ...PUSH_REQUIREMENTS,
  ...TRANSACTION_REQUIREMENTS,
  ...DUO_REQUIREMENTS,
  ...AUTHN_TOTP_REQUIREMENTS,
  ...AUTHN_MESSAGE_REQUIREMENTS,
  ...AUTHN_QUESTION_REQUIREMENTS,
  ...AUTHN_TOKEN_REQUIREMENTS,
  ...AUTHN_PUSH_REQUIREMENTS,
  ...AUTHN_FIDO_REQUIREMENTS,
  ...AUTHN_STEPS_REQUIREMENTS,
] as const satisfies readonly Requirement[];

export type RequirementId = (typeof REQUIREMENTS)[number]['id'];

const BY_ID = new Map<string, Requirement<RequirementId>>(REQUIREMENTS.map((r) => [r.id, r]));

export function isRequirementId(id: string): id is RequirementId {
  return BY_ID.has(id);
}

export function requirement(id: RequirementId): Requirement<RequirementId> {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`requirement ${id} is not in the catalog (requirements/catalog.ts)`);
  return found;
}
