/**
 * Org-level state a module owns (a kind's token store, the Authentication API's transactions, …),
 * so that the org does not list every module's state by hand. An `OrgState` is declared once, next to
 * the code that uses it; each org (its `OrgScope`) gets its own value on first use. Values declared
 * with a `reset` are emptied by the org's reset; the others (org configuration) are kept.
 */
export class OrgScope {
  readonly #resets: (() => void)[] = [];

  onReset(reset: () => void): void {
    this.#resets.push(reset);
  }

  reset(): void {
    for (const reset of this.#resets) reset();
  }
}

export class OrgState<T> {
  readonly #values = new WeakMap<OrgScope, T>();

  constructor(
    private readonly create: () => T,
    private readonly resetValue?: (value: T) => void,
  ) {}

  /** This org's value, made on first use. */
  of(scope: OrgScope): T {
    const known = this.#values.get(scope);
    if (known !== undefined) return known;
    const value = this.create();
    this.#values.set(scope, value);
    const reset = this.resetValue;
    if (reset) scope.onReset(() => reset(value));
    return value;
  }
}
