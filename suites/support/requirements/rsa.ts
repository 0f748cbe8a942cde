import type { Requirement } from '../../../reports/check-meta.js';
import { FACTORS, factorsDoc, factorsSpec, req } from './source.js';

const RSA = 'token (RSA)';

/** token / RSA, RSA SecurID: spec §2.7. */
export const RSA_REQUIREMENTS: readonly Requirement[] = [
  req('FACTORS.RSA.ENROLL.ACTIVE', 'MUST', FACTORS, RSA, 'enroll',
    'Enrolling token (RSA) with profile.credentialId and the current PIN+tokencode answers 200 with the factor ACTIVE, profile.credentialId as sent and a verify link; it reads back ACTIVE and is listed.',
    factorsDoc('§2.7 Enroll RSA SecurID factor', 'enroll-rsa-securid-factor')),
  req('FACTORS.RSA.ENROLL.BAD_PASSCODE', 'MUST', FACTORS, RSA, 'enroll',
    'Enrollment with a wrong passcode is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsDoc('§2.7 "must be verified with the current pin+passcode"', 'enroll-rsa-securid-factor')),
  req('FACTORS.RSA.ENROLL.UNKNOWN_CREDENTIAL', 'MUST', FACTORS, RSA, 'enroll',
    'Enrollment with a credentialId the SecurID service does not know is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsSpec('§2.7, §11 (error undocumented)', 'operation/enrollFactor')),
  req('FACTORS.RSA.VERIFY.GOOD_CODE', 'MUST', FACTORS, RSA, 'verify',
    'Verifying with the PIN and a fresh tokencode answers 200 {factorResult: SUCCESS}.',
    factorsDoc('§2.7 Verify Token factor', 'verify-token-factor')),
  req('FACTORS.RSA.VERIFY.BAD_CODE', 'MUST', FACTORS, RSA, 'verify',
    'Verifying with the right PIN and a wrong tokencode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.7 Verify Token factor', 'verify-token-factor')),
  req('FACTORS.RSA.VERIFY.WRONG_PIN', 'MUST', FACTORS, RSA, 'verify',
    'Verifying with a fresh tokencode after a wrong PIN is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.7 Verify Token factor (PIN+passcode)', 'verify-token-factor')),
  req('FACTORS.RSA.VERIFY.REPLAY', 'SHOULD', FACTORS, RSA, 'verify',
    'A passcode already used is not accepted again.',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
];
