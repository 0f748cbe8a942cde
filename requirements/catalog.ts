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
import { SIGNING_REQUIREMENTS } from '../suites/duo-auth/signing/requirements.js';
import { AUTH_API_REQUIREMENTS } from '../suites/duo-auth/auth-api/requirements.js';
import { AUTH_REQUIREMENTS } from '../suites/duo-auth/auth/requirements.js';
import { BYPASS_CODE_REQUIREMENTS } from '../suites/duo-auth/bypass-codes/requirements.js';
import { LIMIT_REQUIREMENTS } from '../suites/duo-auth/limits/requirements.js';
import { ADMIN_REQUIREMENTS } from '../suites/duo-auth/admin/requirements.js';
import { AUTH_LOG_REQUIREMENTS } from '../suites/duo-auth/auth-log/requirements.js';
import { IDN_AUTH_REQUIREMENTS } from '../suites/identitynow-mfa/auth/requirements.js';
import { IDN_CONFIG_REQUIREMENTS } from '../suites/identitynow-mfa/config/requirements.js';
import { IDN_VERIFY_REQUIREMENTS } from '../suites/identitynow-mfa/verify/requirements.js';
import { IDN_KBA_REQUIREMENTS } from '../suites/identitynow-mfa/kba/requirements.js';
import { IDN_TOKEN_REQUIREMENTS } from '../suites/identitynow-mfa/token/requirements.js';
import { PASSWORD_REQUIREMENTS } from '../suites/okta-authn/password/requirements.js';
import { RECOVERY_REQUIREMENTS } from '../suites/okta-authn/recovery/requirements.js';
import { WALK_REQUIREMENTS } from '../suites/okta-authn/walks/requirements.js';
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
  ...SIGNING_REQUIREMENTS,
  ...AUTH_API_REQUIREMENTS,
  ...AUTH_REQUIREMENTS,
  ...BYPASS_CODE_REQUIREMENTS,
  ...LIMIT_REQUIREMENTS,
  ...ADMIN_REQUIREMENTS,
  ...AUTH_LOG_REQUIREMENTS,
  ...IDN_AUTH_REQUIREMENTS,
  ...IDN_CONFIG_REQUIREMENTS,
  ...IDN_VERIFY_REQUIREMENTS,
  ...IDN_KBA_REQUIREMENTS,
  ...IDN_TOKEN_REQUIREMENTS,
  ...PASSWORD_REQUIREMENTS,
  ...RECOVERY_REQUIREMENTS,
  ...WALK_REQUIREMENTS,
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
