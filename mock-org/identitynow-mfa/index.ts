import type { OrgScope } from '../core/org-state.js';
import type { ProviderNetwork } from './provider-network.js';
import { IdentityNowTenant, type TenantHost } from './tenant.js';

export type { IdentityNowTenant } from './tenant.js';

export { NO_LOCAL_PROVIDERS, type LocalProviders } from './provider-network.js';
export { buildIdentityNowApp } from './app.js';

/** What a host announces about the tenant: its base URL (token endpoint at {baseUrl}/oauth/token) and a client. */
export interface IdentityNowAccess {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

const TENANTS = new WeakMap<OrgScope, IdentityNowTenant>();

/**
 * @public The tenant beside an org (for the harness's secret tests, which watch what it keeps; they take the module by
 * its path, test/secrets/product-modules.ts).
 */
export function tenantOf(scope: OrgScope): IdentityNowTenant | undefined {
  return TENANTS.get(scope);
}

/** Where the tenant is served under its org's base URL (`{org}/identitynow`). */
export const IDENTITYNOW_PATH = 'identitynow';

/** A tenant beside an org (sharing its clock, faults, outbox and reset), served by an app of buildIdentityNowApp. */
export function identityNowTenant(
  host: TenantHost,
  network?: ProviderNetwork,
): { tenant: IdentityNowTenant; describe: (at: { url: string }) => IdentityNowAccess } {
  const tenant = new IdentityNowTenant(host, network);
  TENANTS.set(host.scope, tenant);
  return {
    tenant,
    describe: (at) => ({
      baseUrl: at.url,
      clientId: tenant.adminClient.clientId,
      clientSecret: tenant.adminClient.clientSecret,
    }),
  };
}
