/** One switchable departure from the protocol, and the requirements whose checks it makes fail. */
export interface FaultDefinition<RequirementId extends string = string> {
  readonly id: string;
  readonly description: string;
  /** Every requirement whose checks must fail while the fault is on (test/faults/ proves it). */
  readonly breaks: readonly RequirementId[];
}

/** A target profile: which Okta engine an org runs (a check that truly differs between them skips on the other). */
export type EngineProfile = 'classic' | 'identity-engine';

/**
 * One switchable real-org behaviour the protocol allows (`variant.*`): recorded traffic or Okta's own catalog
 * shows a real org doing it, so every suite must still pass with it on (test/faults/ proves it).
 */
export interface VariantDefinition {
  readonly id: `variant.${string}`;
  readonly description: string;
  /** The profile a driver reports for an org with this variant on (default classic). */
  readonly profile?: EngineProfile;
  /**
   * The suite folders (or files) whose requests can meet this behaviour, when it is confined to a few endpoints:
   * the variant harness runs only those (as a fault runs only the suites of what it `breaks`). Absent: every suite
   * folder, for a behaviour of the whole org (headers, key order, error wording …).
   */
  readonly reaches?: readonly string[];
}
