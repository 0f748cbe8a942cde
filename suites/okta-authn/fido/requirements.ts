import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const u2f = feature({ family: 'okta-authn', name: 'u2f', suite: 'suites/okta-authn/fido' });
const webauthn = feature({ family: 'okta-authn', name: 'webauthn', suite: 'suites/okta-authn/fido' });

/** U2F and WebAuthn through the Authentication API (spec §5.4, §5.5). */
export const AUTHN_FIDO_REQUIREMENTS = [
  u2f.must('AUTHN.U2F.ENROLL', 'enroll',
    'Enrolling u2f in MFA_ENROLL answers MFA_ENROLL_ACTIVATE with the activation (version, nonce, timeoutSeconds, appId) and a next link named activate.',
    authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE (u2f)', 'enroll-u2f-factor')),
  u2f.must('AUTHN.U2F.ACTIVATE', 'activate',
    'Activating with a registration the nonce asked for answers SUCCESS, and the factor reads back ACTIVE.',
    authnDoc('§5.4 MFA_ENROLL_ACTIVATE → SUCCESS (u2f)', 'activate-u2f-factor')),
  u2f.must('AUTHN.U2F.VERIFY', 'verify',
    'Verifying u2f in MFA_REQUIRED answers MFA_CHALLENGE with a challenge nonce; a signed assertion of that nonce answers SUCCESS.',
    authnDoc('§5.4 MFA_REQUIRED → MFA_CHALLENGE → SUCCESS (u2f)', 'verify-u2f-factor')),
  u2f.must('AUTHN.U2F.VERIFY.BAD_ASSERTION', 'verify',
    'An assertion that does not verify is refused 403 E0000068 and the transaction stays MFA_CHALLENGE.',
    authnDoc('§5.4 MFA_CHALLENGE → 403 E0000068', 'verify-u2f-factor')),
  webauthn.must('AUTHN.WEBAUTHN.ENROLL', 'enroll',
    'Enrolling webauthn in MFA_ENROLL answers MFA_ENROLL_ACTIVATE with the creation options (challenge, user, pubKeyCredParams) and a next link named activate.',
    authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE (webauthn)', 'enroll-webauthn-factor')),
  webauthn.must('AUTHN.WEBAUTHN.ACTIVATE', 'activate',
    'Activating with an attestation of that challenge answers SUCCESS, and the factor reads back ACTIVE.',
    authnDoc('§5.4 MFA_ENROLL_ACTIVATE → SUCCESS (webauthn)', 'activate-webauthn-factor')),
  webauthn.must('AUTHN.WEBAUTHN.VERIFY', 'verify',
    'Verifying webauthn by factor id in MFA_REQUIRED answers MFA_CHALLENGE, factorResult CHALLENGE, with the challenge; a signed assertion answers SUCCESS.',
    authnDoc('§5.4 MFA_REQUIRED → MFA_CHALLENGE → SUCCESS (webauthn)', 'verify-webauthn-factor')),
  webauthn.must('AUTHN.WEBAUTHN.VERIFY_BY_TYPE', 'verify',
    'Verifying by factor type (POST /api/v1/authn/factors/webauthn/verify) answers MFA_CHALLENGE with challengeType FACTOR_TYPE, factorType webauthn, one challenge and every enrolled webauthn factor; an assertion by any of them answers SUCCESS.',
    authnDoc('§5.5 WebAuthn by type', 'verify-webauthn-factor')),
  webauthn.must('AUTHN.WEBAUTHN.VERIFY.BAD_ASSERTION', 'verify',
    'An assertion that does not verify is refused 403 E0000068 and the transaction stays MFA_CHALLENGE.',
    authnDoc('§5.4 MFA_CHALLENGE → 403 E0000068', 'verify-webauthn-factor')),
] as const;
