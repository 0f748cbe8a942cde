import type { Requirement } from '../../../reports/check-meta.js';
import { FACTORS, factorsDoc, req } from './source.js';

const TOTP = 'token:software:totp';

/** token:software:totp (Okta Verify OTP and Google Authenticator): spec §2.5, §3.4. */
export const TOTP_REQUIREMENTS: readonly Requirement[] = [
  req('FACTORS.TOTP.ENROLL.PENDING', 'MUST', FACTORS, TOTP, 'enroll',
    'Enrolling token:software:totp (OKTA or GOOGLE) returns the factor PENDING_ACTIVATION with the TOTP activation object (timeStep, sharedSecret, encoding, keyLength, qrcode link).',
    factorsDoc('§2.5 Enroll TOTP factor', 'enroll-okta-verify-totp-factor')),
  req('FACTORS.TOTP.ENROLL.LINKS', 'MUST', FACTORS, TOTP, 'enroll',
    'A pending TOTP factor publishes `activate` (POST), `self` and `user` links, and no `verify` link.',
    factorsDoc('§3.3 links by status', 'enroll-okta-verify-totp-factor')),
  req('FACTORS.TOTP.ACTIVATE.GOOD_CODE', 'MUST', FACTORS, TOTP, 'activate',
    'Activating with the current passcode answers 200 with the factor ACTIVE, publishing `verify` and `self` (GET, DELETE), and the factor reads back ACTIVE.',
    factorsDoc('§2.5 Activate TOTP factor', 'activate-totp-factor')),
  req('FACTORS.TOTP.ACTIVATE.BAD_CODE', 'MUST', FACTORS, TOTP, 'activate',
    'Activating with a wrong passcode is refused with 403 E0000068 and the factor stays PENDING_ACTIVATION.',
    factorsDoc('§2.5 Activate TOTP factor', 'activate-totp-factor')),
  req('FACTORS.TOTP.VERIFY.GOOD_CODE', 'MUST', FACTORS, TOTP, 'verify',
    'Verifying an active factor with the current passcode answers 200 {factorResult: SUCCESS}.',
    factorsDoc('§2.5 Verify TOTP factor', 'verify-totp-factor')),
  req('FACTORS.TOTP.VERIFY.BAD_CODE', 'MUST', FACTORS, TOTP, 'verify',
    'Verifying with a wrong passcode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.5 Verify TOTP factor', 'verify-totp-factor')),
  req('FACTORS.TOTP.VERIFY.REPLAY', 'MUST', FACTORS, TOTP, 'verify',
    'A passcode already accepted in its time window is not accepted again (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED).',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
  req('FACTORS.TOTP.VERIFY.TIME_WINDOW', 'MUST', FACTORS, TOTP, 'verify',
    'A passcode from a time window long past is not accepted (403 E0000068/E0000083, or factorResult TIME_WINDOW_EXCEEDED).',
    factorsDoc('§3.4 TIME_WINDOW_EXCEEDED', 'factor-verify-result-object')),
];
