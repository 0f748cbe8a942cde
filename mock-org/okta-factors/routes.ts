import type { FastifyReply } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import { factorLocked, factorNotActive, methodNotAllowed, operationNotAllowed, validationFailed } from '../core/errors.js';
import { oktaId } from '../core/ids.js';
import { OrgState } from '../core/org-state.js';
import { bodyObject, booleanQuery, optionalObject, optionalString, requiredString } from '../core/input.js';
import { factorOr404, kindContext, ownFactorLookup, userRequest } from './context.js';
import type { FactorOrg, FactorParams, KindResponse, RequestFacts } from './kind.js';
import { presentFactor } from './present.js';

type UserParams = { Params: { userId: string } };

/** Factor operations need a user who can still use factors. */
function requireActiveUser(ctx: RequestFacts & { faults: FactorOrg['faults'] }): void {
  if ((ctx.user.status === 'DEPROVISIONED' || ctx.user.status === 'SUSPENDED') && !ctx.faults.has('lifecycle.inactive-user-usable')) {
    throw operationNotAllowed(`The user is ${ctx.user.status}.`);
  }
}

/** `userId factorType provider` of every factor unenrolled (only the lifecycle.reenroll-refused fault looks). */
const UNENROLLED = new OrgState(() => new Set<string>(), (unenrolled) => unenrolled.clear());

/** The `input.refused-enroll-persisted` fault: a refused enrollment leaves a factor behind. */
function persistRefusedEnrollment(org: FactorOrg, ctx: RequestFacts, factorType: string, provider: string): void {
  const now = org.clock.iso();
  const [someProvider] = Object.values(org.kinds.of({ factorType, provider })?.providers ?? {});
  const id = oktaId(someProvider?.idPrefix ?? 'fac');
  org.store.factors.set(id, {
    id, userId: ctx.user.id, factorType, provider, vendorName: someProvider?.vendorName ?? provider,
    status: 'PENDING_ACTIVATION', created: now, lastUpdated: now, profile: {}, secret: {},
  });
}

function send(reply: FastifyReply, response: KindResponse) {
  if (response.headers) reply.headers(response.headers);
  return reply.code(response.status).send(response.body);
}

/** The Factors API (spec §1): enroll, list, get, activate, resend, verify, unenroll. */
export function registerFactorRoutes(app: Routes, org: FactorOrg): void {
  app.get<UserParams>('/api/v1/users/:userId/factors', async (request) => {
    if (org.faults.has('errors.unknown-user-empty-list') && !org.store.findUser(request.params.userId)) return [];
    const ctx = userRequest(org, request);
    return org.store.factorsOf(ctx.user.id).map((f) => presentFactor(org, ctx.baseUrl, f));
  });

  app.post<UserParams>('/api/v1/users/:userId/factors', async (request) => {
    const facts = userRequest(org, request);
    requireActiveUser({ ...facts, faults: org.faults });
    const body = bodyObject(request.body);
    const activate = booleanQuery(request.query, 'activate');
    const updatePhone = booleanQuery(request.query, 'updatePhone');
    const factorType = requiredString(body, 'factorType', { maxLength: 64, subject: 'factorEnrollRequest' });
    const provider = requiredString(body, 'provider', { maxLength: 64, subject: 'factorEnrollRequest' });
    if (!org.kinds.hasFactorType(factorType)) throw validationFailed('factorEnrollRequest', [`factorType: The factor type '${factorType}' is not supported`]);
    const kind = org.kinds.find(factorType, provider);
    const providerInfo = kind?.providers[provider];
    if (!kind || !providerInfo) {
      if (org.faults.has('input.refused-enroll-persisted')) persistRefusedEnrollment(org, facts, factorType, provider);
      throw validationFailed('factorEnrollRequest', [`provider: The provider '${provider}' is not supported for ${factorType}`]);
    }
    if (org.policy.enrollment(factorType, provider) === 'DISABLED' && !org.faults.has('lifecycle.disabled-enrollable')) {
      throw validationFailed('factorEnrollRequest', [`The factor ${factorType} (${provider}) is not enabled for this user.`]);
    }
    const ctx = kindContext(facts, kind);
    if (org.faults.has('lifecycle.reenroll-refused') && UNENROLLED.of(org.scope).has(`${ctx.user.id} ${factorType} ${provider}`)) {
      throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    }
    const now = org.clock.iso();
    const enrollment = kind.enroll(
      ctx,
      {
        factorType,
        provider,
        profile: optionalObject(body, 'profile', 'factorEnrollRequest'),
        verify: optionalObject(body, 'verify', 'factorEnrollRequest'),
        factorProfileId: optionalString(body, 'factorProfileId', { maxLength: 64, subject: 'factorEnrollRequest' }),
        activate: activate && kind.autoActivation === true,
        updatePhone,
      },
      { id: oktaId(providerInfo.idPrefix), userId: ctx.user.id, factorType, provider, vendorName: providerInfo.vendorName, created: now, lastUpdated: now },
    );
    // Everything is validated: only now does the store change.
    if (activate && !kind.autoActivation && org.faults.has('lifecycle.activate-query-any-kind')) enrollment.factor.status = 'ACTIVE';
    for (const id of enrollment.replaces ?? []) org.store.factors.delete(id);
    org.store.factors.set(enrollment.factor.id, enrollment.factor);
    for (const companion of enrollment.companions ?? []) org.store.factors.set(companion.id, companion);
    enrollment.afterStore?.();
    return presentFactor(org, ctx.baseUrl, enrollment.factor, enrollment.activation ? { activation: enrollment.activation } : undefined);
  });

  app.get<FactorParams>('/api/v1/users/:userId/factors/:factorId', async (request) => {
    const facts = userRequest(org, request);
    return presentFactor(org, facts.baseUrl, factorOr404(facts, request.params.factorId).factor);
  });

  // Live orgs answer PUT of a question factor 200 with the factor (test/fixtures/real/terraform/); other kinds: 405.
  app.put<FactorParams>('/api/v1/users/:userId/factors/:factorId', async (request) => {
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    if (!kind.update) throw methodNotAllowed();
    requireActiveUser(ctx);
    const body = bodyObject(request.body);
    const draft = structuredClone(factor);
    kind.update(ctx, draft, body);
    draft.lastUpdated = org.clock.iso();
    if (!org.faults.has('factors.update-not-persisted')) org.store.factors.set(draft.id, draft);
    return presentFactor(org, ctx.baseUrl, draft);
  });

  app.delete<FactorParams>('/api/v1/users/:userId/factors/:factorId', async (request, reply) => {
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    requireActiveUser(ctx);
    // `removeRecoveryEnrollment` (boolean; sms/call: also drop the phone as a recovery method, which the mock does not model).
    if (!org.faults.has('sms.remove-recovery-unchecked')) booleanQuery(request.query, 'removeRecoveryEnrollment');
    if (!org.faults.has('factors.unenroll-not-persisted')) {
      for (const id of [factor.id, ...(kind.unenrollsWith?.(ctx, factor) ?? [])]) org.store.factors.delete(id);
      UNENROLLED.of(org.scope).add(`${ctx.user.id} ${factor.factorType} ${factor.provider}`);
    }
    return reply.code(204).send();
  });

  app.post<FactorParams>('/api/v1/users/:userId/factors/:factorId/lifecycle/activate', async (request, reply) => {
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    requireActiveUser(ctx);
    const body = bodyObject(request.body);
    if (factor.status !== 'PENDING_ACTIVATION') {
      if (org.faults.has('lifecycle.activate-active-allowed')) return presentFactor(org, ctx.baseUrl, factor);
      throw validationFailed('factor', ['The factor is already active.']);
    }
    const draft = structuredClone(factor);
    const response = await kind.activate(ctx, draft, body);
    draft.lastUpdated = org.clock.iso();
    // The fault: answer as if activated, but keep the factor as it was.
    if (!(org.faults.has('factors.activate-not-persisted') && draft.status === 'ACTIVE')) org.store.factors.set(draft.id, draft);
    return response ? send(reply, response) : presentFactor(org, ctx.baseUrl, draft);
  });

  app.post<FactorParams>('/api/v1/users/:userId/factors/:factorId/resend', async (request) => {
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    requireActiveUser(ctx);
    const body = bodyObject(request.body);
    if (!kind.resend) throw validationFailed('factor', [`A ${factor.factorType} factor has nothing to resend.`]);
    if (factor.status !== 'PENDING_ACTIVATION') throw validationFailed('factor', ['Only a factor pending activation can be resent.']);
    const draft = structuredClone(factor);
    kind.resend(ctx, draft, body);
    org.store.factors.set(draft.id, draft);
    return presentFactor(org, ctx.baseUrl, draft);
  });

  app.post<FactorParams>('/api/v1/users/:userId/factors/:factorId/verify', async (request, reply) => {
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    requireActiveUser(ctx);
    const body = bodyObject(request.body);
    if (factor.status !== 'ACTIVE' && !org.faults.has('lifecycle.verify-pending-allowed')) {
      // The docs name no code; Okta's catalog has 410 E0000154 (and 423 E0000180) for it, the variant answers that.
      if (org.faults.has('variant.verify-inactive-410')) throw factorNotActive();
      if (org.faults.has('variant.verify-inactive-423')) throw factorLocked();
      throw validationFailed('factor', ['The factor is not active.']);
    }
    const draft = structuredClone(factor);
    const outcome = await kind.verify(ctx, draft, body);
    org.store.factors.set(draft.id, draft);
    return send(reply, outcome);
  });

  for (const kind of org.kinds.all()) kind.registerRoutes?.(app, org, ownFactorLookup(org, kind));
}
