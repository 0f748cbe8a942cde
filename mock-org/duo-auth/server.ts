import Fastify, { type FastifyError } from 'fastify';
import { NO_SCHEMA_COMPILERS } from '../core/no-schema-compilers.js';
import { OktaError } from '../core/errors.js';
import { DUO_ACCOUNT } from './account.js';
import { registerAdminApiRoutes } from './admin-api.js';
import { registerAuthApiRoutes } from './auth-api.js';
import { registerAuthLogRoutes } from './auth-log.js';
import type { DuoOrg } from './context.js';
import { registerDuoControlRoutes, type DuoHostOrg } from './control-routes.js';
import { DuoError, internalError, invalidParameter, methodNotAllowed, notFound, tooManyRequests } from './errors.js';
import { json } from './reply.js';
import { verifyDuoRequest } from './signature.js';
import { knownRoutes } from '../core/known-routes.js';
import { OrgApp, type Routes } from '../core/org-routes.js';
import { validateControlRequests } from '../control/validation.js';

/** Authentication log calls per minute per Admin integration: 2, as a Duo engineer gave the default (spec §2.3). */
const LOG_CALLS_PER_MINUTE = 2;

export type { DuoHostOrg } from './control-routes.js';

/**
 * The Duo host of orgs: Auth API v2 and the Admin API's factor management and authentication log,
 * in Duo's envelope, every call but /ping signed (spec §1–§4), and the control protocol. Bodies are kept as
 * received text: a v5 signature covers the exact bytes, and v2 form parameters are read from it. One app serves
 * many orgs (core/org-routes.ts), each request answered for its own.
 */
export function buildDuoApp(template: DuoHostOrg, serving: { soleOrg?: boolean } = {}): OrgApp<DuoHostOrg> {
  const app = Fastify({ ...NO_SCHEMA_COMPILERS, logger: false, bodyLimit: 256 * 1024, return503OnClosing: false });
  const orgs = new OrgApp<DuoHostOrg>(app, registerDuoRoutes, serving);

  const routes = knownRoutes(app);
  validateControlRequests(app);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, typeof body === 'string' ? body : body.toString('utf8')));

  // Before any validation: the signature covers the body exactly as received.
  app.addHook('preValidation', async (request) => {
    const org = orgs.orgOf(request);
    const path = request.url.split('?')[0] ?? '';
    if (path === '/auth/v2/ping') return;
    const account = DUO_ACCOUNT.of(org.scope);
    const integration = path.startsWith('/auth/') ? account.auth : account.admin;
    if (!(org.faults.has('duo-auth.sign-missing-accepted') && request.headers.authorization === undefined)) {
      verifyDuoRequest(
        { method: request.method, url: request.url, headers: request.headers, body: typeof request.body === 'string' ? request.body : '' },
        {
          nowMs: org.clock.now(),
          integration,
          acceptSha1: !org.faults.has('duo-auth.sign-sha1-refused'),
          acceptV5: !org.faults.has('duo-auth.sign-v5-refused'),
          anySignature: org.faults.has('duo-auth.sign-any-signature'),
          anyDate: org.faults.has('duo-auth.sign-stale-date-accepted'),
          unknownKeyCode: org.faults.has('duo-auth.sign-unknown-ikey-40103') ? 40103 : 40102,
        },
      );
    }
    if (request.method === 'GET' && path === '/admin/v2/logs/authentication') {
      const hit = org.throttle('duo-auth.logs', LOG_CALLS_PER_MINUTE, 60_000).hit(integration.ikey, org.clock.now());
      if (!hit.allowed) {
        if (org.faults.has('duo-auth.rate-limit-wrong-code')) throw new OktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
        throw tooManyRequests();
      }
    }
    // The control protocol's messages are JSON objects (validated against its schemas next).
    if (path.startsWith('/__control/') && typeof request.body === 'string') request.body = parseControlBody(request.body);
  });

  app.setNotFoundHandler(async (request) => {
    const path = request.url.split('?')[0] ?? '';
    const methods = routes.methodsAt(path);
    throw methods && !methods.has(request.method) ? methodNotAllowed() : notFound();
  });

  app.setErrorHandler(async (error: FastifyError | DuoError | OktaError, _request, reply) => {
    if (error instanceof OktaError && error.status === 429) return json(reply, 429, { ...error.toBody() });
    const refusal = toDuoError(error);
    return json(reply, refusal.status, refusal.toBody());
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const org = orgs.orgOf(request);
    if (org.faults.has('duo-auth.json-charset') && String(reply.getHeader('content-type')) === 'application/json') {
      reply.header('content-type', 'application/json; charset=utf-8');
    }
    return payload;
  });

  // The routes are the same for every org (their handlers are each org's): registered for a template org.
  orgs.registerRoutes(template);
  return orgs;
}

/** Every route of an org's Duo host. */
function registerDuoRoutes(routes: Routes, org: DuoHostOrg): void {
  registerAuthApiRoutes(routes, org);
  registerAdminApiRoutes(routes, org);
  registerAuthLogRoutes(routes, org);
  registerDuoControlRoutes(routes, org);
}

function parseControlBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidParameter('body');
  }
}

function toDuoError(error: FastifyError | DuoError | OktaError): DuoError {
  if (error instanceof DuoError) return error;
  // The control protocol's validation speaks the Okta host's errors; on this host they are Duo's 40002.
  if (error instanceof OktaError) return error.status < 500 ? invalidParameter(error.causes[0] ?? error.errorSummary) : internalError();
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return invalidParameter('body');
  return internalError();
}
