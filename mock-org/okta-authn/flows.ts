import type { FactorKinds } from '../okta-factors/kind.js';
import type { StoredFactor } from '../okta-factors/store.js';
import { duoFlow } from './duo/flow.js';
import { kindFlow } from './factors/kind-flow.js';
import type { AuthnFactorFlow } from './flow.js';

/**
 * How the Authentication API enrolls and verifies a factor type: Duo (web/DUO, which Okta offers through the
 * Authentication API alone) by its own flow; every other type by the Factors API's kind, driven through the
 * transaction (one implementation of each factor's protocol, two APIs).
 */
const OWN_FLOWS: readonly AuthnFactorFlow[] = [duoFlow];

export function authnFlow(kinds: FactorKinds, factorType: string, provider: string): AuthnFactorFlow | undefined {
  const own = OWN_FLOWS.find((flow) => flow.factorType === factorType && flow.provider === provider);
  if (own) return own;
  const kind = kinds.find(factorType, provider);
  return kind && kindFlow(kind, factorType, provider);
}

export function authnFlowFor(kinds: FactorKinds, factor: Pick<StoredFactor, 'factorType' | 'provider'>): AuthnFactorFlow | undefined {
  return authnFlow(kinds, factor.factorType, factor.provider);
}

export const AUTHN_FLOWS: readonly AuthnFactorFlow[] = OWN_FLOWS;
