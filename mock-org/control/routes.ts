import type { FastifyInstance } from 'fastify';
import { notFound, validationFailed } from '../core/errors.js';
import { registerDuoResponderRoutes } from '../okta-authn/duo/responder.js';
import { UnknownFaultError } from '../core/faults.js';
import { bodyObject, isObject } from '../core/input.js';
import type { MockOrg } from '../org.js';
import { ENROLLMENTS, USER_VERIFICATIONS, type Enrollment, type PolicyEntry, type UserVerification } from '../okta-factors/policy.js';
import { factorOr404, userRequest } from '../okta-factors/context.js';
import { registerTokenControlRoutes } from '../okta-factors/token-service/control-routes.js';

/** What this mock org can do for a driver (DESIGN.md, the driver contract). */
export const MOCK_CAPABILITIES = ['users', 'clock', 'otp-outbox', 'push-responder', 'yubikey-upload', 'factor-policy', 'token-service', 'duo-responder', 'read-only-token'] as const;

/** Longest single clock move accepted: ten years. */
const MAX_ADVANCE_MS = 10 * 365 * 24 * 3600 * 1000;

const PUSH_ACTIONS = ['approve', 'reject', 'ignore'] as const;

/** The control protocol under /__control/v1 (DESIGN.md), behind the same admin token as the API. */
export function registerControlRoutes(app: FastifyInstance, org: MockOrg): void {
  const clockView = () => ({ now: org.clock.iso(), epochMs: org.clock.now() });

  // `origin`: where the org's users sign in (U2F appId, WebAuthn origin and RP ID), which is not the API's URL here.
  app.get('/__control/v1/capabilities', async () => ({ capabilities: [...MOCK_CAPABILITIES], origin: org.origin }));

  app.get('/__control/v1/clock', async () => clockView());

  // A token of a read-only administrator, for checks of what such a token may not do.
  app.get('/__control/v1/read-only-token', async () => ({ token: org.readOnlyToken }));

  registerTokenControlRoutes(app, org);

  app.post('/__control/v1/clock', async (request) => {
    const body = bodyObject(request.body);
    const advanceMs = body.advanceMs;
    if (typeof advanceMs !== 'number' || !Number.isInteger(advanceMs) || advanceMs < 0 || advanceMs > MAX_ADVANCE_MS) {
      throw validationFailed('advanceMs', [`advanceMs: must be an integer from 0 to ${MAX_ADVANCE_MS}`]);
    }
    org.clock.advance(advanceMs);
    return clockView();
  });

  app.post('/__control/v1/reset', async (_request, reply) => {
    org.reset();
    return reply.code(204).send();
  });

  app.get('/__control/v1/faults', async () => ({ faults: org.faults.list() }));

  app.post('/__control/v1/faults', async (request) => {
    const body = bodyObject(request.body);
    const enable = stringList(body, 'enable');
    const disable = stringList(body, 'disable');
    try {
      org.faults.apply(enable, disable);
    } catch (error) {
      if (error instanceof UnknownFaultError) throw validationFailed('faults', error.ids.map((id) => `unknown fault: ${id}`));
      throw error;
    }
    return { faults: org.faults.list() };
  });

  // OTP outbox: what the org "sent" by SMS, voice call and email. Passcodes: the caller is the test harness.
  app.get('/__control/v1/outbox', async (request) => {
    const query = isObject(request.query) ? request.query : {};
    const userId = typeof query.userId === 'string' ? query.userId : undefined;
    const channel = typeof query.channel === 'string' ? query.channel : undefined;
    if (channel !== undefined && !['sms', 'call', 'email'].includes(channel)) {
      throw validationFailed('channel', ['channel: must be sms, call or email']);
    }
    return { messages: org.outbox.list({ ...(userId ? { userId } : {}), ...(channel ? { channel } : {}) }) };
  });

  // Push responder: the user's answer on their device.
  app.post<{ Params: { userId: string; factorId: string } }>('/__control/v1/push/:userId/:factorId', async (request) => {
    const body = bodyObject(request.body);
    const action = body.action;
    if (typeof action !== 'string' || !(PUSH_ACTIONS as readonly string[]).includes(action)) {
      throw validationFailed('action', ['action: must be approve, reject or ignore']);
    }
    const { factor, kind, ctx } = factorOr404(userRequest(org, request), request.params.factorId);
    if (!kind.respondToPush) throw notFound(`Resource not found: ${factor.id} is not a push factor`);
    kind.respondToPush(ctx, factor, action as (typeof PUSH_ACTIONS)[number]);
    return { ok: true };
  });

  // Duo responder: the user answering the Duo prompt that a sig_request opened (mock-org/okta-authn/duo/responder.ts).
  registerDuoResponderRoutes(app, org);

  // Factor policy: which factors are enabled, REQUIRED or OPTIONAL.
  app.get('/__control/v1/factor-policy', async () => ({ factors: org.policy.list() }));

  app.post('/__control/v1/factor-policy', async (request) => {
    const body = bodyObject(request.body);
    const changes = policyEntries(org, body.factors);
    const unknown = org.policy.apply(changes);
    if (unknown.length > 0) {
      throw validationFailed('factors', unknown.map((e) => `unknown factor: ${e.factorType} (${e.provider})`));
    }
    return { factors: org.policy.list() };
  });
}

function stringList(body: Record<string, unknown>, key: string): string[] {
  const value = body[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw validationFailed(key, [`${key}: must be an array of fault ids`]);
  }
  return value;
}

function policyEntries(org: MockOrg, value: unknown): PolicyEntry[] {
  if (!Array.isArray(value)) throw validationFailed('factors', ['factors: must be an array of {factorType, provider, enrollment}']);
  return value.map((entry, index) => {
    if (
      !isObject(entry) ||
      typeof entry.factorType !== 'string' ||
      typeof entry.provider !== 'string' ||
      typeof entry.enrollment !== 'string' ||
      !(ENROLLMENTS as readonly string[]).includes(entry.enrollment) ||
      !org.kinds.hasFactorType(entry.factorType)
    ) {
      throw validationFailed('factors', [`factors[${index}]: needs a known factorType, a provider and enrollment REQUIRED, OPTIONAL or DISABLED`]);
    }
    const userVerification = entry.userVerification;
    if (userVerification !== undefined && !(USER_VERIFICATIONS as readonly unknown[]).includes(userVerification)) {
      throw validationFailed('factors', [`factors[${index}].userVerification: must be required, preferred or discouraged`]);
    }
    return {
      factorType: entry.factorType,
      provider: entry.provider,
      enrollment: entry.enrollment as Enrollment,
      ...(userVerification !== undefined ? { userVerification: userVerification as UserVerification } : {}),
    };
  });
}
