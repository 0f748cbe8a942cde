import type { Routes } from '../core/org-routes.js';
import { notFound, validationFailed } from '../core/errors.js';
import { registerDuoResponderRoutes } from '../okta-authn/duo/responder.js';
import { registerAuthnPolicyControlRoutes } from '../okta-authn/policy/control-routes.js';
import { registerStepUpControlRoute } from '../okta-authn/step-up/step-up.js';
import { UnknownFaultError } from '../core/faults.js';
import type { MockOrg } from '../org.js';
import { factorOr404, userRequest } from '../okta-factors/context.js';
import { registerTokenControlRoutes } from '../okta-factors/token-service/control-routes.js';
import type { ControlCapabilityName, ControlInput, ControlParams } from '../../schemas/control/operations.js';

/** What this mock org can do for a driver (DESIGN.md, the driver contract). */
const MOCK_CAPABILITIES = ['clock', 'outbox', 'push', 'yubikeyUpload', 'policy', 'tokenService', 'duo', 'readOnlyToken', 'stepUp'] as const satisfies readonly ControlCapabilityName[];

/**
 * The control protocol under /__control/v1 (DESIGN.md), behind the same admin token as the API.
 * Every route is an operation of the protocol's table, and every request is validated against
 * its schema before a handler sees it (validation.ts, on the app that serves them).
 */
export function registerControlRoutes(app: Routes, org: MockOrg): void {
  const clockView = () => ({ now: org.clock.iso(), epochMs: org.clock.now() });

  // `origin`: where the org's users sign in (U2F appId, WebAuthn origin and RP ID), which is not the API's URL here.
  app.get('/__control/v1/capabilities', async () => ({ capabilities: [...MOCK_CAPABILITIES], origin: org.origin }));

  app.get('/__control/v1/clock', async () => clockView());

  // A token of a read-only administrator, for checks of what such a token may not do.
  app.get('/__control/v1/read-only-token', async () => ({ token: org.readOnlyToken }));

  registerTokenControlRoutes(app, org);

  app.post<{ Body: ControlInput<'advanceClock'> }>('/__control/v1/clock', async (request) => {
    const { advanceMs } = request.body;
    org.clock.advance(advanceMs);
    return clockView();
  });

  app.post('/__control/v1/reset', async (_request, reply) => {
    org.reset();
    return reply.code(204).send();
  });

  app.get('/__control/v1/faults', async () => ({ faults: org.faults.list() }));

  app.post<{ Body: ControlInput<'setFaults'> }>('/__control/v1/faults', async (request) => {
    try {
      org.faults.apply(request.body.enable ?? [], request.body.disable ?? []);
    } catch (error) {
      if (error instanceof UnknownFaultError) throw validationFailed('faults', error.ids.map((id) => `unknown fault: ${id}`));
      throw error;
    }
    return { faults: org.faults.list() };
  });

  // OTP outbox: what the org "sent" by SMS, voice call and email. Passcodes: the caller is the test harness.
  app.get<{ Querystring: ControlInput<'outbox'> }>('/__control/v1/outbox', async (request) => {
    const { userId, channel } = request.query;
    return { messages: org.outbox.list({ ...(userId ? { userId } : {}), ...(channel ? { channel } : {}) }) };
  });

  // Push responder: the user's answer on their device.
  app.post<{ Params: ControlParams<'respondToPush'>; Body: ControlInput<'respondToPush'> }>('/__control/v1/push/:userId/:factorId', async (request) => {
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    if (!kind.respondToPush) throw notFound(`Resource not found: ${factor.id} is not a push factor`);
    kind.respondToPush(ctx, factor, request.body.action);
    return { ok: true };
  });

  // Duo responder: the user answering the Duo prompt that a sig_request opened (mock-org/okta-authn/duo/responder.ts).
  registerDuoResponderRoutes(app, org);

  // Password and sign-on policies (what the Authentication API applies).
  registerAuthnPolicyControlRoutes(app, org);
  registerStepUpControlRoute(app, org);

  // Factor policy: which factors are enabled, REQUIRED or OPTIONAL.
  app.get('/__control/v1/factor-policy', async () => ({ factors: org.policy.list() }));

  app.post<{ Body: ControlInput<'setFactorPolicy'> }>('/__control/v1/factor-policy', async (request) => {
    const changes = request.body.factors;
    const notFactors = changes.flatMap((entry, index) => (org.kinds.hasFactorType(entry.factorType) ? [] : [`factors[${index}]: unknown factorType ${entry.factorType}`]));
    if (notFactors.length > 0) throw validationFailed('factors', notFactors);
    const unknown = org.policy.apply(changes);
    if (unknown.length > 0) {
      throw validationFailed('factors', unknown.map((e) => `unknown factor: ${e.factorType} (${e.provider})`));
    }
    return { factors: org.policy.list() };
  });
}
