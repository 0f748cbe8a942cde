import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const token = feature({ family: 'okta-authn', name: 'token, token:hardware, token:hotp', suite: 'suites/okta-authn/token' });

/** Hardware, service and custom tokens (RSA SecurID, Symantec VIP, YubiKey, Custom TOTP) through the Authentication API (spec §5.1, §5.4). */
export const AUTHN_TOKEN_REQUIREMENTS = [
  token.must('AUTHN.TOKEN.ENROLL', 'enroll',
    'Enrolling a token (RSA, Symantec) with its credentialId and current passCode in MFA_ENROLL needs no activation: it answers SUCCESS, and the factor reads back ACTIVE.',
    authnDoc('§5.4 MFA_ENROLL → SUCCESS', 'enroll-rsa-securid-factor')),
  token.must('AUTHN.TOKEN.VERIFY', 'verify',
    'Verifying an active token factor in MFA_REQUIRED with a current passCode answers SUCCESS with a sessionToken.',
    authnDoc('§5.4 MFA_REQUIRED → SUCCESS (RSA listed with a verify link)', 'verify-factor')),
  token.must('AUTHN.TOKEN.VERIFY.BAD_CODE', 'verify',
    'A wrong passCode for a token (RSA, Symantec), token:hardware (YubiKey) or token:hotp (Custom TOTP) factor is refused 403 E0000068 and the transaction stays MFA_REQUIRED.',
    authnDoc('§5.4 MFA_REQUIRED → 403 E0000068', 'verify-factor')),
] as const;
