import { randomInt } from 'node:crypto';
import type { Routes } from '../core/org-routes.js';
import type { OutboxChannel } from '../core/outbox.js';
import { RIGHTS, requireRight } from './auth.js';
import { objectBody, oneOf, requiredString } from './input.js';
import { CODE_LIFETIME_MS, CODE_MAX_FAILURES, newRequestId, type Identity, type IdentityNowTenant } from './tenant.js';

/** deliveryType → channel and the identity attribute it goes to (the schema's comments, §5.2). */
const DELIVERY = {
  SMS_PERSONAL: { channel: 'sms', attribute: 'phone' },
  VOICE_PERSONAL: { channel: 'call', attribute: 'phone' },
  SMS_WORK: { channel: 'sms', attribute: 'work' },
  VOICE_WORK: { channel: 'call', attribute: 'work' },
  EMAIL_WORK: { channel: 'email', attribute: 'email' },
  EMAIL_PERSONAL: { channel: 'email', attribute: 'personalEmail' },
} as const satisfies Record<string, { channel: OutboxChannel; attribute: keyof Identity }>;
type DeliveryType = keyof typeof DELIVERY;
const DELIVERY_TYPES = Object.keys(DELIVERY) as DeliveryType[];

/** One-time codes (spec §5.3 V5, V6; §9 item 16): six digits to the outbox, keyed by (userAlias, deliveryType). */
export function registerTokenRoutes(app: Routes, tenant: IdentityNowTenant): void {
  const faults = tenant.host.faults;

  app.post('/mfa/token/send', async (request) => {
    requireRight(tenant, request, RIGHTS.send);
    if (faults.has('identitynow-mfa.token-send-unvalidated') && !isCompleteSend(request.body)) return { requestId: newRequestId(), status: 'SUCCESS', errorMessage: '' };
    const body = objectBody(request.body);
    const userAlias = requiredString(body, 'userAlias');
    const deliveryType = oneOf(body.deliveryType, DELIVERY_TYPES, 'deliveryType');
    const identity = tenant.identityByName(userAlias);
    if (!identity) return { requestId: null, status: 'FAILED', errorMessage: 'Unknown user alias.' };
    const { channel, attribute } = DELIVERY[deliveryType];
    const to = identity[attribute];
    if (!to) return { requestId: null, status: 'FAILED', errorMessage: `The identity has no ${attribute} to send a code to.` };
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const requestId = newRequestId();
    tenant.noteSecret(code);
    tenant.codes.set(`${userAlias}|${deliveryType}`, { code, expiresAtMs: tenant.now() + CODE_LIFETIME_MS, failures: 0, requestId });
    tenant.verifications.set(requestId, { requestId, method: 'token', status: 'PENDING' });
    if (!faults.has('identitynow-mfa.token-not-delivered')) {
      tenant.host.outbox.send({ userId: userAlias, factorId: deliveryType, channel, to, passCode: code, sentAt: new Date(tenant.now()).toISOString() });
    }
    return { requestId, status: 'SUCCESS', errorMessage: '' };
  });

  app.post('/mfa/token/authenticate', async (request) => {
    requireRight(tenant, request, RIGHTS.verify);
    const body = objectBody(request.body);
    const token = requiredString(body, 'token');
    const userAlias = requiredString(body, 'userAlias');
    const deliveryType = oneOf(body.deliveryType, DELIVERY_TYPES, 'deliveryType');
    const identity = tenant.identityByName(userAlias);
    if (!identity) return { status: 'FAILED' };
    if (!identity[DELIVERY[deliveryType].attribute]) return { status: 'NOT_ENOUGH_DATA' };
    const key = `${userAlias}|${deliveryType}`;
    const pending = tenant.codes.get(key);
    if (!pending || pending.expiresAtMs <= tenant.now()) return { status: 'FAILED' };
    if (token.trim() === pending.code || faults.has('identitynow-mfa.token-accept-any')) {
      if (!faults.has('identitynow-mfa.token-replayable')) tenant.codes.delete(key);
      const verification = tenant.verifications.get(pending.requestId);
      if (verification) verification.status = 'SUCCESS';
      return { status: 'SUCCESS' };
    }
    pending.failures++;
    if (pending.failures >= CODE_MAX_FAILURES) {
      tenant.codes.delete(key);
      return { status: 'LOCKOUT' };
    }
    return { status: 'FAILED' };
  });
}

function isCompleteSend(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { userAlias, deliveryType } = body as Record<string, unknown>;
  return typeof userAlias === 'string' && typeof deliveryType === 'string' && (DELIVERY_TYPES as string[]).includes(deliveryType);
}
