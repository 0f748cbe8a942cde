import { feature } from '../../../requirements/builders.js';
import { factorsDoc, factorsSpec } from '../../../requirements/sources.js';

const rsa = feature({ family: 'okta-factors', name: 'token (RSA)', suite: 'suites/okta-factors/rsa' });

/** token / RSA, RSA SecurID: spec §2.7. */
export const RSA_REQUIREMENTS = [
  rsa.must('FACTORS.RSA.ENROLL.ACTIVE', 'enroll',
    'Enrolling token (RSA) with profile.credentialId and the current PIN+tokencode answers 200 with the factor ACTIVE, profile.credentialId as sent and a verify link; it reads back ACTIVE and is listed.',
    factorsDoc('§2.7 Enroll RSA SecurID factor', 'enroll-rsa-securid-factor')),
  rsa.must('FACTORS.RSA.ENROLL.BAD_PASSCODE', 'enroll',
    'Enrollment with a wrong passcode is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsDoc('§2.7 "must be verified with the current pin+passcode"', 'enroll-rsa-securid-factor')),
  rsa.must('FACTORS.RSA.ENROLL.UNKNOWN_CREDENTIAL', 'enroll',
    'Enrollment with a credentialId the SecurID service does not know is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsSpec('§2.7, §11 (error undocumented)', 'operation/enrollFactor')),
  rsa.must('FACTORS.RSA.VERIFY.GOOD_CODE', 'verify',
    'Verifying with the PIN and a fresh tokencode answers 200 {factorResult: SUCCESS}.',
    factorsDoc('§2.7 Verify Token factor', 'verify-token-factor')),
  rsa.must('FACTORS.RSA.VERIFY.BAD_CODE', 'verify',
    'Verifying with the right PIN and a wrong tokencode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.7 Verify Token factor', 'verify-token-factor')),
  rsa.must('FACTORS.RSA.VERIFY.WRONG_PIN', 'verify',
    'Verifying with a fresh tokencode after a wrong PIN is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.7 Verify Token factor (PIN+passcode)', 'verify-token-factor')),
  rsa.must('FACTORS.RSA.VERIFY.NO_PIN', 'verify',
    'Verifying with a fresh tokencode alone (no PIN before it) is refused with 403 E0000068; the tokencode is not spent and the factor stays ACTIVE.',
    factorsDoc('§2.7 Verify Token factor (PIN+passcode)', 'verify-token-factor')),
  rsa.should('FACTORS.RSA.VERIFY.REPLAY', 'verify',
    'A passcode already used is not accepted again.',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
] as const;
