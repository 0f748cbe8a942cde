import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const totp = feature({ family: 'okta-authn', name: 'token:software:totp', suite: 'suites/okta-authn/totp' });

/** TOTP (Okta Verify OTP, Google Authenticator) through the Authentication API (spec §5.4, §5.5). */
export const AUTHN_TOTP_REQUIREMENTS = [
  totp.must('AUTHN.TOTP.ENROLL', 'enroll',
    'Enrolling token:software:totp (OKTA or GOOGLE) in MFA_ENROLL answers MFA_ENROLL_ACTIVATE with the factor, its activation (timeStep, sharedSecret, encoding, keyLength) and a next link named activate; the factor is PENDING_ACTIVATION.',
    authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE', 'enroll-okta-verify-totp-factor')),
  totp.must('AUTHN.TOTP.ACTIVATE', 'activate',
    'Activating with a current passCode answers SUCCESS with a sessionToken, and the factor reads back ACTIVE.',
    authnDoc('§5.4 MFA_ENROLL_ACTIVATE → SUCCESS', 'activate-totp-factor')),
  totp.must('AUTHN.TOTP.ACTIVATE.BAD_CODE', 'activate',
    'Activating with a wrong passCode is refused 403 E0000068; the transaction stays MFA_ENROLL_ACTIVATE and the factor PENDING_ACTIVATION.',
    authnDoc('§5.4 MFA_ENROLL_ACTIVATE → 403 E0000068', 'activate-totp-factor')),
  totp.must('AUTHN.TOTP.VERIFY', 'verify',
    'Verifying an active TOTP factor in MFA_REQUIRED with a current passCode answers SUCCESS with a sessionToken.',
    authnDoc('§5.4 MFA_REQUIRED → SUCCESS', 'verify-totp-factor')),
  totp.must('AUTHN.TOTP.VERIFY.BAD_CODE', 'verify',
    'Verifying with a wrong passCode is refused 403 E0000068 and the transaction stays MFA_REQUIRED.',
    authnDoc('§5.4 MFA_REQUIRED → 403 E0000068', 'verify-totp-factor')),
] as const;
