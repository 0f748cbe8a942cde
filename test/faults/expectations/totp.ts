import type { TOTP_FAULTS } from '../../../mock-org/okta-factors/totp/faults.js';
import { SUITE, type FaultExpectation } from './types.js';

export const TOTP_EXPECTATIONS: Record<(typeof TOTP_FAULTS)[number]['id'], FaultExpectation> = {
  'totp.accept-any-code': { files: [SUITE.totp], failing: ['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE'] },
  'totp.allow-replay': { files: [SUITE.totp], failing: ['FACTORS.TOTP.VERIFY.REPLAY'] },
  'totp.unbounded-window': { files: [SUITE.totp], failing: ['FACTORS.TOTP.VERIFY.TIME_WINDOW'] },
  // Only the enroll requirement fails: every other TOTP check needs an enrolled factor and is BLOCKED by it.
  'totp.enroll-fails': { files: [SUITE.totp], failing: ['FACTORS.TOTP.ENROLL.PENDING'] },
};
