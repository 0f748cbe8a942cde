/** One switch of an org: a fault (a departure from the protocol) or a `variant.*` (a conformant real-org behaviour). */
export interface SwitchDefinition {
  readonly id: string;
  readonly description: string;
}

/**
 * Which faults and variants are switched on in one org. It knows no family or kind: the catalog it is
 * constructed with (mock-org/faults.ts, mock-org/variants.ts) says which switches exist.
 */
export class FaultSwitches<Id extends string = string> {
  readonly #catalog: readonly (SwitchDefinition & { readonly id: Id })[];
  readonly #known: ReadonlySet<string>;
  readonly #enabled = new Set<Id>();

  constructor(catalog: readonly (SwitchDefinition & { readonly id: Id })[]) {
    this.#catalog = catalog;
    this.#known = new Set(catalog.map((f) => f.id));
  }

  has(id: Id): boolean {
    return this.#enabled.has(id);
  }

  /** Switches the given faults on and off; unknown ids are refused before anything changes. */
  apply(enable: readonly string[], disable: readonly string[] = []): void {
    const unknown = [...enable, ...disable].filter((id) => !this.#isKnown(id));
    if (unknown.length > 0) throw new UnknownFaultError(unknown);
    for (const id of disable) if (this.#isKnown(id)) this.#enabled.delete(id);
    for (const id of enable) if (this.#isKnown(id)) this.#enabled.add(id);
  }

  clear(): void {
    this.#enabled.clear();
  }

  list(): { id: Id; description: string; enabled: boolean }[] {
    return this.#catalog.map((f) => ({ id: f.id, description: f.description, enabled: this.#enabled.has(f.id) }));
  }

  #isKnown(id: string): id is Id {
    return this.#known.has(id);
  }
}

export class UnknownFaultError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown fault id(s): ${ids.join(', ')}`);
  }
}
