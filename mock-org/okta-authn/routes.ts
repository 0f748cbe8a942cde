import type { FastifyRequest } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import { invalidAuthnState, notFound, validationFailed } from '../core/errors.js';
import type { FactorBase } from '../okta-factors/kind.js';
import { oktaId } from '../core/ids.js';
import { bodyObject, optionalObject, requiredString, type JsonObject } from '../core/input.js';
import { requestBaseUrl } from '../core/base-url.js';
import { headersOf, queryOf } from '../okta-factors/context.js';
import type { StoredFactor } from '../okta-factors/store.js';
import { openTransaction, requireOperation } from './context.js';
import type { AuthnContext, AuthnFactorFlow, AuthnOrg } from './flow.js';
import { AUTHN_FLOWS, authnFlow, authnFlowFor } from './flows.js';
import { presentSuccess, presentTransaction } from './present.js';
import { presentLockedOut } from './recovery/present.js';
import { primaryAuthentication, refuseStepUp } from './transaction/primary.js';
import { AUTHN_TRANSACTIONS } from './transactions.js';
import { continueAfterFactor } from './transaction/after-mfa.js';
import { registerPasswordRoutes } from './transaction/password-routes.js';
import { originalLink, stepUpAuthentication } from './step-up/step-up.js';
import { registerRecoveryRoutes } from './recovery/routes.js';

type FactorParams = { Params: { factorId: string } };

/** Longest factorType / provider read. */
const MAX_NAME_LENGTH = 64;

/** Stores the drafts of a successful operation and answers with the transaction (or SUCCESS, which ends it). */
function respond(ctx: AuthnContext, factor?: StoredFactor, factorStep = true): Record<string, unknown> {
  const { org, transaction } = ctx;
  if (factor) org.store.factors.set(factor.id, factor);
  const from = AUTHN_TRANSACTIONS.of(org.scope).get(transaction.stateToken)?.status;
  // A factor step that authenticated the user goes on to optional enrollment and the password states (spec §5.4).
  if (factorStep && transaction.status === 'SUCCESS' && from !== undefined && from.startsWith('MFA_')) {
    transaction.status = continueAfterFactor(ctx, from);
    if (transaction.status !== 'SUCCESS') {
      delete transaction.factorId;
      delete transaction.factorResult;
      delete transaction.flow;
    }
  }
  if (transaction.status === 'SUCCESS') {
    // The transaction is complete: its stateToken is spent, the sessionToken is what the client carries on.
    if (!org.faults.has('authn.state-token-alive-after-success')) AUTHN_TRANSACTIONS.of(org.scope).revoke(transaction.stateToken);
    return presentSuccess(org, ctx.user);
  }
  AUTHN_TRANSACTIONS.of(org.scope).save(transaction);
  return presentTransaction(ctx);
}

/** The transaction's factor being activated or verified, with its flow; 403 E0000079 for any other factor id. */
function currentFactor(ctx: AuthnContext, factorId: string): { factor: StoredFactor; flow: AuthnFactorFlow } {
  const factor = ctx.transaction.factorId === factorId ? ctx.org.store.factors.get(factorId) : undefined;
  const flow = factor && authnFlowFor(ctx.org.kinds, factor);
  if (!factor || !flow) throw invalidAuthnState();
  return { factor: structuredClone(factor), flow };
}

/** One of the user's active factors, with its flow (404 for another user's or an unknown id). */
function verifiableFactor(ctx: AuthnContext, factorId: string): { factor: StoredFactor; flow: AuthnFactorFlow } {
  const factor = ctx.org.store.factors.get(factorId);
  if (!factor || factor.userId !== ctx.user.id || factor.status !== 'ACTIVE') throw notFound(`Resource not found: ${factorId} (UserFactor)`);
  const flow = authnFlowFor(ctx.org.kinds, factor);
  if (!flow) throw notSupportedYet(factor.factorType, factor.provider);
  return { factor: structuredClone(factor), flow };
}

/** A10 by factor type: the user's active factors of the type, verified together by the type's flow. */
async function verifyByType(ctx: AuthnContext, factorType: string, body: JsonObject): Promise<Record<string, unknown>> {
  const drafts = ctx.org.store.factorsOf(ctx.user.id).filter((f) => f.factorType === factorType && f.status === 'ACTIVE').map((f) => structuredClone(f));
  const flow = drafts[0] && authnFlowFor(ctx.org.kinds, drafts[0]);
  if (!flow?.verifyByType) throw notFound(`Resource not found: ${factorType} (UserFactor)`);
  for (const draft of await flow.verifyByType(ctx, drafts, body)) ctx.org.store.factors.set(draft.id, draft);
  return respond(ctx);
}

/** The factor draft, its `lastUpdated` moved to now when its status changed (activation). */
function touched(org: AuthnOrg, draft: StoredFactor, factorId: string): StoredFactor {
  const stored = org.store.factors.get(factorId);
  return stored && stored.status !== draft.status ? { ...draft, lastUpdated: org.clock.iso() } : draft;
}

/** The mock's own limit, said plainly: a factor type whose Authentication API flow it does not implement yet. */
const notSupportedYet = (factorType: string, provider: string) =>
  validationFailed('factorEnrollRequest', [`factorType: ${factorType} (${provider}) is not supported by this mock's Authentication API`]);

/** Step-up primary authentication (A1 in UNAUTHENTICATED): the transaction, its stateToken kept, becomes the user's. */
function stepUp(ctx: AuthnContext, body: JsonObject): Record<string, unknown> {
  const { org } = ctx;
  const outcome = stepUpAuthentication(ctx, body);
  if (outcome.status === 'LOCKED_OUT') return presentLockedOut(ctx.baseUrl);
  const transactions = AUTHN_TRANSACTIONS.of(org.scope);
  if (outcome.status === 'SUCCESS') {
    transactions.revoke(ctx.transaction.stateToken);
    return { ...presentSuccess(org, outcome.user), type: 'SESSION_STEP_UP', _links: originalLink(ctx) };
  }
  const transaction = { ...ctx.transaction, ...outcome.extras, userId: outcome.user.id, status: outcome.status };
  transactions.save(transaction);
  return presentTransaction({ ...ctx, user: outcome.user, transaction });
}

function open(org: AuthnOrg, request: FastifyRequest): { body: JsonObject; ctx: AuthnContext } {
  const body = bodyObject(request.body);
  return { body, ctx: openTransaction(org, request, body) };
}

/** The Authentication API (spec §5): primary authentication, MFA enrollment and verification, state management. */
export function registerAuthnRoutes(app: Routes, org: AuthnOrg): void {
  const transactions = AUTHN_TRANSACTIONS.of(org.scope);
  // A1 primary authentication, or A21 get transaction state when the body names a stateToken.
  app.post('/api/v1/authn', async (request) => {
    const body = bodyObject(request.body);
    if (body.stateToken !== undefined) {
      const ctx = openTransaction(org, request, body);
      const credentials = body.username !== undefined || body.password !== undefined;
      if (credentials && ctx.transaction.status === 'UNAUTHENTICATED') return stepUp(ctx, body);
      refuseStepUp(body);
      if (org.faults.has('authn.get-state-in-recovery-refused') && !ctx.transaction.status.startsWith('MFA_')) throw invalidAuthnState();
      if (org.faults.has('authn.get-state-revokes')) transactions.revoke(ctx.transaction.stateToken);
      else transactions.save(ctx.transaction);
      return presentTransaction(ctx);
    }
    return primaryOrState(request, body);
  });

  // What Okta Auth JS's tx.introspect() and resume call: the transaction's state, changing nothing.
  app.post('/api/v1/authn/introspect', async (request) => {
    if (org.faults.has('authn-factors.introspect-not-served')) throw notFound(`Resource not found: ${request.url}`);
    const { ctx } = open(org, request);
    transactions.save(ctx.transaction);
    return presentTransaction(ctx);
  });

  function primaryOrState(request: FastifyRequest, body: JsonObject): Record<string, unknown> {
    const outcome = primaryAuthentication(org, body);
    const relayState = outcome.extras.relayState !== undefined && !org.faults.has('authn.relay-state-dropped') ? { relayState: outcome.extras.relayState } : {};
    if (outcome.status === 'SUCCESS') return { ...presentSuccess(org, outcome.user), ...relayState };
    if (outcome.status === 'LOCKED_OUT') return presentLockedOut(requestBaseUrl(request));
    const transaction = transactions.start(outcome.user.id, outcome.status, org.clock.now(), outcome.extras);
    return presentTransaction({
      org, baseUrl: requestBaseUrl(request), query: queryOf(request), headers: headersOf(request), user: outcome.user, transaction: structuredClone(transaction),
    });
  }

  // A3 enroll a factor (MFA_ENROLL).
  app.post('/api/v1/authn/factors', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'enroll');
    const factorType = requiredString(body, 'factorType', { maxLength: MAX_NAME_LENGTH, subject: 'factorEnrollRequest' });
    const provider = requiredString(body, 'provider', { maxLength: MAX_NAME_LENGTH, subject: 'factorEnrollRequest' });
    optionalObject(body, 'profile', 'factorEnrollRequest');
    const providerInfo = org.kinds.provider(factorType, provider);
    const disabled = org.policy.enrollment(factorType, provider) === 'DISABLED' && !org.faults.has('authn.disabled-factor-enrollable');
    if (!providerInfo || disabled) {
      throw validationFailed('factorEnrollRequest', [`The factor ${factorType} (${provider}) is not enabled for this user.`]);
    }
    const flow = authnFlow(org.kinds, factorType, provider);
    if (!flow) throw notSupportedYet(factorType, provider);
    const now = org.clock.iso();
    const base: FactorBase = {
      id: oktaId(providerInfo.idPrefix), userId: ctx.user.id, factorType, provider, vendorName: providerInfo.vendorName, created: now, lastUpdated: now,
    };
    const { factor, replaces = [], afterStore } = flow.enroll(ctx, base, body);
    // A new enrollment replaces the user's pending one of the same kind (an abandoned earlier attempt).
    for (const other of org.store.factorsOf(ctx.user.id)) {
      if (other.factorType === factorType && other.provider === provider && other.status === 'PENDING_ACTIVATION') org.store.factors.delete(other.id);
    }
    for (const id of replaces) org.store.factors.delete(id);
    const answer = respond(ctx, factor);
    afterStore?.();
    return answer;
  });

  // A4 activate, A5 poll an activation (MFA_ENROLL_ACTIVATE).
  app.post<FactorParams>('/api/v1/authn/factors/:factorId/lifecycle/activate', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'activate');
    const { factor, flow } = currentFactor(ctx, request.params.factorId);
    if (!flow.activate) throw invalidAuthnState();
    await flow.activate(ctx, factor, body);
    return respond(ctx, touched(org, factor, request.params.factorId));
  });

  app.post<FactorParams>('/api/v1/authn/factors/:factorId/lifecycle/activate/poll', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'activate');
    const { factor, flow } = currentFactor(ctx, request.params.factorId);
    if (!flow.pollActivation) throw invalidAuthnState();
    flow.pollActivation(ctx, factor, body);
    return respond(ctx, touched(org, factor, request.params.factorId));
  });

  // A10 verify (MFA_REQUIRED), answer or poll a challenge (MFA_CHALLENGE).
  app.post<FactorParams>('/api/v1/authn/factors/:factorId/verify', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'verify');
    // A10 by factor type (`…/factors/webauthn/verify`): no factor id is ever a factor type's name.
    if (org.kinds.hasFactorType(request.params.factorId)) return verifyByType(ctx, request.params.factorId, body);
    const { factor, flow } = verifiableFactor(ctx, request.params.factorId);
    await flow.verify(ctx, factor, body);
    return respond(ctx, factor);
  });

  // A8 resend the enrollment OTP (MFA_ENROLL_ACTIVATE), A11 resend the challenge (MFA_CHALLENGE).
  for (const [path, operation] of [['/lifecycle/resend', 'resend-activation'], ['/verify/resend', 'resend-challenge']] as const) {
    app.post<FactorParams>(`/api/v1/authn/factors/:factorId${path}`, async (request) => {
      const { body, ctx } = open(org, request);
      requireOperation(ctx, operation);
      const { factor, flow } = currentFactor(ctx, request.params.factorId);
      if (!flow.resend) throw invalidAuthnState();
      await flow.resend(ctx, factor, body);
      return respond(ctx, factor);
    });
  }

  // A6/A7 the push activation link by email or sms (MFA_ENROLL_ACTIVATE).
  for (const channel of ['email', 'sms'] as const) {
    app.post<FactorParams>(`/api/v1/authn/factors/:factorId/lifecycle/activate/${channel}`, async (request) => {
      const { body, ctx } = open(org, request);
      requireOperation(ctx, 'send-activation');
      const { factor, flow } = currentFactor(ctx, request.params.factorId);
      if (!flow.sendActivation) throw invalidAuthnState();
      flow.sendActivation(ctx, factor, channel, body);
      return respond(ctx, factor);
    });
  }

  // A22 previous: back from activating to choosing a factor to enroll, from a challenge to choosing a factor to verify.
  app.post('/api/v1/authn/previous', async (request) => {
    const { ctx } = open(org, request);
    requireOperation(ctx, 'previous');
    if (ctx.transaction.status === 'MFA_CHALLENGE' && org.faults.has('authn.previous-refused-in-challenge')) throw invalidAuthnState();
    const { transaction } = ctx;
    if (!org.faults.has('authn.previous-ignored')) {
      if (transaction.status === 'MFA_ENROLL_ACTIVATE') transaction.status = 'MFA_ENROLL';
      else if (transaction.status === 'MFA_CHALLENGE') transaction.status = 'MFA_REQUIRED';
      delete transaction.factorId;
      delete transaction.factorResult;
      delete transaction.flow;
    }
    return respond(ctx);
  });

  // A24 cancel: the stateToken is revoked. The docs show no response body (spec §5.1); the mock answers `{}`.
  app.post('/api/v1/authn/cancel', async (request) => {
    const { ctx } = open(org, request);
    if (org.faults.has('authn.cancel-refused-in-password-states') && !ctx.transaction.status.startsWith('MFA_')) throw invalidAuthnState();
    if (org.faults.has('authn.cancel-ignored')) transactions.save(ctx.transaction);
    else transactions.revoke(ctx.transaction.stateToken);
    return {};
  });

  registerPasswordRoutes(app, org, respond);
  registerRecoveryRoutes(app, org);
  for (const flow of AUTHN_FLOWS) flow.registerRoutes?.(app, org);
}
