import { OrgState } from '../../core/org-state.js';
import type { FactorServices } from '../../okta-factors/kind.js';
import type { StoredFactor } from '../../okta-factors/store.js';

/**
 * The user's Okta Verify auto-push preference, by push factor id (spec §5.5): set by `?autoPush` on a push
 * verification that succeeds, overriding an earlier one, and shown as `factorsPolicyInfo.{factorId}.autoPushEnabled`
 * (false when never set). Okta keeps it in a cookie; the mock keeps it per factor.
 */
const AUTO_PUSH = new OrgState(() => new Map<string, boolean>(), (preferences) => preferences.clear());

export function rememberAutoPush(org: Pick<FactorServices, 'scope'>, factor: StoredFactor, enabled: boolean): void {
  AUTO_PUSH.of(org.scope).set(factor.id, enabled);
}

/** `factorsPolicyInfo` of the user's push factors; null when they have none (as real MFA_CHALLENGE transactions show). */
export function factorsPolicyInfo(org: Pick<FactorServices, 'scope' | 'store'>, userId: string): Record<string, { autoPushEnabled: boolean }> | null {
  const push = org.store.factorsOf(userId).filter((f) => f.factorType === 'push' && f.status === 'ACTIVE');
  if (push.length === 0) return null;
  const preferences = AUTO_PUSH.of(org.scope);
  return Object.fromEntries(push.map((f) => [f.id, { autoPushEnabled: preferences.get(f.id) ?? false }]));
}
