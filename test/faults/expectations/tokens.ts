import type { TOKEN_FAULTS } from '../../../mock-org/okta-factors/token-service/faults.js';
import type { FaultExpectation } from './types.js';

/** The suite files of the knowledge and token factors. */
const SUITE = {
  question: 'suites/okta-factors/question/question.test.ts',
  hotp: 'suites/okta-factors/custom-totp/custom-totp.test.ts',
  symantec: 'suites/okta-factors/symantec/symantec.test.ts',
  rsa: 'suites/okta-factors/rsa/rsa.test.ts',
  yubikey: 'suites/okta-factors/yubikey/yubikey.test.ts',
} as const;

const caughtBy = (file: string, ...failing: string[]): FaultExpectation => ({ files: [file], failing });
const question = (...failing: string[]) => caughtBy(SUITE.question, ...failing);
const hotp = (...failing: string[]) => caughtBy(SUITE.hotp, ...failing);
const symantec = (...failing: string[]) => caughtBy(SUITE.symantec, ...failing);
const rsa = (...failing: string[]) => caughtBy(SUITE.rsa, ...failing);
const yubikey = (...failing: string[]) => caughtBy(SUITE.yubikey, ...failing);

export const TOKEN_EXPECTATIONS: Record<(typeof TOKEN_FAULTS)[number]['id'], FaultExpectation> = {
  'question.list-incomplete': question('FACTORS.QUESTION.LIST'),
  'question.answer-echoed': question('FACTORS.QUESTION.ANSWER.WRITE_ONLY', 'FACTORS.QUESTION.ENROLL.ACTIVE'),
  'question.drop-questions-link': question('FACTORS.QUESTION.ENROLL.LINKS'),
  'question.short-answer-accepted': question('FACTORS.QUESTION.ENROLL.SHORT_ANSWER'),
  'question.unknown-question-accepted': question('FACTORS.QUESTION.ENROLL.UNKNOWN_QUESTION'),
  'question.accept-any-answer': question('FACTORS.QUESTION.VERIFY.WRONG_ANSWER'),
  'question.answer-normalised-on-store': question('FACTORS.QUESTION.VERIFY.GOOD_ANSWER'),

  'custom-totp.vendor-name-wrong': hotp('FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE'),
  'custom-totp.shared-secret-echoed': hotp('FACTORS.CUSTOM_TOTP.ENROLL.SECRET_WRITE_ONLY', 'FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE'),
  'custom-totp.pending-without-activate': hotp('FACTORS.CUSTOM_TOTP.ENROLL.AUTO_ACTIVATION_ONLY'),
  'custom-totp.unknown-profile-accepted': hotp('FACTORS.CUSTOM_TOTP.ENROLL.UNKNOWN_PROFILE'),
  'custom-totp.second-factor-allowed': hotp('FACTORS.CUSTOM_TOTP.ENROLL.ONE_PER_USER'),
  'custom-totp.accept-any-code': hotp('FACTORS.CUSTOM_TOTP.VERIFY.BAD_CODE', 'FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW'),
  'custom-totp.allow-replay': hotp('FACTORS.CUSTOM_TOTP.VERIFY.REPLAY'),
  'custom-totp.unbounded-window': hotp('FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW'),
  'custom-totp.no-clock-drift': hotp('FACTORS.CUSTOM_TOTP.VERIFY.CLOCK_DRIFT'),
  // The base32 profile's secret is read as hex and refused: enrollment fails, the verify checks are BLOCKED by it.
  'custom-totp.profile-settings-ignored': hotp('FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE'),

  'symantec.credential-id-dropped': symantec('FACTORS.SYMANTEC.ENROLL.ACTIVE'),
  // Enrollment's passcodes are refused already: the verify checks are BLOCKED by it.
  'symantec.service-clock-behind': symantec('FACTORS.SYMANTEC.ENROLL.ACTIVE'),
  'symantec.accept-one-passcode': symantec('FACTORS.SYMANTEC.ENROLL.BOTH_PASSCODES'),
  'symantec.enroll-codes-unchecked': symantec('FACTORS.SYMANTEC.ENROLL.BAD_PASSCODES'),
  'symantec.unknown-credential-accepted': symantec('FACTORS.SYMANTEC.ENROLL.UNKNOWN_CREDENTIAL'),
  'symantec.accept-any-code': symantec('FACTORS.SYMANTEC.VERIFY.BAD_CODE'),
  'symantec.allow-replay': symantec('FACTORS.SYMANTEC.VERIFY.REPLAY'),

  // Enrollment's passcode is refused already: the verify checks are BLOCKED by it.
  'rsa.pin-appended': rsa('FACTORS.RSA.ENROLL.ACTIVE'),
  'rsa.enroll-code-unchecked': rsa('FACTORS.RSA.ENROLL.BAD_PASSCODE'),
  'rsa.unknown-credential-accepted': rsa('FACTORS.RSA.ENROLL.UNKNOWN_CREDENTIAL'),
  'rsa.accept-any-code': rsa('FACTORS.RSA.VERIFY.BAD_CODE'),
  'rsa.pin-not-checked': rsa('FACTORS.RSA.VERIFY.WRONG_PIN'),
  'rsa.allow-replay': rsa('FACTORS.RSA.VERIFY.REPLAY'),

  'yubikey.serial-not-padded': yubikey('FACTORS.YUBIKEY.TOKEN.UPLOAD', 'FACTORS.YUBIKEY.ENROLL.ACTIVE'),
  'yubikey.secrets-echoed': yubikey('FACTORS.YUBIKEY.TOKEN.UPLOAD'),
  'yubikey.upload-unvalidated': yubikey('FACTORS.YUBIKEY.TOKEN.UPLOAD_INVALID'),
  'yubikey.duplicate-serial-accepted': yubikey('FACTORS.YUBIKEY.TOKEN.UPLOAD_DUPLICATE'),
  'yubikey.get-unknown-wrong-error': yubikey('FACTORS.YUBIKEY.TOKEN.GET_UNKNOWN'),
  'yubikey.list-filter-ignored': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_FILTER'),
  'yubikey.bad-filter-ignored': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_BAD_FILTER'),
  'yubikey.list-limit-ignored': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_PAGINATION'),
  'yubikey.cursor-repeats': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_PAGINATION'),
  'yubikey.list-sort-ignored': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_SORT'),
  'yubikey.expand-user-ignored': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_EXPAND_USER'),
  'yubikey.csv-leaks-secrets': yubikey('FACTORS.YUBIKEY.TOKEN.LIST_CSV'),
  'yubikey.credential-id-not-serial': yubikey('FACTORS.YUBIKEY.ENROLL.ACTIVE'),
  'yubikey.token-status-not-updated': yubikey('FACTORS.YUBIKEY.ENROLL.TOKEN_ASSIGNED'),
  'yubikey.crc-not-checked': yubikey('FACTORS.YUBIKEY.ENROLL.BAD_OTP', 'FACTORS.YUBIKEY.VERIFY.BAD_CRC'),
  'yubikey.session-counter-ignored': yubikey('FACTORS.YUBIKEY.VERIFY.GOOD_OTP'),
  'yubikey.allow-replay': yubikey('FACTORS.YUBIKEY.VERIFY.REPLAY'),
  'yubikey.counter-not-checked': yubikey('FACTORS.YUBIKEY.VERIFY.OLD_COUNTER'),
  'yubikey.token-not-bound': yubikey('FACTORS.YUBIKEY.VERIFY.OTHER_TOKEN'),
  'yubikey.private-id-not-checked': yubikey('FACTORS.YUBIKEY.VERIFY.PRIVATE_ID'),
};
