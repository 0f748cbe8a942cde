import type { FastifyInstance } from 'fastify';
import { buildIdentityNowApp } from './app.js';
import { IdentityNowTenant, type TenantHost } from './tenant.js';

/** What a host announces about the tenant: its base URL (token endpoint at {baseUrl}/oauth/token) and a client. */
export interface IdentityNowAccess {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** Where the tenant is served under its org's base URL. */
export const IDENTITYNOW_PATH = 'identitynow';

/** A tenant beside an org (sharing its clock, faults, outbox and reset) and its HTTP app. */
export function identityNowTenant(host: TenantHost): { app: FastifyInstance; describe: (orgBaseUrl: string) => IdentityNowAccess } {
  const tenant = new IdentityNowTenant(host);
  return {
    app: buildIdentityNowApp(tenant),
    describe: (orgBaseUrl) => ({
      baseUrl: `${orgBaseUrl}/${IDENTITYNOW_PATH}`,
      clientId: tenant.adminClient.clientId,
      clientSecret: tenant.adminClient.clientSecret,
    }),
  };
}
