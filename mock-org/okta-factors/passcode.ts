import { OktaError, invalidPasscode } from '../core/errors.js';
import type { FaultCheck } from './kind.js';

/**
 * The error every passcode factor answers a wrong passcode with, 403 E0000068 (or, with the
 * family-wide `factors.bad-code-wrong-error` fault, the wrong error).
 */
export function wrongPasscode(ctx: { faults: FaultCheck }): OktaError {
  if (ctx.faults.has('factors.bad-code-wrong-error')) {
    return new OktaError(401, 'E0000004', 'Authentication failed');
  }
  return invalidPasscode();
}
