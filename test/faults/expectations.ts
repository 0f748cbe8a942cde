import type { FaultId } from '../../mock-org/faults.js';

/**
 * For every fault in the mock org's catalog: the suite files that must notice it, and the
 * requirements whose checks must fail when it is on. A fault no check catches is a hole
 * in the suites; the test beside this file fails until one does.
 */
export interface FaultExpectation {
  files: string[];
  failing: string[];
}

const TOTP = 'suites/factors/totp.test.ts';
const COMMON = 'suites/factors/common.test.ts';

export const FAULT_EXPECTATIONS: Record<FaultId, FaultExpectation> = {
  'totp.accept-any-code': { files: [TOTP], failing: ['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE'] },
  'totp.allow-replay': { files: [TOTP], failing: ['FACTORS.TOTP.VERIFY.REPLAY'] },
  'totp.unbounded-window': { files: [TOTP], failing: ['FACTORS.TOTP.VERIFY.TIME_WINDOW'] },
  'totp.activate-not-persisted': { files: [TOTP], failing: ['FACTORS.TOTP.ACTIVATE.GOOD_CODE'] },
  'factors.bad-code-wrong-error': { files: [TOTP], failing: ['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE'] },
  'factors.drop-links': { files: [TOTP], failing: ['FACTORS.TOTP.ENROLL.LINKS', 'FACTORS.TOTP.ACTIVATE.GOOD_CODE'] },
  'factors.unenroll-not-persisted': { files: [TOTP], failing: ['FACTORS.UNENROLL.DELETE'] },
  'factors.enroll-wrong-status': { files: [TOTP], failing: ['FACTORS.TOTP.ENROLL.PENDING'] },
  'errors.drop-error-causes': { files: [COMMON], failing: ['API.AUTH.TOKEN_REQUIRED', 'FACTORS.GET.UNKNOWN', 'FACTORS.ENROLL.UNKNOWN_TYPE'] },
  'auth.accept-missing-token': { files: [COMMON], failing: ['API.AUTH.TOKEN_REQUIRED'] },
};
