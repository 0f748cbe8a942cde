/**
 * The catalog of switchable faults: each one makes the mock org depart from the protocol in one
 * precise way, so the harness can prove that its suites notice (test/faults/).
 */
export const FAULT_CATALOG = [
  { id: 'totp.accept-any-code', description: 'TOTP activation and verification accept any passcode' },
  { id: 'totp.allow-replay', description: 'a TOTP passcode may be used again within its time window' },
  { id: 'totp.unbounded-window', description: 'TOTP passcodes from any past time window are accepted' },
  { id: 'totp.activate-not-persisted', description: 'activation answers ACTIVE but the stored factor stays PENDING_ACTIVATION' },
  { id: 'factors.bad-code-wrong-error', description: 'a wrong passcode is answered 401 E0000004 instead of 403 E0000068' },
  { id: 'factors.drop-links', description: 'factor objects are returned without `_links`' },
  { id: 'factors.unenroll-not-persisted', description: 'unenroll answers 204 but the factor stays enrolled' },
  { id: 'factors.enroll-wrong-status', description: 'a TOTP factor is enrolled ACTIVE instead of PENDING_ACTIVATION' },
  { id: 'errors.drop-error-causes', description: 'error objects are returned without `errorCauses`' },
  { id: 'auth.accept-missing-token', description: 'requests without an API token are served instead of answered 401 E0000011' },
] as const;

export type FaultId = (typeof FAULT_CATALOG)[number]['id'];

const KNOWN = new Set<string>(FAULT_CATALOG.map((f) => f.id));

export function isFaultId(id: string): id is FaultId {
  return KNOWN.has(id);
}

/** Which faults are switched on in one org. */
export class FaultSwitches {
  readonly #enabled = new Set<FaultId>();

  has(id: FaultId): boolean {
    return this.#enabled.has(id);
  }

  /** Switches the given faults on and off; unknown ids are refused before anything changes. */
  apply(enable: readonly string[], disable: readonly string[] = []): void {
    const unknown = [...enable, ...disable].filter((id) => !isFaultId(id));
    if (unknown.length > 0) throw new UnknownFaultError(unknown);
    for (const id of disable) this.#enabled.delete(id as FaultId);
    for (const id of enable) this.#enabled.add(id as FaultId);
  }

  clear(): void {
    this.#enabled.clear();
  }

  list(): { id: FaultId; description: string; enabled: boolean }[] {
    return FAULT_CATALOG.map((f) => ({ id: f.id, description: f.description, enabled: this.#enabled.has(f.id) }));
  }
}

export class UnknownFaultError extends Error {
  constructor(readonly ids: string[]) {
    super(`unknown fault id(s): ${ids.join(', ')}`);
  }
}
