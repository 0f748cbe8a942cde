import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { NO_SCHEMA_COMPILERS } from './core/no-schema-compilers.js';
import {
  OktaError,
  forbidden,
  internalError,
  invalidSession,
  invalidToken,
  rateLimited,
  malformedBody,
  methodNotAllowed,
  notFound,
  unsupportedMediaType,
  unsupportedMediaTypeRecorded,
  clientErrorResponse,
} from './core/errors.js';
import { isPublicAuthnRequest } from './okta-authn/context.js';
import { registerAuthnRoutes } from './okta-authn/routes.js';
import { MockOrg } from './org.js';
import { knownRoutes } from './core/known-routes.js';
import { OrgApp, type Routes } from './core/org-routes.js';
import { validateControlRequests } from './control/validation.js';
import { parseJsonBodies } from './core/json-bodies.js';
import { registerCatalogRoutes } from './okta-factors/catalog/routes.js';
import { registerControlRoutes } from './control/routes.js';
import { registerFactorRoutes } from './okta-factors/routes.js';
import { registerLifecycleRoutes } from './okta-factors/lifecycle/routes.js';
import { registerUserRoutes } from './okta-factors/users.js';
import { registerUserListRoutes } from './okta-factors/users-list.js';
import { isTokenRequest, registerOAuthRoutes } from './okta-oauth/routes.js';
import { rateLimitHeaders, type ThrottleState } from './core/throttle.js';
import { isObject } from './core/input.js';
import { realOrgHeaders, reverseKeyOrder, rewordedError, withUndocumentedExtras } from './core/response-variants.js';
import { requestBaseUrl } from './core/base-url.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's endpoint bucket after counting it (X-Rate-Limit-* on the response). */
    rateLimit?: ThrottleState;
  }
}

const CONTROL_PREFIX = '/__control/';
/** Longer than any URL node's HTTP parser lets through (16 KiB of headers). */
const MAX_PARAM_LENGTH = 64 * 1024;
const READ_METHODS = new Set(['GET', 'HEAD']);

export interface ServerOptions {
  /** Serve the control protocol (tests only). */
  control?: boolean;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
}

/** One org's HTTP face: an app serving `org` alone (tests that look at its routes). */
export function buildServer(org: MockOrg, options: ServerOptions = {}): FastifyInstance {
  const orgs = buildOktaApp(options, { soleOrg: true });
  orgs.add(org);
  return orgs.app;
}

/**
 * The mock org's HTTP face: fastify routes over MockOrgs, with Okta's error shape for everything that goes wrong.
 * One app serves many orgs, its routes registered once (core/org-routes.ts); every hook and handler answers for the
 * request's org.
 */
export function buildOktaApp(options: ServerOptions = {}, serving: { soleOrg?: boolean } = {}): OrgApp<MockOrg> {
  const bodyLimit = options.bodyLimit ?? 256 * 1024;
  // Ids of any length reach the routes (an over-long id is an unknown one: 404 E0000007, never fastify's 414).
  const app = Fastify({
    ...NO_SCHEMA_COMPILERS,
    logger: false,
    bodyLimit,
    return503OnClosing: false,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    clientErrorHandler: (error, socket) => {
      if (socket.writable) socket.end(clientErrorResponse(error.code));
      else socket.destroy();
    },
  });
  const orgs = new OrgApp<MockOrg>(app, (routes, org) => registerOktaRoutes(routes, org, options), serving);

  // Every route's methods, to tell 405 (known path, wrong method) from 404.
  const routes = knownRoutes(app);
  if (options.control) validateControlRequests(app);

  // JSON bodies only; anything that does not parse is E0000003.
  app.removeAllContentTypeParsers();
  parseJsonBodies(app, bodyLimit, malformedBody);

  app.addHook('onRequest', async (request) => {
    const org = orgs.orgOf(request);
    // A service app's access token (its scopes enforced), or the token endpoint, which takes none.
    const oauth = isTokenRequest(request) || (!request.url.startsWith(CONTROL_PREFIX) && org.serviceApps.authorize(request.headers.authorization, request.method));
    // Authentication API calls may come without a token (public applications): only those paths, only then.
    if (!oauth && !isPublicAuthnRequest(org, request) && !(org.faults.has('auth.accept-missing-token') && !request.headers.authorization)) {
      // A real org takes a request with no Authorization header at all for a session request: 403 E0000005.
      if (request.headers.authorization === undefined && org.faults.has('variant.invalid-session-without-header')) throw invalidSession();
      const readOnly = request.headers.authorization === `SSWS ${org.readOnlyToken}`;
      if (request.headers.authorization !== `SSWS ${org.apiToken}` && !readOnly) throw invalidToken();
      // A read-only administrator reads; anything else is beyond its permissions (E0000006).
      if (readOnly && (request.url.startsWith(CONTROL_PREFIX) || !READ_METHODS.has(request.method)) && !org.faults.has('auth.read-only-can-write')) {
        throw forbidden();
      }
    }
    if (request.url.startsWith(CONTROL_PREFIX)) return;
    // One bucket per endpoint (method and route pattern), as Okta counts them.
    const bucket = `${request.method} ${request.routeOptions.url ?? 'unrouted'}`;
    const state = org.apiLimits.hit(bucket, org.clock.now());
    request.rateLimit = state;
    if (!state.allowed) throw rateLimited().withHeaders(rateLimitHeaders(state));
  });

  // Okta answers every response with the server's idea of now (here, the virtual clock) and its rate-limit headers.
  app.addHook('onSend', async (request, reply, payload) => {
    const org = orgs.orgOf(request);
    // a code sent through the telephony inline hook is delivered before the API answers
    await org.outbox.settled();
    reply.header('date', new Date(org.clock.now()).toUTCString());
    if (org.faults.has('variant.extra-headers') && !request.url.startsWith(CONTROL_PREFIX)) reply.headers(realOrgHeaders());
    payload = bodyVariant(org, request, reply, payload);
    if (org.faults.has('api.content-type-text') && reply.statusCode < 400 && String(reply.getHeader('content-type') ?? '').startsWith('application/json')) {
      reply.type('text/plain; charset=utf-8');
    }
    if (request.rateLimit && !reply.hasHeader('x-rate-limit-limit') && !org.faults.has('ratelimit.drop-headers')) {
      reply.headers(rateLimitHeaders(request.rateLimit));
    }
    return payload;
  });

  app.setNotFoundHandler(async (request) => {
    const org = orgs.orgOf(request);
    const path = request.url.split('?')[0] ?? '';
    const methods = routes.methodsAt(path);
    if (methods && !methods.has(request.method) && !org.faults.has('errors.wrong-method-404')) throw methodNotAllowed();
    throw notFound(`Resource not found: ${path}`);
  });

  app.setErrorHandler(async (error: FastifyError | OktaError, request, reply) => {
    const org = orgs.orgOf(request);
    const refusal = toOktaError(org, error);
    const oktaError = crashesUnderFault(org, refusal) ? internalError() : refusal;
    if (oktaError.status >= 500) reply.log.error(error);
    if (!org.faults.has('ratelimit.drop-headers')) reply.headers(oktaError.headers);
    return reply.code(oktaError.status).type('application/json').send(errorBody(org, oktaError));
  });

  // The routes are the same for every org (their handlers are each org's): registered for a template org.
  orgs.registerRoutes(new MockOrg());
  return orgs;
}

/** Every route of the Okta API (and the control protocol when asked), answering for `org`. */
function registerOktaRoutes(routes: Routes, org: MockOrg, options: ServerOptions): void {
  registerOAuthRoutes(routes, org.serviceApps);
  registerUserRoutes(routes, org);
  registerUserListRoutes(routes, org);
  registerLifecycleRoutes(routes, org);
  registerCatalogRoutes(routes, org);
  registerFactorRoutes(routes, org);
  registerAuthnRoutes(routes, org);
  if (options.control) registerControlRoutes(routes, org);
}

/** The input faults: a refusal of bad input becomes a crash (wrong JSON types, malformed JSON, a non-JSON body). */
function crashesUnderFault(org: MockOrg, refusal: OktaError): boolean {
  return (
    (org.faults.has('input.wrong-type-500') && refusal.causes.some((c) => /must be (a string|an object)/.test(c))) ||
    (org.faults.has('input.malformed-json-500') && refusal.errorCode === 'E0000003') ||
    (org.faults.has('input.media-type-500') && refusal.errorCode === 'E0000021')
  );
}

function toOktaError(org: MockOrg, error: FastifyError | OktaError): OktaError {
  if (error instanceof OktaError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return org.faults.has('variant.media-type-e0000019') ? unsupportedMediaTypeRecorded() : unsupportedMediaType();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return malformedBody();
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return malformedBody();
  return internalError();
}

/**
 * The body variants (mock-org/variants.ts) on a JSON answer of the API (never the control protocol's):
 * reworded errors, undocumented extras, reversed key order.
 */
function bodyVariant(org: MockOrg, request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  const variants = ['variant.error-wording', 'variant.extra-properties', 'variant.reversed-key-order'] as const;
  if (!variants.some((v) => org.faults.has(v)) || typeof payload !== 'string' || request.url.startsWith(CONTROL_PREFIX)) return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json') || payload === '') return payload;
  let body: unknown = JSON.parse(payload);
  if (org.faults.has('variant.error-wording') && isObject(body) && typeof body.errorCode === 'string') body = rewordedError(body);
  if (org.faults.has('variant.extra-properties')) body = withUndocumentedExtras(body, requestBaseUrl(request));
  if (org.faults.has('variant.reversed-key-order')) body = reverseKeyOrder(body);
  return JSON.stringify(body);
}

function errorBody(org: MockOrg, error: OktaError): Record<string, unknown> {
  const body: Record<string, unknown> = { ...error.toBody() };
  if (org.faults.has('errors.drop-error-causes')) delete body.errorCauses;
  return body;
}
