import type { CORE_FAULTS } from '../../../mock-org/okta-factors/api/faults.js';
import { SUITE, type FaultExpectation } from './types.js';

export const CORE_EXPECTATIONS: Record<(typeof CORE_FAULTS)[number]['id'], FaultExpectation> = {
  'auth.accept-missing-token': { files: [SUITE.common], failing: ['API.AUTH.TOKEN_REQUIRED'] },
  'auth.read-only-can-write': { files: [SUITE.common], failing: ['API.AUTH.PERMISSION'] },
  'errors.drop-error-causes': { files: [SUITE.common], failing: ['API.AUTH.TOKEN_REQUIRED', 'FACTORS.GET.UNKNOWN', 'FACTORS.ENROLL.UNKNOWN_TYPE'] },
  'ratelimit.drop-headers': { files: [SUITE.common], failing: ['API.RATE_LIMIT.HEADERS'] },
  'factors.activate-not-persisted': {
    files: [SUITE.totp, 'suites/okta-factors/sms/sms.test.ts', 'suites/okta-factors/call/call.test.ts', 'suites/okta-factors/email/email.test.ts'],
    failing: [
      'FACTORS.TOTP.ACTIVATE.GOOD_CODE', 'FACTORS.TOTP.VERIFY.GOOD_CODE', 'FACTORS.GET.FACTOR', 'FACTORS.LIST.ENROLLED',
      'FACTORS.SMS.ACTIVATE.GOOD_CODE', 'FACTORS.CALL.ACTIVATE.GOOD_CODE', 'FACTORS.EMAIL.ACTIVATE.GOOD_CODE',
    ],
  },
  'factors.bad-code-wrong-error': { files: [SUITE.totp], failing: ['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE'] },
  // The enrolled factor fails its schema without links: every other TOTP check is BLOCKED by the enroll requirement.
  'factors.drop-links': { files: [SUITE.totp], failing: ['FACTORS.TOTP.ENROLL.PENDING'] },
  'factors.unenroll-not-persisted': { files: [SUITE.totp], failing: ['FACTORS.UNENROLL.DELETE'] },
  'factors.enroll-wrong-status': { files: [SUITE.totp], failing: ['FACTORS.TOTP.ENROLL.PENDING'] },
};
