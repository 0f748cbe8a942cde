import Fastify, { type FastifyError } from 'fastify';
import { NO_SCHEMA_COMPILERS } from '../core/no-schema-compilers.js';
import { authenticate, registerTokenRoute } from './auth.js';
import { registerConfigRoutes } from './config-routes.js';
import { TENANT_CONTROL_PREFIX, registerTenantControlRoutes } from './control-routes.js';
import { SailPointError, badRequest, internalFault, notFound, rateLimited } from './errors.js';
import { registerKbaRoutes } from './kba-routes.js';
import type { IdentityNowTenant } from './tenant.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerVerifyRoutes } from './verify-routes.js';
import { parseJsonBodies } from '../core/json-bodies.js';
import { OrgApp, type Routes } from '../core/org-routes.js';

/**
 * The API versions served (§9 item 28): v3 and beta carry the identical MFA contract. v2024–v2026
 * (configuration only) and the per-API /mfa/v1 spec are not served.
 */
const VERSIONS = ['v3', 'beta'] as const;

/**
 * The tenants' HTTP face: a fastify app with SailPoint's error shapes for everything that goes wrong. One app serves
 * many tenants (core/org-routes.ts), each request answered for its own; `template` is a tenant to register the
 * routes for (they are the same for every tenant).
 */
export function buildIdentityNowApp(template: IdentityNowTenant, serving: { soleOrg?: boolean } = {}): OrgApp<IdentityNowTenant> {
  const bodyLimit = 256 * 1024;
  const app = Fastify({ ...NO_SCHEMA_COMPILERS, logger: false, bodyLimit, return503OnClosing: false });
  const tenants = new OrgApp<IdentityNowTenant>(app, registerTenantRoutes, serving);

  // JSON for the API; forms for the token endpoint (read there); anything else is a 400 (§9 item 27).
  app.removeAllContentTypeParsers();
  parseJsonBodies(app, bodyLimit, () => badRequest('the request body is not well-formed JSON'));
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit }, (_request, text, done) => done(null, text));
  }

  app.addHook('onRequest', async (request) => {
    const tenant = tenants.orgOf(request);
    const path = request.url.split('?')[0] ?? '';
    if (path === '/oauth/token' || path.startsWith(TENANT_CONTROL_PREFIX)) return;
    request.caller = await authenticate(tenant, request);
    // 100 per 10 s per client and API version, on the tenant's clock (§9 item 21).
    const version = path.split('/')[1] ?? '';
    const state = tenant.limits.hit(`${request.caller.clientId} ${version}`, tenant.now());
    if (!state.allowed) {
      const limited = rateLimited(Math.max(1, Math.ceil((state.resetAtMs - tenant.now()) / 1000)));
      if (tenant.host.faults.has('identitynow-mfa.no-retry-after')) delete limited.headers['retry-after'];
      throw limited;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('date', new Date(tenants.orgOf(request).now()).toUTCString());
    return payload;
  });

  app.setNotFoundHandler(async () => {
    throw notFound();
  });

  app.setErrorHandler(async (error: FastifyError | SailPointError, _request, reply) => {
    const answer = toSailPointError(error);
    return reply.code(answer.status).headers(answer.headers).type('application/json').send(answer.body);
  });

  tenants.registerRoutes(template);
  return tenants;
}

/** Every route of a tenant. */
function registerTenantRoutes(routes: Routes, tenant: IdentityNowTenant): void {
  registerTokenRoute(routes, tenant);
  registerTenantControlRoutes(routes, tenant);
  for (const version of VERSIONS) {
    routes.scope(
      `identitynow-mfa ${version}`,
      (api) => {
        registerConfigRoutes(api, tenant);
        registerKbaRoutes(api, tenant);
        registerVerifyRoutes(api, tenant);
        registerTokenRoutes(api, tenant);
      },
      { prefix: `/${version}` },
    );
  }
}

function toSailPointError(error: FastifyError | SailPointError): SailPointError {
  if (error instanceof SailPointError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return badRequest('the request body must be application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return badRequest('the request body is too large');
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return badRequest('the request could not be read');
  return internalFault();
}
