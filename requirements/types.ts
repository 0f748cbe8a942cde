import type { FamilyId } from './families.js';

export type RequirementLevel = 'MUST' | 'SHOULD' | 'MAY';

/** Where a requirement comes from: the spec source tag and section, and a link to the doc. */
export interface Source {
  readonly tag: string;
  readonly section: string;
  readonly url: string;
}

/** One protocol requirement, as data. The catalog is requirements/catalog.ts. */
export interface Requirement<Id extends string = string> {
  /** Stable id, e.g. `FACTORS.TOTP.ACTIVATE.BAD_CODE`. */
  readonly id: Id;
  readonly level: RequirementLevel;
  /** The API family; its title is the Allure epic. */
  readonly family: FamilyId;
  /** Allure feature: the factor type or flow, e.g. `token:software:totp`. */
  readonly feature: string;
  /** Allure story: the operation, e.g. `activate`. */
  readonly story: string;
  /** One sentence: what the target must do. */
  readonly title: string;
  readonly source: Source;
  /** The suite folder whose files check it, e.g. `suites/okta-factors/totp`. */
  readonly suite: string;
}
