import { feature } from '../../../requirements/builders.js';
import { factorsDoc } from '../../../requirements/sources.js';

const enrollment = feature({ family: 'okta-factors', name: 'enrollment', suite: 'suites/okta-factors/totp' });
const totp = feature({ family: 'okta-factors', name: 'token:software:totp', suite: 'suites/okta-factors/totp' });

/** token:software:totp (Okta Verify OTP and Google Authenticator): spec §2.5, §3.4; and get, list and unenroll, checked on a TOTP factor (spec §1 F1, F5, F6). */
export const TOTP_REQUIREMENTS = [
  enrollment.must('FACTORS.LIST.ENROLLED', 'list',
    "Listing a user's factors returns every enrolled factor as a Factor object.",
    factorsDoc('§1 F1 List enrolled factors', 'list-enrolled-factors')),
  enrollment.must('FACTORS.GET.FACTOR', 'get',
    'Getting a factor by id returns that Factor object with its current status.',
    factorsDoc('§1 F5 Get factor', 'get-factor')),
  enrollment.must('FACTORS.UNENROLL.DELETE', 'unenroll',
    'Unenrolling a factor answers 204 No Content; afterwards the factor is gone (404 E0000007, absent from the list).',
    factorsDoc('§1 F6 Reset factor', 'reset-factor')),
  totp.must('FACTORS.TOTP.ENROLL.PENDING', 'enroll',
    'Enrolling token:software:totp (OKTA or GOOGLE) returns the factor PENDING_ACTIVATION with the TOTP activation object (timeStep, sharedSecret, encoding, keyLength, qrcode link).',
    factorsDoc('§2.5 Enroll TOTP factor', 'enroll-okta-verify-totp-factor')),
  totp.must('FACTORS.TOTP.ENROLL.LINKS', 'enroll',
    'A pending TOTP factor publishes `activate` (POST), `self` and `user` links, and no `verify` link.',
    factorsDoc('§3.3 links by status', 'enroll-okta-verify-totp-factor')),
  totp.must('FACTORS.TOTP.ACTIVATE.GOOD_CODE', 'activate',
    'Activating with the current passcode answers 200 with the factor ACTIVE, publishing `verify` and `self` (GET, DELETE), and the factor reads back ACTIVE.',
    factorsDoc('§2.5 Activate TOTP factor', 'activate-totp-factor')),
  totp.must('FACTORS.TOTP.ACTIVATE.BAD_CODE', 'activate',
    'Activating with a wrong passcode is refused with 403 E0000068 and the factor stays PENDING_ACTIVATION.',
    factorsDoc('§2.5 Activate TOTP factor', 'activate-totp-factor')),
  totp.must('FACTORS.TOTP.VERIFY.GOOD_CODE', 'verify',
    'Verifying an active factor with the current passcode answers 200 {factorResult: SUCCESS}.',
    factorsDoc('§2.5 Verify TOTP factor', 'verify-totp-factor')),
  totp.must('FACTORS.TOTP.VERIFY.BAD_CODE', 'verify',
    'Verifying with a wrong passcode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.5 Verify TOTP factor', 'verify-totp-factor')),
  totp.must('FACTORS.TOTP.VERIFY.REPLAY', 'verify',
    'A passcode already accepted in its time window is not accepted again (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED).',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
  totp.must('FACTORS.TOTP.VERIFY.TIME_WINDOW', 'verify',
    'A passcode from a time window long past is not accepted (403 E0000068/E0000083, or factorResult TIME_WINDOW_EXCEEDED).',
    factorsDoc('§3.4 TIME_WINDOW_EXCEEDED', 'factor-verify-result-object')),
] as const;
