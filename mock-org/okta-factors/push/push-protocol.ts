import { randomInt } from 'node:crypto';
import { validationFailed } from '../../core/errors.js';
import { oktaId, randomAlphanumeric } from '../../core/ids.js';
import type { StoredFactor, StoredUser } from '../store.js';
import type { FactorContext, KindServices, KindResponse } from '../kind.js';
import { factorUrl, link, resultLinks } from '../links.js';

/**
 * The push (Okta Verify) protocol as the mock org plays it: the activation a device completes,
 * and the challenge transactions a device approves or rejects (spec §2.6, §3.4, §4).
 * Every expiry is on the org's virtual clock. Where the docs are silent (spec §11) the choices
 * are said where they are made.
 */

/** Activation lifetime: undocumented ("minutes"); [F]'s example has 10 minutes between created and expiresAt. */
export const ACTIVATION_LIFETIME_MS = 10 * 60_000;
/** Challenge lifetime: undocumented; 5 minutes, the gap in the [A] push poll example. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** Transactions remembered per factor; older ones are forgotten (and then poll as unknown). */
const KEPT_TRANSACTIONS = 20;

/** What the device did with the activation; TIMEOUT is derived from the clock, never stored. */
type ActivationOutcome = 'WAITING' | 'APPROVED' | 'CANCELLED';
type ActivationResult = ActivationOutcome | 'TIMEOUT';

interface PushActivation {
  /** The opaque activation token the QR code and the emailed/texted link carry. */
  token: string;
  expiresAtMs: number;
  outcome: ActivationOutcome;
}

/** What happened to a challenge; TIMEOUT is derived from the clock, never stored. */
type TransactionOutcome = 'WAITING' | 'SUCCESS' | 'REJECTED' | 'CANCELLED';
type TransactionResult = TransactionOutcome | 'TIMEOUT';

export interface PushTransaction {
  id: string;
  expiresAtMs: number;
  outcome: TransactionOutcome;
  /** Number matching: the number the user must pick on the device. */
  correctAnswer?: number;
  /** What Okta shows in the push as context (spec §2.6): the caller's User-Agent and client IP. */
  userAgent?: string;
  clientIp?: string;
}

/** A push factor's private state (`StoredFactor.secret`). */
export interface PushState {
  activation: PushActivation;
  transactions: PushTransaction[];
}

export function newPushState(services: KindServices): PushState {
  return { activation: newActivation(services), transactions: [] };
}

function newActivation(services: KindServices): PushActivation {
  return { token: randomAlphanumeric(40), expiresAtMs: services.clock.now() + ACTIVATION_LIFETIME_MS, outcome: 'WAITING' };
}

export type PushFactor = StoredFactor<PushState>;
type PushContext = FactorContext<PushState>;

const iso = (ms: number) => new Date(ms).toISOString();

// ---- activation ---------------------------------------------------------------------------

function activationResult(services: KindServices, factor: PushFactor): ActivationResult {
  const { activation } = factor.secret;
  const expired = services.clock.now() >= activation.expiresAtMs && !services.faults.has('push.activation-never-expires');
  return activation.outcome === 'WAITING' && expired ? 'TIMEOUT' : activation.outcome;
}

/**
 * The Push Factor Activation object. While WAITING: expiresAt and the links to finish it (the
 * embedded copy in the enroll response has no `poll`: the factor itself publishes that one).
 * After TIMEOUT (or CANCELLED, when the device declined): only an `activate` link, to restart.
 */
export function activationBody(ctx: PushContext, factor: PushFactor, options: { embedded: boolean }): Record<string, unknown> {
  const { activation } = factor.secret;
  const self = factorUrl(ctx.baseUrl, factor);
  const result = activationResult(ctx, factor);
  if (result !== 'WAITING') {
    return { factorResult: result, _links: { activate: link(`${self}/lifecycle/activate`, ['POST']) } };
  }
  return {
    expiresAt: iso(activation.expiresAtMs),
    factorResult: 'WAITING',
    _links: {
      // [F] points this poll link at …/lifecycle/activate and the enroll one at …/activate/poll (spec §10.5);
      // both are served, and the mock keeps to the one the factor publishes.
      ...(options.embedded ? {} : { poll: link(`${self}/lifecycle/activate/poll`, ['POST']) }),
      qrcode: link(`${self}/qr/${activation.token}`, ['GET'], { type: 'image/png' }),
      send: [
        link(`${self}/lifecycle/activate/email`, ['POST'], { name: 'email' }),
        link(`${self}/lifecycle/activate/sms`, ['POST'], { name: 'sms' }),
      ],
    },
  };
}

/** A plausible Okta Verify device (the profile [F] shows on an activated push factor). */
function deviceProfile(user: StoredUser): Record<string, unknown> {
  return { credentialId: user.profile.login, deviceType: 'SmartPhone_IPhone', name: 'Mock iPhone', platform: 'IOS', version: '17.5' };
}

function finishActivation(ctx: PushContext, draft: PushFactor): void {
  draft.status = 'ACTIVE';
  draft.profile = ctx.faults.has('push.activation-no-device-profile') ? {} : deviceProfile(ctx.user);
  draft.lastUpdated = ctx.clock.iso();
}

/** Whether a poll finds the device done (or, with a fault, pretends it is). */
function deviceDone(ctx: PushContext, result: ActivationResult): boolean {
  return result === 'APPROVED' || (result === 'WAITING' && ctx.faults.has('push.activation-without-device'));
}

/**
 * `POST …/lifecycle/activate/poll` on a pending draft: the factor, ACTIVE, once the device has
 * completed the activation (void: the caller presents the factor); otherwise the activation object.
 */
export function pollActivation(ctx: PushContext, draft: PushFactor): KindResponse | void {
  if (deviceDone(ctx, activationResult(ctx, draft))) return finishActivation(ctx, draft);
  return { status: 200, body: activationBody(ctx, draft, { embedded: false }) };
}

/**
 * `POST …/lifecycle/activate` on a pending draft ([F]'s way to poll, and the `activate` link
 * after a TIMEOUT): polls like `…/activate/poll`, and restarts an activation that timed out or
 * was declined, with a new token and a new expiresAt.
 */
export function activateOrRestart(ctx: PushContext, draft: PushFactor): KindResponse | void {
  const result = activationResult(ctx, draft);
  if (deviceDone(ctx, result)) return finishActivation(ctx, draft);
  if ((result === 'TIMEOUT' || result === 'CANCELLED') && !ctx.faults.has('push.activation-no-restart')) {
    draft.secret.activation = newActivation(ctx);
  }
  return { status: 200, body: activationBody(ctx, draft, { embedded: false }) };
}

/** The device's answer to the activation: it completes it, or declines it; late answers change nothing. */
function answerActivation(services: KindServices, factor: PushFactor, action: 'approve' | 'reject' | 'ignore'): void {
  if (activationResult(services, factor) !== 'WAITING') return;
  const { activation } = factor.secret;
  if (action === 'approve' && !services.faults.has('push.activation-approve-ignored')) activation.outcome = 'APPROVED';
  if (action === 'reject') activation.outcome = 'CANCELLED';
}

/** The activation link by email or SMS: a message carrying the activation token; nothing is sent once the activation is over. */
export function sendActivation(ctx: PushContext, draft: PushFactor, channel: 'email' | 'sms', to: string): KindResponse {
  if (activationResult(ctx, draft) === 'WAITING' && !ctx.faults.has('push.send-not-delivered')) {
    ctx.outbox.send({
      userId: draft.userId,
      factorId: draft.id,
      channel,
      to,
      passCode: draft.secret.activation.token,
      sentAt: ctx.clock.iso(),
    });
  }
  // The response is undocumented (spec §11): the activation object, as the other activation calls answer.
  return { status: 200, body: activationBody(ctx, draft, { embedded: false }) };
}

// ---- challenge transactions ----------------------------------------------------------------

function transactionResult(services: KindServices, tx: PushTransaction): TransactionResult {
  const expired = services.clock.now() >= tx.expiresAtMs && !services.faults.has('push.challenge-never-expires');
  return tx.outcome === 'WAITING' && expired ? 'TIMEOUT' : tx.outcome;
}

/**
 * `useNumberMatchingChallenge` from a verify (or activate) body: a boolean when given.
 * The mock's number-challenge policy: a number matching challenge is sent exactly when the request
 * asks for one ([S]: "a body is required"); the org has no switch that forces or forbids it.
 */
export function readNumberMatching(services: KindServices, body: Record<string, unknown>): boolean {
  const value = body.useNumberMatchingChallenge;
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (services.faults.has('push.number-challenge-bad-type-accepted')) return Boolean(value);
  throw validationFailed('useNumberMatchingChallenge', ['useNumberMatchingChallenge: The field must be a boolean']);
}

/** Starts a challenge on the draft: a WAITING transaction that expires CHALLENGE_LIFETIME_MS from now. */
export function startChallenge(ctx: PushContext, draft: PushFactor, numberMatching: boolean): PushTransaction {
  const waiting = draft.secret.transactions.find((t) => transactionResult(ctx, t) === 'WAITING');
  const tx: PushTransaction = {
    id: waiting && ctx.faults.has('push.challenge-id-reused') ? waiting.id : oktaId('mst'),
    expiresAtMs: ctx.clock.now() + CHALLENGE_LIFETIME_MS,
    outcome: 'WAITING',
    ...(numberMatching ? { correctAnswer: randomInt(10, 100) } : {}),
    userAgent: ctx.headers['user-agent']?.slice(0, 512) ?? '',
    clientIp: ctx.headers['x-forwarded-for']?.slice(0, 256) ?? '',
  };
  const state = draft.secret;
  state.transactions = [...state.transactions.slice(-(KEPT_TRANSACTIONS - 1)), tx];
  return tx;
}

/** The verify result a transaction polls as (spec §2.6): WAITING with poll/cancel, SUCCESS bare, the rest with verify/factor. */
export function transactionBody(ctx: PushContext, factor: PushFactor, tx: PushTransaction): Record<string, unknown> {
  const result = transactionResult(ctx, tx);
  const credentialId = typeof factor.profile.credentialId === 'string' ? factor.profile.credentialId : ctx.user.profile.login;
  if (result === 'SUCCESS') return { factorResult: 'SUCCESS' };
  if (result !== 'WAITING') {
    return { factorResult: result, ...(ctx.faults.has('push.result-no-credential') ? {} : { profile: { credentialId } }), _links: resultLinks(ctx.baseUrl, factor) };
  }
  const url = `${factorUrl(ctx.baseUrl, factor)}/transactions/${tx.id}`;
  const body: Record<string, unknown> = {
    expiresAt: iso(tx.expiresAtMs),
    factorResult: 'WAITING',
    profile: { credentialId },
    _links: {
      ...(ctx.faults.has('push.challenge-poll-link-missing') ? {} : { poll: link(url, ['GET']) }),
      cancel: link(url, ['DELETE']),
    },
  };
  if (tx.correctAnswer !== undefined && !ctx.faults.has('push.number-challenge-missing')) {
    body._embedded = { challenge: { correctAnswer: tx.correctAnswer } };
  }
  return body;
}

/** The factor's transaction of that id (with a fault: any push factor's in the org). */
export function findTransaction(ctx: PushContext, factor: PushFactor, transactionId: string): { owner: PushFactor; tx: PushTransaction } | undefined {
  const candidates = ctx.faults.has('push.transaction-any-factor')
    ? ctx.kindFactors()
    : [factor];
  for (const owner of candidates) {
    const tx = owner.secret.transactions.find((t) => t.id === transactionId);
    if (tx) return { owner, tx };
  }
  return undefined;
}

/**
 * `DELETE …/transactions/{id}` on the owner's draft. Undocumented (spec §11): a WAITING challenge
 * becomes CANCELLED (it then polls 200 {factorResult: CANCELLED}); a finished one stays as it was.
 */
export function cancelTransaction(services: KindServices, draft: PushFactor, transactionId: string): void {
  const tx = draft.secret.transactions.find((t) => t.id === transactionId);
  if (tx && transactionResult(services, tx) === 'WAITING' && !services.faults.has('push.cancel-ignored')) tx.outcome = 'CANCELLED';
}

/** The user's answer on the device to the newest challenge still waiting; with nothing waiting it changes nothing. */
function answerChallenge(services: KindServices, factor: PushFactor, action: 'approve' | 'reject' | 'ignore'): void {
  const waiting = factor.secret.transactions.filter((tx) =>
    services.faults.has('push.late-approve-succeeds') ? tx.outcome === 'WAITING' : transactionResult(services, tx) === 'WAITING',
  );
  const tx = waiting.at(-1);
  if (!tx) return;
  // Number matching: approving means the user picked the right number; rejecting covers a wrong pick or a denial.
  if (action === 'approve' && !services.faults.has('push.approve-ignored')) {
    for (const answered of services.faults.has('push.approve-all-waiting') ? waiting : [tx]) answered.outcome = 'SUCCESS';
  }
  if (action === 'reject') tx.outcome = services.faults.has('push.reject-reported-success') ? 'SUCCESS' : 'REJECTED';
}

/** Control protocol `push/{userId}/{factorId}`: a pending factor's device answers the activation, an active one's the challenge. */
export function answerPush(services: KindServices, factor: PushFactor, action: 'approve' | 'reject' | 'ignore'): void {
  if (factor.status === 'PENDING_ACTIVATION') answerActivation(services, factor, action);
  else answerChallenge(services, factor, action);
}
