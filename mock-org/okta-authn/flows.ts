import type { StoredFactor } from '../okta-factors/store.js';
import { duoFlow } from './duo/flow.js';
import type { AuthnFactorFlow } from './flow.js';

/**
 * The factor types the mock's Authentication API can enroll and verify, by `factorType provider`. Only Duo
 * (web/DUO, which Okta offers through the Authentication API alone) so far; each factor type joins with its flow.
 */
const FLOWS: ReadonlyMap<string, AuthnFactorFlow> = new Map([duoFlow].map((flow) => [key(flow.factorType, flow.provider), flow]));

function key(factorType: string, provider: string): string {
  return `${factorType}\u0000${provider}`;
}

export function authnFlow(factorType: string, provider: string): AuthnFactorFlow | undefined {
  return FLOWS.get(key(factorType, provider));
}

export function authnFlowFor(factor: Pick<StoredFactor, 'factorType' | 'provider'>): AuthnFactorFlow | undefined {
  return authnFlow(factor.factorType, factor.provider);
}

export const AUTHN_FLOWS: readonly AuthnFactorFlow[] = [...FLOWS.values()];
