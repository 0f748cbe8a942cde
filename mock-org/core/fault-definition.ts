/** One switchable departure from the protocol, and the requirements whose checks it makes fail. */
export interface FaultDefinition<RequirementId extends string = string> {
  readonly id: string;
  readonly description: string;
  /** Every requirement whose checks must fail while the fault is on (test/faults/ proves it). */
  readonly breaks: readonly RequirementId[];
}
