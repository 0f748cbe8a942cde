import type { PUSH_FAULTS } from '../../../mock-org/okta-factors/push/faults.js';
import type { FaultExpectation } from './types.js';

const PUSH = 'suites/okta-factors/push/push.test.ts';

const caughtBy = (...failing: string[]): FaultExpectation => ({ files: [PUSH], failing });

export const PUSH_EXPECTATIONS: Record<(typeof PUSH_FAULTS)[number]['id'], FaultExpectation> = {
  'push.enroll-no-activation': caughtBy('FACTORS.PUSH.ENROLL.PENDING'),
  'push.enroll-poll-link-missing': caughtBy('FACTORS.PUSH.ENROLL.LINKS'),
  'push.activation-without-device': caughtBy('FACTORS.PUSH.ACTIVATE.WAITING'),
  'push.activation-approve-ignored': caughtBy('FACTORS.PUSH.ACTIVATE.APPROVE'),
  'push.activation-no-device-profile': caughtBy('FACTORS.PUSH.ACTIVATE.APPROVE'),
  'push.activation-never-expires': caughtBy('FACTORS.PUSH.ACTIVATE.TIMEOUT'),
  'push.activation-no-restart': caughtBy('FACTORS.PUSH.ACTIVATE.RESTART'),
  'push.send-links-not-served': caughtBy('FACTORS.PUSH.ACTIVATE.SEND'),
  'push.send-not-delivered': caughtBy('FACTORS.PUSH.ACTIVATE.SEND'),
  'push.send-bad-phone-accepted': caughtBy('FACTORS.PUSH.ACTIVATE.SEND_BAD_PHONE'),
  'push.challenge-poll-link-missing': caughtBy('FACTORS.PUSH.VERIFY.CHALLENGE'),
  'push.approve-ignored': caughtBy('FACTORS.PUSH.VERIFY.APPROVE'),
  'push.reject-reported-success': caughtBy('FACTORS.PUSH.VERIFY.REJECT'),
  'push.challenge-never-expires': caughtBy('FACTORS.PUSH.VERIFY.TIMEOUT'),
  'push.late-approve-succeeds': caughtBy('FACTORS.PUSH.VERIFY.TIMEOUT'),
  'push.number-challenge-missing': caughtBy('FACTORS.PUSH.VERIFY.NUMBER_MATCHING'),
  'push.number-challenge-bad-type-accepted': caughtBy('FACTORS.PUSH.VERIFY.BAD_BODY'),
  'push.transaction-any-factor': caughtBy('FACTORS.PUSH.POLL.UNKNOWN'),
  'push.unknown-transaction-timeout': caughtBy('FACTORS.PUSH.POLL.UNKNOWN'),
  'push.cancel-ignored': caughtBy('FACTORS.PUSH.CANCEL'),
  'push.reset-keeps-totp': caughtBy('FACTORS.PUSH.UNENROLL.RESETS_TOTP'),
  'push.reset-removes-google-totp': caughtBy('FACTORS.PUSH.UNENROLL.RESETS_TOTP'),
};
