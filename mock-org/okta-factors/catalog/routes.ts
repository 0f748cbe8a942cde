import type { Routes } from '../../core/org-routes.js';
import { link } from '../links.js';
import { userRequest } from '../context.js';
import type { FactorOrg } from '../kind.js';
import type { StoredFactor } from '../store.js';

type UserParams = { Params: { userId: string } };

/**
 * `GET /api/v1/users/{id}/factors/catalog` (spec §1 F3): the factors the org's policy lets this
 * user enroll, REQUIRED or OPTIONAL; disabled factors are not listed. An entry for a factor the
 * user has enrolled carries that factor's status (the docs only show NOT_SETUP entries, for a
 * user with nothing enrolled).
 */
/** The sms entry embeds the phones the user already has (spec §2.2, §4.2), so a client can offer to reuse one. */
function phonesOf(enrolled: StoredFactor[]): { _embedded?: { phones: Record<string, unknown>[] } } {
  const phones = enrolled
    .filter((f) => f.factorType === 'sms' && typeof f.profile.phoneNumber === 'string')
    .map((f) => ({ id: f.id, profile: { phoneNumber: f.profile.phoneNumber }, status: f.status === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE' }));
  return phones.length > 0 ? { _embedded: { phones } } : {};
}

export function registerCatalogRoutes(app: Routes, org: FactorOrg): void {
  app.get<UserParams>('/api/v1/users/:userId/factors/catalog', async (request) => {
    const ctx = userRequest(org, request);
    const enrolled = org.store.factorsOf(ctx.user.id);
    const enrollHref = `${ctx.baseUrl}/api/v1/users/${ctx.user.id}/factors`;
    return org.policy
      .list()
      .filter((entry) => entry.enrollment !== 'DISABLED' || org.faults.has('catalog.lists-disabled'))
      .map((entry) => {
        const mine = enrolled.find((f) => f.factorType === entry.factorType && f.provider === entry.provider);
        const enrollment = entry.enrollment === 'REQUIRED' && !org.faults.has('catalog.wrong-enrollment') ? 'REQUIRED' : 'OPTIONAL';
        const status = org.faults.has('catalog.enrolled-not-setup') ? 'NOT_SETUP' : (mine?.status ?? 'NOT_SETUP');
        return {
          factorType: entry.factorType,
          provider: entry.provider,
          vendorName: org.kinds.provider(entry.factorType, entry.provider)?.vendorName ?? entry.provider,
          // Both documented examples ([S] SupportedFactorResults) have neither: the variant leaves them out.
          ...(org.faults.has('variant.catalog-without-status') ? {} : { status, enrollment }),
          _links: {
            enroll: link(enrollHref, ['POST']),
            ...org.kinds.find(entry.factorType, entry.provider)?.catalogLinks?.(ctx.baseUrl, ctx.user.id),
          },
          ...(entry.factorType === 'sms' && !org.faults.has('catalog.phones-missing') ? phonesOf(enrolled) : {}),
        };
      });
  });
}
