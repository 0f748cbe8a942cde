/**
 * The org's factor enrollment policy: which factor types (per provider) users may enroll, and
 * whether enrollment is REQUIRED or OPTIONAL. The catalog (`GET …/factors/catalog`) reflects it.
 */
export type Enrollment = 'REQUIRED' | 'OPTIONAL' | 'DISABLED';

/** The FIDO2 (WebAuthn) factor's user verification setting (Okta's admin console offers the same three). */
export type UserVerification = 'required' | 'preferred' | 'discouraged';

export interface PolicyEntry {
  factorType: string;
  provider: string;
  enrollment: Enrollment;
  /** webauthn only; absent means 'preferred'. */
  userVerification?: UserVerification;
}

export class FactorPolicy {
  readonly #entries = new Map<string, PolicyEntry>();
  readonly #defaults: PolicyEntry[];

  /** `defaults`: every factor the org implements, as it starts (OPTIONAL). */
  constructor(defaults: PolicyEntry[]) {
    this.#defaults = defaults;
    this.reset();
  }

  static key(factorType: string, provider: string): string {
    return `${factorType}\u0000${provider}`;
  }

  enrollment(factorType: string, provider: string): Enrollment {
    return this.#entries.get(FactorPolicy.key(factorType, provider))?.enrollment ?? 'DISABLED';
  }

  userVerification(factorType: string, provider: string): UserVerification {
    return this.#entries.get(FactorPolicy.key(factorType, provider))?.userVerification ?? 'preferred';
  }

  /** Entries for factors the org knows; returns the ones it does not know (and changes nothing then). */
  apply(changes: PolicyEntry[]): PolicyEntry[] {
    const unknown = changes.filter((c) => !this.#entries.has(FactorPolicy.key(c.factorType, c.provider)));
    if (unknown.length > 0) return unknown;
    for (const change of changes) this.#entries.set(FactorPolicy.key(change.factorType, change.provider), { ...change });
    return [];
  }

  list(): PolicyEntry[] {
    return [...this.#entries.values()].map((e) => ({ ...e }));
  }

  reset(): void {
    this.#entries.clear();
    for (const entry of this.#defaults) this.#entries.set(FactorPolicy.key(entry.factorType, entry.provider), { ...entry });
  }
}
