import type {} from 'vitest';

/**
 * What a conformance check records about itself on its vitest task (`task.meta`),
 * so that reporters can build the requirement summary without importing the suites.
 */

/** Stored on `task.meta` by the `check()` helper. */
export interface CheckMeta {
  /** Requirement ids this check proves. */
  requirements?: string[];
  /** Why the check was skipped (missing capability, real-time only, …). */
  skipReason?: string;
  /** How many HTTP requests the check sent to the target (for the benchmark). */
  httpRequests?: number;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface TaskMeta extends CheckMeta {}
}
