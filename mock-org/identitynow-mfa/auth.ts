import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { forbidden, jwtExpired, oauthError, unauthorized } from './errors.js';
import { parseFormFields } from './form.js';
import { hashSecret, type IdentityNowTenant, type UserLevel } from './tenant.js';

/** What a verified bearer JWT says about its caller. */
export interface Caller {
  clientId: string;
  scopes: string[];
  authorities: UserLevel[];
  identityId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

/** The right an operation needs (spec §2): any one of `scopes`, inside `levels`; `user`: it acts on the calling user. */
export interface Right {
  scopes: readonly string[];
  levels?: readonly UserLevel[];
  user?: boolean;
}

export const RIGHTS = {
  configRead: { scopes: ['idn:mfa-configuration:read', 'idn:mfa-configuration:manage'], levels: ['ORG_ADMIN'] },
  configManage: { scopes: ['idn:mfa-configuration:manage'], levels: ['ORG_ADMIN'] },
  kbaRead: { scopes: ['idn:mfa-kba:read'], levels: ['ORG_ADMIN', 'USER'] },
  kbaAnswers: { scopes: ['idn:mfa-kba:authenticate'], levels: ['USER'], user: true },
  kbaAuthenticate: { scopes: ['idn:mfa-kba:authenticate'], user: true },
  verify: { scopes: ['idn:mfa:verify'] },
  poll: { scopes: ['idn:mfa:poll'], levels: ['ORG_ADMIN'] },
  send: { scopes: ['idn:mfa:send'] },
} as const satisfies Record<string, Right>;

const ALL_SCOPES = 'sp:scopes:all';

/** 403 unless the caller holds the right (§2: the user level bounds, any listed scope grants; ORG_ADMIN includes USER). */
export function requireRight(tenant: IdentityNowTenant, request: FastifyRequest, right: Right): Caller {
  const caller = request.caller;
  if (!caller) throw unauthorized('JWT is missing');
  if (tenant.host.faults.has('identitynow-mfa.ignore-rights')) return caller;
  const scoped = caller.scopes.includes(ALL_SCOPES) || right.scopes.some((scope) => caller.scopes.includes(scope));
  const levels = new Set<UserLevel>(caller.authorities.flatMap((level): UserLevel[] => (level === 'ORG_ADMIN' ? ['ORG_ADMIN', 'USER'] : [level])));
  const levelled = right.levels === undefined || right.levels.some((level) => levels.has(level));
  const userOk = !right.user || caller.identityId !== null;
  if (!scoped || !levelled || !userOk) throw forbidden();
  return caller;
}

/** Signs a bearer JWT for a client (HS256, expiry on the tenant's clock). */
async function issueToken(tenant: IdentityNowTenant, clientId: string): Promise<{ token: string; expiresIn: number; scopes: string[] }> {
  const client = tenant.clients.get(clientId);
  if (!client) throw oauthError(401, 'invalid_client');
  const nowSeconds = Math.floor(tenant.now() / 1000);
  const identity = client.identityId ? tenant.identities.get(client.identityId) : undefined;
  const token = await new SignJWT({
    tenant_id: tenant.tenantId,
    internal: false,
    client_id: client.id,
    scope: client.scopes,
    authorities: client.authorities,
    ...(identity ? { identity_id: identity.id, user_name: identity.name, user_id: identity.id } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + client.accessTokenValiditySeconds)
    .setJti(crypto.randomUUID())
    .sign(tenant.signingKey);
  tenant.noteSecret(token);
  return { token, expiresIn: client.accessTokenValiditySeconds, scopes: client.scopes };
}

/** Verifies `Authorization: Bearer <jwt>` on the tenant's clock; 401 `{error}` otherwise (§3.1, §9 item 22). */
export async function authenticate(tenant: IdentityNowTenant, request: FastifyRequest): Promise<Caller> {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    if (tenant.host.faults.has('identitynow-mfa.accept-missing-token')) {
      return { clientId: tenant.adminClient.clientId, scopes: [ALL_SCOPES], authorities: ['ORG_ADMIN'], identityId: tenant.adminClient.identityId };
    }
    throw unauthorized('JWT is missing');
  }
  // The generated client repeats the header with the same value; node joins repeats of Authorization by keeping the first.
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized('JWT validation failed: the Authorization header is not a bearer token');
  const expiredAccepted = tenant.host.faults.has('identitynow-mfa.accept-expired-jwt');
  try {
    const { payload } = await jwtVerify(match[1], tenant.signingKey, {
      algorithms: ['HS256'],
      currentDate: new Date(tenant.now()),
      ...(expiredAccepted ? { clockTolerance: 365 * 24 * 3600 } : {}),
    });
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : '';
    const client = tenant.clients.get(clientId);
    if (!client) throw unauthorized('JWT validation failed: unknown client');
    return { clientId, scopes: client.scopes, authorities: client.authorities, identityId: client.identityId };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw jwtExpired();
    if (error instanceof joseErrors.JOSEError) throw unauthorized(`JWT validation failed: ${error.code}`);
    throw error;
  }
}

/**
 * POST /oauth/token, client credentials (§6): fields as multipart form-data (the official client),
 * urlencoded, or query parameters; `grant_type` in either case (§9 item 25).
 */
export function registerTokenRoute(app: Routes, tenant: IdentityNowTenant): void {
  app.post('/oauth/token', async (request) => {
    const fields = { ...queryFields(request.query), ...parseFormFields(request.headers['content-type'], request.body) };
    const grantType = fields.grant_type?.toLowerCase();
    if (grantType === undefined || !fields.client_id || fields.client_secret === undefined) throw oauthError(400, 'invalid_request');
    if (grantType !== 'client_credentials') throw oauthError(400, 'unsupported_grant_type');
    const client = tenant.clients.get(fields.client_id);
    const secretOk = client !== undefined && sameHash(hashSecret(fields.client_secret), client.secretHash);
    if (!client || (!secretOk && !tenant.host.faults.has('identitynow-mfa.token-ignores-secret'))) throw oauthError(401, 'invalid_client');
    const issued = await issueToken(tenant, client.id);
    const identity = client.identityId ? tenant.identities.get(client.identityId) : undefined;
    return {
      ...(tenant.host.faults.has('identitynow-mfa.token-without-jwt') ? {} : { access_token: issued.token }),
      token_type: 'bearer',
      expires_in: issued.expiresIn,
      scope: issued.scopes.join(' '),
      tenant_id: tenant.tenantId,
      internal: false,
      strong_auth_supported: false,
      ...(identity ? { user_id: identity.id, identity_id: identity.id } : {}),
      strong_auth: false,
      enabled: true,
      jti: crypto.randomUUID(),
    };
  });
}

function queryFields(query: unknown): Record<string, string> {
  if (typeof query !== 'object' || query === null) return {};
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
