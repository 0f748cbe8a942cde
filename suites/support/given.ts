import { OrgWideChangeRefused } from '../../drivers/check-scope.js';
import { isSkipSignal } from './failure.js';
import type { RequirementId } from '../../requirements/index.js';

export interface GivenOptions {
  /** The requirement whose behaviour this precondition relies on (it is named as what blocked the check). */
  by?: RequirementId;
}

/**
 * A precondition of a check failed: the check cannot test its requirement and is BLOCKED, not FAIL.
 * `check()` turns it into a FAIL only when `by` is one of the check's own requirements (the enroll check
 * uses the same set-up as the checks that merely need an enrolled factor).
 */
export class PreconditionFailed extends Error {
  readonly precondition: string;
  readonly by: RequirementId | undefined;
  override readonly cause: unknown;

  constructor(precondition: string, by: RequirementId | undefined, cause: unknown) {
    super(`precondition '${precondition}' failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PreconditionFailed';
    this.precondition = precondition;
    this.by = by;
    this.cause = cause;
  }
}

/**
 * Runs a check's precondition step. When it throws, the check is reported BLOCKED, naming `name`
 * and `options.by`. Nested steps keep the innermost failure: it names the most precise cause.
 */
export async function given<T>(name: string, step: () => Promise<T> | T, options: GivenOptions = {}): Promise<T> {
  try {
    return await step();
  } catch (error) {
    // A check that changed org-wide state without holding the org to itself is broken, not blocked.
    if (error instanceof PreconditionFailed || error instanceof OrgWideChangeRefused || isSkipSignal(error)) throw error;
    throw new PreconditionFailed(name, options.by, error);
  }
}
