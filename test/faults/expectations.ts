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
