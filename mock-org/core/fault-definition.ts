/** One switchable departure from the protocol. */
export interface FaultDefinition {
  readonly id: string;
  readonly description: string;
}
