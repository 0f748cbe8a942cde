import type { FactorOrg } from './kind.js';
import type { StoredFactor } from './store.js';
import { factorLinks } from './links.js';

/** A stored factor as the API returns it: public fields, status-dependent links, never a secret. */
export function presentFactor(
  org: Pick<FactorOrg, 'faults' | 'kinds'>,
  baseUrl: string,
  factor: StoredFactor,
  embedded?: Record<string, unknown>,
): Record<string, unknown> {
  const kind = org.kinds.of(factor);
  const view: Record<string, unknown> = {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.vendorName,
    status: factor.status,
    created: factor.created,
    lastUpdated: factor.lastUpdated,
  };
  const profile = kind?.presentProfile ? kind.presentProfile(factor) : { ...factor.profile };
  if (profile !== undefined) view.profile = profile;
  if (!org.faults.has('factors.drop-links')) {
    view._links = { ...factorLinks(baseUrl, factor), ...(kind?.links?.(baseUrl, factor, org.faults) ?? {}) };
  }
  if (embedded) view._embedded = embedded;
  return view;
}
