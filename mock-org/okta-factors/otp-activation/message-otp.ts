import { randomInt } from 'node:crypto';
import { OktaError, validationFailed } from '../../core/errors.js';
import type { FaultId } from '../../faults.js';
import { optionalObject, optionalString, type JsonObject } from '../../core/input.js';
import { sameCode } from '../../core/otp.js';
import type { OutboxChannel, OutboxMessage } from '../../core/outbox.js';
import type { StoredFactor } from '../store.js';
import { throttleOrThrow } from '../../core/throttle.js';
import { activationAttempt, PASSCODE_MAX_LENGTH, refuseResendWhileLocked } from '../activation-attempts.js';
import type { EnrollRequest, FactorContext, FactorKind, FaultCheck } from '../kind.js';
import { factorUrl, link, resultLinks, type Link } from '../links.js';
import { wrongPasscode } from '../passcode.js';
import type { PerChannelFault } from './channel-faults.js';

/**
 * The factors whose one-time passcode travels by message: sms, call and email (spec §2.2–§2.4).
 * They share one protocol, built here once: enroll sends a code (none with `?activate=true`),
 * `resend` sends another while pending, activate and verify take the latest code once, verify
 * without a passCode is a challenge that sends a new one, and each destination may receive one
 * message per window. A kind file supplies what differs: its profile rules, where messages go,
 * the throttle's window and error, and the lifetime of a code.
 */
type MessageChannel = OutboxChannel;

/** How long an sms or call code is valid. Undocumented (spec §11); the checks only assert that a 30-minute-old code is refused. */
export const PHONE_OTP_LIFETIME_MS = 5 * 60_000;


function channelFault(services: { faults: FaultCheck }, channel: MessageChannel, fault: PerChannelFault): boolean {
  return services.faults.has(`${channel}.${fault}` as const satisfies FaultId);
}

/** With the `*.throttle-never-resets` faults the window lasts an hour. */
const BROKEN_THROTTLE_WINDOW_MS = 3600_000;

interface EnrollProfile {
  profile: Record<string, unknown>;
  /** The user's existing factor of this type that the enrollment updates in place (same id); otherwise a new factor. */
  keep?: StoredFactor;
}

export interface MessageFactorSpec {
  channel: MessageChannel;
  idPrefix: string;
  /**
   * The profile of a new enrollment, checked against the user's `existing` factors of this type
   * (throws the API's 400 for a conflict). Pending factors other than `keep` are replaced.
   */
  enrollProfile(ctx: FactorContext, request: EnrollRequest, existing: StoredFactor[]): EnrollProfile;
  /** The address or number a message goes to. */
  destination(factor: StoredFactor): string;
  /** The throttle's key for that destination (one phone however it is spelled, one mailbox in any case). */
  destinationKey(factor: StoredFactor): string;
  /** One message per destination in each window; the 429 of a second one, and the wrong one (a fault). */
  throttle: { windowMs: number; error: () => OktaError; wrongError: () => OktaError };
  /** Lifetime of a code issued by this request (enroll or challenge); reads and checks the request's query. */
  lifetimeMs(ctx: FactorContext): number;
  /** `profile` of a CHALLENGE result (none when undefined). */
  challengeProfile(ctx: FactorContext, factor: StoredFactor): Record<string, unknown> | undefined;
  /** Template and language a message is rendered with (sms); may refuse the request. */
  rendering?(ctx: FactorContext, phase: 'enroll' | 'resend' | 'challenge'): Pick<OutboxMessage, 'templateId' | 'language'>;
}

/** The code a factor is waiting for, in its private state. */
export interface OtpState {
  code: string | null;
  expiresAtMs: number;
  /** The lifetime it was issued with: a resend during enrollment keeps the enrollment's. */
  lifetimeMs: number;
}

/** What a message factor keeps: the code it waits for, once one was sent. */
export type MessageFactorState = Partial<OtpState>;

/** A FactorKind for one message channel. */
export function messageFactorKind(spec: MessageFactorSpec): FactorKind<MessageFactorState> {
  const { channel } = spec;
  return {
    factorType: channel,
    providers: { OKTA: { idPrefix: spec.idPrefix, vendorName: 'OKTA' } },
    autoActivation: true,

    enroll(ctx, request, base) {
      const existing = ctx.store.factorsOf(ctx.user.id).filter((f) => f.factorType === channel);
      const { profile, keep } = spec.enrollProfile(ctx, request, existing);
      const lifetimeMs = spec.lifetimeMs(ctx);
      const autoActivated = request.activate && !channelFault(ctx, channel, 'auto-activation-ignored');
      const factor: StoredFactor<MessageFactorState> = {
        ...base,
        id: keep?.id ?? base.id,
        created: keep?.created ?? base.created,
        status: keep?.status === 'ACTIVE' || autoActivated ? 'ACTIVE' : 'PENDING_ACTIVATION',
        profile,
        secret: {},
      };
      const replaces = existing.filter((f) => f.status !== 'ACTIVE' && f.id !== factor.id).map((f) => f.id);
      // `?activate=true`: active at once, and no message is sent (spec §2.2–§2.4).
      if (factor.status === 'ACTIVE') return { factor, replaces };
      const message = issueOtp(ctx, spec, factor, lifetimeMs, 'enroll');
      return { factor, replaces, afterStore: () => deliver(ctx, channel, message, 'no-enroll-otp') };
    },

    activate(ctx, draft, body) {
      const kept = draft.secret;
      consumeOtp(ctx, channel, draft, activationAttempt(ctx, draft, body));
      // The `email.activation-code-kept` fault: the enrollment code stays valid once it has activated the factor.
      if (channel === 'email' && ctx.faults.has('email.activation-code-kept')) draft.secret = kept;
      draft.status = 'ACTIVE';
    },

    verify(ctx, draft, body) {
      const lifetimeMs = spec.lifetimeMs(ctx);
      const passCode = optionalString(body, 'passCode', { maxLength: PASSCODE_MAX_LENGTH });
      if (passCode === undefined || passCode.trim() === '') {
        // No passCode: a new challenge, and a new code goes out (spec §2.2).
        const message = issueOtp(ctx, spec, draft, lifetimeMs, 'challenge');
        deliver(ctx, channel, message, 'challenge-sends-nothing');
        const profile = spec.challengeProfile(ctx, draft);
        return {
          status: 200,
          body: { factorResult: 'CHALLENGE', ...(profile ? { profile } : {}), _links: resultLinks(ctx.baseUrl, draft) },
        };
      }
      consumeOtp(ctx, channel, draft, passCode);
      return { status: 200, body: { factorResult: 'SUCCESS' } };
    },

    resend(ctx, draft, body) {
      checkResendBody(body, draft);
      refuseResendWhileLocked(ctx);
      const lifetimeMs = draft.secret.lifetimeMs ?? spec.lifetimeMs(ctx);
      const message = issueOtp(ctx, spec, draft, lifetimeMs, 'resend');
      deliver(ctx, channel, message, 'resend-sends-nothing');
    },

    links(baseUrl, factor, faults): Record<string, Link[]> {
      if (factor.status !== 'PENDING_ACTIVATION' || channelFault({ faults }, channel, 'no-resend-link')) return {};
      return { resend: [link(`${factorUrl(baseUrl, factor)}/resend`, ['POST'], { name: channel })] };
    },
  };
}

/**
 * Counts the message against the destination's throttle (429 when the window's one is used) and
 * gives the factor a new code; returns the message to deliver once the request cannot fail any more.
 */
function issueOtp(
  ctx: FactorContext,
  spec: MessageFactorSpec,
  factor: StoredFactor<MessageFactorState>,
  lifetimeMs: number,
  phase: 'enroll' | 'resend' | 'challenge',
): OutboxMessage {
  const { channel } = spec;
  const rendering = spec.rendering?.(ctx, phase) ?? {};
  if (!channelFault(ctx, channel, 'no-throttle')) {
    const neverResets = channelFault(ctx, channel, 'throttle-never-resets');
    const throttle = neverResets
      ? ctx.throttle(`${channel}.per-destination.hour`, 1, BROKEN_THROTTLE_WINDOW_MS)
      : ctx.throttle(`${channel}.per-destination`, 1, spec.throttle.windowMs);
    throttleOrThrow(throttle, spec.destinationKey(factor), ctx.clock.now(), () =>
      channelFault(ctx, channel, 'throttle-wrong-error') ? spec.throttle.wrongError() : spec.throttle.error(),
    );
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const state: OtpState = { code, expiresAtMs: ctx.clock.now() + lifetimeMs, lifetimeMs };
  factor.secret = { ...state };
  return {
    userId: factor.userId,
    factorId: factor.id,
    channel,
    to: spec.destination(factor),
    passCode: code,
    sentAt: ctx.clock.iso(),
    ...rendering,
  };
}

function deliver(ctx: FactorContext, channel: MessageChannel, message: OutboxMessage, fault: PerChannelFault): void {
  if (!channelFault(ctx, channel, fault)) ctx.outbox.send(message);
}

/** Accepts the factor's latest code once, before it expires; anything else is 403 E0000068. */
function consumeOtp(ctx: FactorContext, channel: MessageChannel, factor: StoredFactor<MessageFactorState>, passCode: string | undefined): void {
  const state = factor.secret;
  if (!channelFault(ctx, channel, 'accept-any-code')) {
    const live = ctx.clock.now() < (state.expiresAtMs ?? 0) || channelFault(ctx, channel, 'otp-never-expires');
    // Expired, used and wrong codes get the same answer (the docs name no other error for them).
    if (passCode === undefined || !state.code || !live || !sameCode(passCode, state.code)) throw wrongPasscode(ctx);
  }
  if (!channelFault(ctx, channel, 'otp-reusable')) factor.secret = { ...state, code: null };
}

/** The resend body is the factor (spec §1 F8): when it names a type or provider, they must be this factor's. */
function checkResendBody(body: JsonObject, factor: StoredFactor): void {
  const factorType = optionalString(body, 'factorType', { maxLength: 64, subject: 'factor' });
  const provider = optionalString(body, 'provider', { maxLength: 64, subject: 'factor' });
  if (factorType !== undefined && factorType !== factor.factorType) {
    throw validationFailed('factor', [`factorType: The factor is a ${factor.factorType} factor`]);
  }
  if (provider !== undefined && provider !== factor.provider) {
    throw validationFailed('factor', [`provider: The factor's provider is ${factor.provider}`]);
  }
  optionalObject(body, 'profile', 'factor');
}
