import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { Routes } from '../../core/org-routes.js';
import QRCode from 'qrcode';
import { notFound, operationNotAllowed, validationFailed } from '../../core/errors.js';
import { bodyObject, optionalObject, requiredString } from '../../core/input.js';
import { isPhoneNumber } from '../../core/phone.js';
import type { FactorOrg, FactorParams, FactorServices, KindResponse, OwnFactorLookup, RequestFacts } from '../kind.js';
import { resultLinks } from '../links.js';
import { presentFactor } from '../present.js';
import { cancelTransaction, findTransaction, pollActivation, sendActivation, transactionBody, type PushFactor, type PushState } from './push-protocol.js';

type QrParams = { Params: { userId: string; factorId: string; opaque: string } };
type TransactionParams = { Params: { userId: string; factorId: string; transactionId: string } };

/** As the shared factor routes: a deprovisioned or suspended user can do nothing with factors. */
function requireUsableUser(ctx: RequestFacts): void {
  if (ctx.user.status === 'DEPROVISIONED' || ctx.user.status === 'SUSPENDED') {
    throw operationNotAllowed(`The user is ${ctx.user.status}.`);
  }
}

/** The `push.send-links-not-served` fault: the send endpoints do not exist. */
function requireSendServed(org: FactorServices, path: string): void {
  if (org.faults.has('push.send-links-not-served')) throw notFound(`Resource not found: ${path}`);
}

function requirePending(factor: PushFactor): void {
  if (factor.status !== 'PENDING_ACTIVATION') throw validationFailed('factor', ['The factor is already active.']);
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(reply: FastifyReply, response: KindResponse) {
  return reply.code(response.status).send(response.body);
}

/**
 * The push factor's own endpoints (spec §1 F10–F13): the activation poll, the activation links by
 * email and SMS, and polling and cancelling a challenge transaction.
 */
export function registerPushRoutes(app: Routes, org: FactorOrg, ownFactor: OwnFactorLookup<PushState>): void {
  const factorBase = '/api/v1/users/:userId/factors/:factorId';

  // F12: the `poll` link of a pending push factor. Polling an already active factor answers the factor.
  app.post<FactorParams>(`${factorBase}/lifecycle/activate/poll`, async (request, reply) => {
    const { factor, ctx } = ownFactor(request);
    requireUsableUser(ctx);
    bodyObject(request.body);
    if (factor.status === 'ACTIVE') return presentFactor(org, ctx.baseUrl, factor);
    const draft = structuredClone(factor);
    const response = pollActivation(ctx, draft);
    org.store.factors.set(draft.id, draft);
    return response ? send(reply, response) : presentFactor(org, ctx.baseUrl, draft);
  });

  // F13: the activation link by email, to the user's primary email. No body is documented; any object is accepted.
  app.post<FactorParams>(`${factorBase}/lifecycle/activate/email`, async (request, reply) => {
    requireSendServed(org, request.url);
    const { factor, ctx } = ownFactor(request);
    requireUsableUser(ctx);
    bodyObject(request.body);
    requirePending(factor);
    const draft = structuredClone(factor);
    const response = sendActivation(ctx, draft, 'email', ctx.user.profile.email);
    org.store.factors.set(draft.id, draft);
    return send(reply, response);
  });

  // F13: the activation link by SMS, to `profile.phoneNumber` (as the Authn API's equivalent takes it).
  app.post<FactorParams>(`${factorBase}/lifecycle/activate/sms`, async (request, reply) => {
    requireSendServed(org, request.url);
    const { factor, ctx } = ownFactor(request);
    requireUsableUser(ctx);
    const body = bodyObject(request.body);
    const profile = optionalObject(body, 'profile') ?? {};
    const phoneNumber = requiredString(profile, 'phoneNumber', { maxLength: 32, path: 'profile.phoneNumber', subject: 'profile.phoneNumber' });
    if (!isPhoneNumber(phoneNumber) && !org.faults.has('push.send-bad-phone-accepted')) {
      throw validationFailed('profile.phoneNumber', ['profile.phoneNumber: Invalid phone number format.']);
    }
    requirePending(factor);
    const draft = structuredClone(factor);
    const response = sendActivation(ctx, draft, 'sms', phoneNumber);
    org.store.factors.set(draft.id, draft);
    return send(reply, response);
  });

  // F14: the `qrcode` link of a pending activation, an image/png for Okta Verify to scan. What the code encodes is
  // Okta Verify's business (undocumented); the mock encodes the activation URL with its opaque token. Rendered by the
  // `qrcode` package (a well-kept encoder) rather than by hand: a QR encoder and a PNG writer are no part of the protocol.
  app.get<QrParams>(`${factorBase}/qr/:opaque`, async (request, reply) => {
    const { factor, ctx } = ownFactor(request);
    requireUsableUser(ctx);
    const { token } = factor.secret.activation;
    if (factor.status !== 'PENDING_ACTIVATION' || !sameToken(request.params.opaque, token)) {
      throw notFound(`Resource not found: ${request.params.opaque} (QR code)`);
    }
    if (org.faults.has('push.qrcode-not-image')) return { href: `${ctx.baseUrl}${request.url}` };
    const png = await QRCode.toBuffer(`${ctx.baseUrl}/api/v1/users/${ctx.user.id}/factors/${factor.id}/lifecycle/activate?t=${token}`, { type: 'png' });
    return reply.code(200).type('image/png').send(png);
  });

  // F10: poll a challenge. An id this factor never issued is 404, whoever else issued it.
  app.get<TransactionParams>(`${factorBase}/transactions/:transactionId`, async (request) => {
    const { factor, ctx } = ownFactor(request);
    const found = findTransaction(ctx, factor, request.params.transactionId);
    if (!found) {
      if (org.faults.has('push.unknown-transaction-timeout')) return { factorResult: 'TIMEOUT', _links: resultLinks(ctx.baseUrl, factor) };
      throw notFound(`Resource not found: ${request.params.transactionId} (FactorTransaction)`);
    }
    return transactionBody(ctx, factor, found.tx);
  });

  // F11: cancel a challenge (the `cancel` link). Undocumented: 204, see cancelTransaction.
  app.delete<TransactionParams>(`${factorBase}/transactions/:transactionId`, async (request, reply) => {
    const { factor, ctx } = ownFactor(request);
    requireUsableUser(ctx);
    const found = findTransaction(ctx, factor, request.params.transactionId);
    if (!found) throw notFound(`Resource not found: ${request.params.transactionId} (FactorTransaction)`);
    const draft = structuredClone(found.owner);
    cancelTransaction(org, draft, request.params.transactionId);
    org.store.factors.set(draft.id, draft);
    return reply.code(204).send();
  });
}
