import { feature } from '../../../requirements/builders.js';
import { factorsDoc, factorsSpec } from '../../../requirements/sources.js';

const customTotp = feature({ family: 'okta-factors', name: 'token:hotp', suite: 'suites/okta-factors/custom-totp' });

/** token:hotp / CUSTOM, Custom TOTP: spec §2.10. */
export const CUSTOM_TOTP_REQUIREMENTS = [
  customTotp.must('FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE', 'enroll',
    "Enrolling token:hotp (CUSTOM) with ?activate=true, a factorProfileId and a sharedSecret answers 200 with the factor ACTIVE, its vendorName the factor profile's vendor and a verify link; it reads back ACTIVE and is listed.",
    factorsDoc('§2.10 Enroll Custom HOTP factor', 'enroll-custom-hotp-factor')),
  customTotp.must('FACTORS.CUSTOM_TOTP.ENROLL.SECRET_WRITE_ONLY', 'enroll',
    'The sharedSecret is write-only: no enroll, get or list response returns it.',
    factorsSpec('§2.13 token:hotp profile', 'operation/enrollFactor')),
  customTotp.should('FACTORS.CUSTOM_TOTP.ENROLL.AUTO_ACTIVATION_ONLY', 'enroll',
    'Only auto-activation is supported: without ?activate=true the enrollment is refused with a 400 (or auto-activated), never left PENDING_ACTIVATION with no way to activate it.',
    factorsDoc('§2.10 "Currently only auto-activation is supported"', 'enroll-custom-hotp-factor')),
  customTotp.must('FACTORS.CUSTOM_TOTP.ENROLL.UNKNOWN_PROFILE', 'enroll',
    'A missing or unknown factorProfileId is refused with a 400 error and enrolls nothing.',
    factorsSpec('§2.10 factorProfileId', 'operation/enrollFactor')),
  customTotp.must('FACTORS.CUSTOM_TOTP.ENROLL.ONE_PER_USER', 'enroll',
    'A user can enroll only one Custom TOTP factor: a second enrollment (any factor profile) is refused with 400 E0000001 and the first stays as it was.',
    factorsSpec('§2.10 one Custom TOTP factor per user', 'operation/enrollFactor')),
  customTotp.must('FACTORS.CUSTOM_TOTP.VERIFY.GOOD_CODE', 'verify',
    "Verifying with the current TOTP code, made with the factor profile's algorithm, length, time step and secret encoding, answers 200 {factorResult: SUCCESS}.",
    factorsDoc('§2.10 Verify TOTP factor (covers token:hotp)', 'verify-totp-factor')),
  customTotp.must('FACTORS.CUSTOM_TOTP.VERIFY.BAD_CODE', 'verify',
    'Verifying with a wrong passcode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.10 Verify TOTP factor', 'verify-totp-factor')),
  customTotp.must('FACTORS.CUSTOM_TOTP.VERIFY.REPLAY', 'verify',
    'A code of a time step already used, or of an earlier one, is not accepted (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED).',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
  customTotp.must('FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW', 'verify',
    'A code from ten time steps away is not accepted (403 E0000068/E0000083, or factorResult TIME_WINDOW_EXCEEDED).',
    factorsDoc('§3.4 TIME_WINDOW_EXCEEDED', 'factor-verify-result-object')),
  customTotp.should('FACTORS.CUSTOM_TOTP.VERIFY.CLOCK_DRIFT', 'verify',
    "A code from a neighbouring time step, within the factor profile's clock drift interval, is accepted.",
    factorsDoc('§2.10 Custom TOTP factor profile', 'enroll-custom-hotp-factor')),
] as const;
