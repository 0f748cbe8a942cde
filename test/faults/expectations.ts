import type { FaultId } from '../../mock-org/core/faults.js';
import { AUTHN_EXPECTATIONS } from './expectations/authn.js';
import { CORE_EXPECTATIONS } from './expectations/core.js';
import { FIDO_EXPECTATIONS } from './expectations/fido.js';
import { LIFECYCLE_EXPECTATIONS } from './expectations/lifecycle.js';
import { MESSAGE_EXPECTATIONS } from './expectations/messages.js';
import { PUSH_EXPECTATIONS } from './expectations/push.js';
import { TOKEN_EXPECTATIONS } from './expectations/tokens.js';
import { TOTP_EXPECTATIONS } from './expectations/totp.js';
import type { FaultExpectation } from './expectations/types.js';

export type { FaultExpectation } from './expectations/types.js';

/**
 * Requirements whose only faults broke a precondition of their checks: since BLOCKED is not FAIL, those
 * faults now fail the precondition's own requirement and block these. Each needs a fault of its own that
 * leaves the precondition working (a gap to close in the mock org, not a check to weaken).
 */
export const AWAITING_A_FAULT: Record<string, string> = {
  'FACTORS.TOTP.ENROLL.LINKS': 'factors.drop-links makes the enrolled factor fail its schema; needs e.g. a pending factor that offers verify',
  'FACTORS.CUSTOM_TOTP.VERIFY.GOOD_CODE': 'custom-totp.profile-settings-ignored makes the base32 profile refuse enrollment; needs a verify-only fault',
  'FACTORS.SYMANTEC.VERIFY.GOOD_CODE': 'symantec.service-clock-behind refuses the enrollment passcodes too; needs a verify-only fault',
  'FACTORS.RSA.VERIFY.GOOD_CODE': 'rsa.pin-appended refuses the enrollment passcode too; needs a verify-only fault',
};

/**
 * For every fault in the mock org's catalog (one file per area under expectations/): the suite
 * files that must notice it, and the requirements whose checks must fail when it is on. A fault
 * no check catches is a hole in the suites; the type below does not compile until every fault has one.
 */
export const FAULT_EXPECTATIONS: Record<FaultId, FaultExpectation> = {
  ...CORE_EXPECTATIONS,
  ...LIFECYCLE_EXPECTATIONS,
  ...TOTP_EXPECTATIONS,
  ...FIDO_EXPECTATIONS,
  ...MESSAGE_EXPECTATIONS,
  ...TOKEN_EXPECTATIONS,
  ...PUSH_EXPECTATIONS,
  ...AUTHN_EXPECTATIONS,
};
