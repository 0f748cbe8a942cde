import type {} from 'vitest';

/**
 * What a conformance check records about itself on its vitest task (`task.meta`),
 * so that reporters can build the requirement summary without importing the suites.
 */

/**
 * What kind of expectation a failed check broke, so reports can group failures: the `expect*` helpers
 * of the suites throw typed failures; any other assertion is `assertion`, anything else thrown `error`.
 */
export const FAILURE_KINDS = ['status', 'error-code', 'schema', 'state', 'header', 'secret', 'body', 'assertion', 'error'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Why a check could not test its requirement: a precondition (a `given` step) failed. */
export interface BlockedBy {
  /** The precondition's name, e.g. `a pending TOTP factor`. */
  precondition: string;
  /** The requirement whose behaviour the precondition relies on (what blocked the check), when known. */
  by?: string;
  /** First line of the precondition's error, redacted. */
  message: string;
}

/** Stored on `task.meta` by the `check()` helper. */
export interface CheckMeta {
  /** Requirement ids this check proves. */
  requirements?: string[];
  /** Cells of a state machine's transition table the check exercises (`MFA_ENROLL_ACTIVATE previous`). */
  transitions?: string[];
  /** Why the check was skipped (missing capability, real-time only, …). */
  skipReason?: string;
  /** Set when a precondition failed: the check was skipped as BLOCKED. */
  blocked?: BlockedBy;
  /** Kind of the failure of a failed check. */
  failureKind?: FailureKind;
  /** How many HTTP requests the check sent to the target (for the benchmark). */
  httpRequests?: number;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface TaskMeta extends CheckMeta {}
}
