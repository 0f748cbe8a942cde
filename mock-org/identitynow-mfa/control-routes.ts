import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Routes } from '../core/org-routes.js';
import { badRequest, unauthorized } from './errors.js';
import { isObject } from './input.js';
import type { IdentityNowTenant, UserLevel } from './tenant.js';

export const TENANT_CONTROL_PREFIX = '/__control/v1/';
const LEVELS: readonly UserLevel[] = ['ORG_ADMIN', 'USER'];

/**
 * The tenant's test hook, behind the hosting org's admin token (SSWS, as the control protocol):
 * `POST /__control/v1/identities {scopes?, authorities?, userContext?, phone?}` makes an identity
 * (unless `userContext` is false) and an OAuth client for it, answering `{identityId, alias, email,
 * clientId, clientSecret}`. Real tenants have no API to create identities; checks that need one say so.
 */
export function registerTenantControlRoutes(app: Routes, tenant: IdentityNowTenant): void {
  app.post('/__control/v1/identities', async (request) => {
    if (!sameSecret(request.headers.authorization ?? '', `SSWS ${tenant.host.apiToken}`)) throw unauthorized('admin token required');
    const body = isObject(request.body) ? request.body : {};
    const scopes = stringList(body.scopes, 'scopes') ?? ['sp:scopes:all'];
    const authorities = (stringList(body.authorities, 'authorities') ?? ['ORG_ADMIN']).map((level) => {
      if (!(LEVELS as readonly string[]).includes(level)) throw badRequest(`authorities: unknown level ${level.slice(0, 20)}`);
      return level as UserLevel;
    });
    const userContext = body.userContext !== false;
    const alias = `mfa-conf-${randomBytes(6).toString('hex')}`;
    const identity = userContext
      ? tenant.addIdentity({ name: alias, email: `${alias}@example.com`, ...(body.phone === false ? {} : { phone: '+12065550142' }) })
      : undefined;
    const client = tenant.addClient({ scopes, authorities, identityId: identity?.id ?? null });
    return { identityId: identity?.id ?? null, alias: identity?.name ?? null, email: identity?.email ?? null, ...client };
  });
}

function stringList(value: unknown, what: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw badRequest(`${what} must be an array of strings`);
  return value;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
