import type { FastifyRequest } from 'fastify';
import { requestBaseUrl } from '../core/base-url.js';
import { notFound } from '../core/errors.js';
import { isObject } from '../core/input.js';
import type { FactorContext, FactorKind, FactorOrg, OwnFactorLookup, RequestFacts } from './kind.js';
import type { StoredFactor } from './store.js';
import { findUserOr404 } from './users.js';

type UserParams = { Params: { userId: string } };

/** A request on one user's factors, before its factor (and so its kind) is known. */
interface UserRequest extends RequestFacts {
  org: FactorOrg;
}

/** Query parameters as strings (arrays and objects are not query values the API takes). */
export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (isObject(request.query)) {
    for (const [key, value] of Object.entries(request.query)) if (typeof value === 'string') out[key] = value;
  }
  return out;
}

export function headersOf(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(request.headers)) out[key] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** The user the request names (404 when unknown) and the request's facts. */
export function userRequest(org: FactorOrg, request: FastifyRequest<UserParams>): UserRequest {
  return {
    org,
    user: findUserOr404(org.store, request.params.userId),
    baseUrl: requestBaseUrl(request),
    query: queryOf(request),
    headers: headersOf(request),
  };
}

/** What `kind` sees of the request: the org's services (not the org), the request facts, its own factors. */
export function kindContext(request: UserRequest, kind: FactorKind<unknown>): FactorContext {
  const { org, user, baseUrl, query, headers } = request;
  return {
    clock: org.clock,
    faults: org.faults,
    store: org.store,
    outbox: org.outbox,
    policy: org.policy,
    origin: org.origin,
    scope: org.scope,
    throttle: (name, limit, windowMs) => org.throttle(name, limit, windowMs),
    user,
    baseUrl,
    query,
    headers,
    kindFactors: () => [...org.store.factors.values()].filter((f) => org.kinds.of(f) === kind),
  };
}

/** The factor, which must be this user's; another user's factor id is answered like one that never existed. */
export function factorOr404(request: UserRequest, factorId: string): { factor: StoredFactor; kind: FactorKind<unknown>; ctx: FactorContext } {
  const { org } = request;
  const factor = org.store.factors.get(factorId);
  const kind = factor && org.kinds.of(factor);
  const othersVisible = org.faults.has('errors.other-users-factor-visible');
  if (!factor || (factor.userId !== request.user.id && !othersVisible) || !kind) {
    throw notFound(`Resource not found: ${factorId} (UserFactor)`);
  }
  return { factor, kind, ctx: kindContext(request, kind) };
}

/** How a kind's own routes find their factor: the user's factor of that kind, 404 for any other. */
export function ownFactorLookup(org: FactorOrg, kind: FactorKind<unknown>): OwnFactorLookup<unknown> {
  return (request) => {
    const found = factorOr404(userRequest(org, request), request.params.factorId);
    if (found.kind !== kind) throw notFound(`Resource not found: ${request.params.factorId} is not a ${kind.factorType} factor`);
    return { factor: found.factor, ctx: found.ctx };
  };
}
