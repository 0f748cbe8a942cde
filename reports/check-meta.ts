import type {} from 'vitest';

/**
 * What a conformance check records about itself on its vitest task (`task.meta`),
 * so that reporters can build the requirement summary without importing the suites.
 */

export type RequirementLevel = 'MUST' | 'SHOULD' | 'MAY';

/** One protocol requirement, as data. The catalog lives in suites/support/requirements.ts. */
export interface Requirement {
  /** Stable id, e.g. `FACTORS.TOTP.ACTIVATE.BAD_CODE`. */
  id: string;
  level: RequirementLevel;
  /** Allure epic: the API family, e.g. `Factors API`. */
  family: string;
  /** Allure feature: the factor type or flow, e.g. `token:software:totp`. */
  feature: string;
  /** Allure story: the operation, e.g. `activate`. */
  story: string;
  /** One sentence: what the target must do. */
  title: string;
  /** Where the requirement comes from (spec source tag and section, and a link to the doc). */
  source: { tag: string; section: string; url: string };
}

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
