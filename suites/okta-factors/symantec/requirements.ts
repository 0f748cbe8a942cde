import { feature } from '../../../requirements/builders.js';
import { factorsDoc, factorsSpec } from '../../../requirements/sources.js';

const symantec = feature({ family: 'okta-factors', name: 'token (SYMANTEC)', suite: 'suites/okta-factors/symantec' });

/** token / SYMANTEC, Symantec VIP: spec §2.8. */
export const SYMANTEC_REQUIREMENTS = [
  symantec.must('FACTORS.SYMANTEC.ENROLL.ACTIVE', 'enroll',
    'Enrolling token (SYMANTEC) with profile.credentialId and the current and next passcodes answers 200 with the factor ACTIVE, profile.credentialId as sent and a verify link; it reads back ACTIVE and is listed.',
    factorsDoc('§2.8 Enroll Symantec VIP factor', 'enroll-symantec-vip-factor')),
  symantec.must('FACTORS.SYMANTEC.ENROLL.BOTH_PASSCODES', 'enroll',
    'Enrollment without nextPassCode is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsDoc('§2.8 "must be verified with the current and next passcodes"', 'enroll-symantec-vip-factor')),
  symantec.must('FACTORS.SYMANTEC.ENROLL.BAD_PASSCODES', 'enroll',
    'Enrollment with a wrong passCode, or a nextPassCode that is not the next code, is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsDoc('§2.8 Enroll Symantec VIP factor', 'enroll-symantec-vip-factor')),
  symantec.must('FACTORS.SYMANTEC.ENROLL.UNKNOWN_CREDENTIAL', 'enroll',
    'Enrollment with a credentialId the VIP service does not know is refused (403 E0000068 or a 400) and enrolls nothing.',
    factorsSpec('§2.8, §11 (error undocumented)', 'operation/enrollFactor')),
  symantec.must('FACTORS.SYMANTEC.VERIFY.GOOD_CODE', 'verify',
    'Verifying with a fresh security code answers 200 {factorResult: SUCCESS}.',
    factorsDoc('§2.8 Verify Token factor', 'verify-token-factor')),
  symantec.must('FACTORS.SYMANTEC.VERIFY.BAD_CODE', 'verify',
    'Verifying with a wrong passcode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.8 Verify Token factor', 'verify-token-factor')),
  symantec.should('FACTORS.SYMANTEC.VERIFY.REPLAY', 'verify',
    'A security code already used (at verification or enrollment) is not accepted again.',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
] as const;
