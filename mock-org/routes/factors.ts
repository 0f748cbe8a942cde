import type { FastifyInstance } from 'fastify';
import { notFound, validationFailed } from '../errors.js';
import { oktaId } from '../ids.js';
import { bodyObject, booleanQuery, optionalObject, requiredString } from '../input.js';
import type { MockOrg } from '../org.js';
import type { StoredFactor } from '../store.js';
import type { FactorContext, FactorKind } from '../factors/kind.js';
import { presentFactor } from '../factors/present.js';
import { FACTOR_KINDS } from '../factors/registry.js';
import { requestBaseUrl } from './base-url.js';
import { findUserOr404 } from './users.js';

type UserParams = { Params: { userId: string } };
type FactorParams = { Params: { userId: string; factorId: string } };

/** The Factors API (spec §1): enroll, list, get, activate, verify, unenroll. */
export function registerFactorRoutes(app: FastifyInstance, org: MockOrg): void {
  const context = (request: { params: { userId: string } } & Parameters<typeof requestBaseUrl>[0]): FactorContext => ({
    org,
    user: findUserOr404(org, request.params.userId),
    baseUrl: requestBaseUrl(request),
  });

  const factorOr404 = (ctx: FactorContext, factorId: string): { factor: StoredFactor; kind: FactorKind } => {
    const factor = org.store.factors.get(factorId);
    const kind = factor && FACTOR_KINDS.get(factor.factorType);
    // Another user's factor id is as unknown as one that never existed.
    if (!factor || factor.userId !== ctx.user.id || !kind) {
      throw notFound(`Resource not found: ${factorId} (UserFactor)`);
    }
    return { factor, kind };
  };

  app.get<UserParams>('/api/v1/users/:userId/factors', async (request) => {
    const ctx = context(request);
    return org.store.factorsOf(ctx.user.id).map((f) => presentFactor(org, ctx.baseUrl, f));
  });

  app.post<UserParams>('/api/v1/users/:userId/factors', async (request) => {
    const ctx = context(request);
    const body = bodyObject(request.body);
    const activate = booleanQuery(request.query, 'activate');
    const factorType = requiredString(body, 'factorType', { maxLength: 64, subject: 'factorEnrollRequest' });
    const provider = requiredString(body, 'provider', { maxLength: 64, subject: 'factorEnrollRequest' });
    const kind = FACTOR_KINDS.get(factorType);
    if (!kind) throw validationFailed('factorEnrollRequest', [`factorType: The factor type '${factorType}' is not supported`]);
    const providerInfo = kind.providers[provider];
    if (!providerInfo) {
      throw validationFailed('factorEnrollRequest', [`provider: The provider '${provider}' is not supported for ${factorType}`]);
    }
    const now = org.clock.iso();
    const enrollment = kind.enroll(
      ctx,
      {
        factorType,
        provider,
        profile: optionalObject(body, 'profile', 'factorEnrollRequest'),
        verify: optionalObject(body, 'verify', 'factorEnrollRequest'),
        activate,
      },
      { id: oktaId(providerInfo.idPrefix), userId: ctx.user.id, factorType, provider, vendorName: providerInfo.vendorName, created: now, lastUpdated: now },
    );
    // Everything is validated: only now does the store change.
    for (const id of enrollment.replaces ?? []) org.store.factors.delete(id);
    org.store.factors.set(enrollment.factor.id, enrollment.factor);
    return presentFactor(org, ctx.baseUrl, enrollment.factor, enrollment.activation ? { activation: enrollment.activation } : undefined);
  });

  app.get<FactorParams>('/api/v1/users/:userId/factors/:factorId', async (request) => {
    const ctx = context(request);
    return presentFactor(org, ctx.baseUrl, factorOr404(ctx, request.params.factorId).factor);
  });

  app.delete<FactorParams>('/api/v1/users/:userId/factors/:factorId', async (request, reply) => {
    const ctx = context(request);
    const { factor } = factorOr404(ctx, request.params.factorId);
    if (!org.faults.has('factors.unenroll-not-persisted')) org.store.factors.delete(factor.id);
    return reply.code(204).send();
  });

  app.post<FactorParams>('/api/v1/users/:userId/factors/:factorId/lifecycle/activate', async (request) => {
    const ctx = context(request);
    const { factor, kind } = factorOr404(ctx, request.params.factorId);
    const body = bodyObject(request.body);
    if (factor.status !== 'PENDING_ACTIVATION') {
      throw validationFailed('factor', ['The factor is already active.']);
    }
    // The kind works on a copy, so a rejected attempt changes nothing.
    const draft = structuredClone(factor);
    kind.activate(ctx, draft, body);
    const shown = { ...draft, status: 'ACTIVE' as const, lastUpdated: org.clock.iso() };
    draft.lastUpdated = shown.lastUpdated;
    org.store.factors.set(draft.id, draft);
    return presentFactor(org, ctx.baseUrl, shown);
  });

  app.post<FactorParams>('/api/v1/users/:userId/factors/:factorId/verify', async (request, reply) => {
    const ctx = context(request);
    const { factor, kind } = factorOr404(ctx, request.params.factorId);
    const body = bodyObject(request.body);
    if (factor.status !== 'ACTIVE') throw validationFailed('factor', ['The factor is not active.']);
    const draft = structuredClone(factor);
    const outcome = kind.verify(ctx, draft, body);
    org.store.factors.set(draft.id, draft);
    return reply.code(outcome.status).send(outcome.body);
  });
}
