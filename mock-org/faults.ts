import { API_FAULTS } from './okta-factors/api/faults.js';
import { CATALOG_FAULTS } from './okta-factors/catalog/faults.js';
import { LIFECYCLE_FAULTS } from './okta-factors/lifecycle/faults.js';
import { TOTP_FAULTS } from './okta-factors/totp/faults.js';
import { U2F_FAULTS } from './okta-factors/u2f/faults.js';
import { WEBAUTHN_FAULTS } from './okta-factors/webauthn/faults.js';
import { SMS_FAULTS } from './okta-factors/sms/faults.js';
import { CALL_FAULTS } from './okta-factors/call/faults.js';
import { EMAIL_FAULTS } from './okta-factors/email/faults.js';
import { OTP_ACTIVATION_FAULTS } from './okta-factors/otp-activation/faults.js';
import { QUESTION_FAULTS } from './okta-factors/question/faults.js';
import { CUSTOM_TOTP_FAULTS } from './okta-factors/custom-totp/faults.js';
import { SYMANTEC_FAULTS } from './okta-factors/symantec/faults.js';
import { RSA_FAULTS } from './okta-factors/rsa/faults.js';
import { YUBIKEY_FAULTS } from './okta-factors/yubikey/faults.js';
import { PUSH_FAULTS } from './okta-factors/push/faults.js';
import { TRANSACTION_FAULTS } from './okta-authn/transaction/faults.js';
import { DUO_FAULTS } from './okta-authn/duo/faults.js';
import { DUO_AUTH_FAULTS } from './duo-auth/faults.js';
import { IDENTITYNOW_FAULTS } from './identitynow-mfa/faults.js';
import { PASSWORD_FAULTS } from './okta-authn/policy/faults.js';
import { RECOVERY_FAULTS } from './okta-authn/recovery/faults.js';
import { AUTHN_FACTOR_FAULTS } from './okta-authn/factors/faults.js';
import type { RequirementId } from '../requirements/index.js';
import type { FaultDefinition } from './core/fault-definition.js';

/**
 * The catalog of switchable faults, one line per kind: each fault makes the mock org depart from
 * the protocol in one precise way and names the requirements it breaks, and the harness proves
 * that the checks of those requirements notice (test/faults/). A fault lives beside the behaviour
 * it breaks, in `mock-org/<family>/<kind>/faults.ts`.
 */
export const FAULT_CATALOG = [
  ...API_FAULTS,
  ...CATALOG_FAULTS,
  ...LIFECYCLE_FAULTS,
  ...TOTP_FAULTS,
  ...U2F_FAULTS,
  ...WEBAUTHN_FAULTS,
  ...SMS_FAULTS,
  ...CALL_FAULTS,
  ...EMAIL_FAULTS,
  ...OTP_ACTIVATION_FAULTS,
  ...QUESTION_FAULTS,
  ...CUSTOM_TOTP_FAULTS,
  ...SYMANTEC_FAULTS,
  ...RSA_FAULTS,
  ...YUBIKEY_FAULTS,
  ...PUSH_FAULTS,
  ...TRANSACTION_FAULTS,
  ...PASSWORD_FAULTS,
  ...RECOVERY_FAULTS,
  ...DUO_FAULTS,
  ...DUO_AUTH_FAULTS,
  ...IDENTITYNOW_FAULTS,
  ...AUTHN_FACTOR_FAULTS,
] as const satisfies readonly FaultDefinition<RequirementId>[];

export type FaultId = (typeof FAULT_CATALOG)[number]['id'];
