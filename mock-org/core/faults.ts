import { AUTHN_FAULTS } from '../okta-authn/faults.js';
import { CORE_FAULTS } from '../okta-factors/api/faults.js';
import { FIDO_FAULTS } from '../okta-factors/fido/faults.js';
import { LIFECYCLE_FAULTS } from '../okta-factors/lifecycle/faults.js';
import { MESSAGE_FAULTS } from '../okta-factors/otp-activation/faults.js';
import { PUSH_FAULTS } from '../okta-factors/push/faults.js';
import { TOKEN_FAULTS } from '../okta-factors/token-service/faults.js';
import { TOTP_FAULTS } from '../okta-factors/totp/faults.js';
import type { FaultDefinition } from './fault-definition.js';

/**
 * The catalog of switchable faults (one file per area under fault-catalog/): each one makes the mock org depart from the protocol in one
 * precise way, so the harness can prove that its suites notice (test/faults/).
 */
export const FAULT_CATALOG = [
  ...CORE_FAULTS,
  ...LIFECYCLE_FAULTS,
  ...TOTP_FAULTS,
  ...FIDO_FAULTS,
  ...MESSAGE_FAULTS,
  ...PUSH_FAULTS,
  ...TOKEN_FAULTS,
  ...AUTHN_FAULTS,
] as const satisfies readonly FaultDefinition[];

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
