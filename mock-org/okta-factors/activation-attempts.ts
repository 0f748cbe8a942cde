import { OktaError, rateLimited } from '../core/errors.js';
import { optionalString, type JsonObject } from '../core/input.js';
import type { StoredFactor } from './store.js';
import { rateLimitHeaders, throttleOrThrow, type WindowThrottle } from '../core/throttle.js';
import type { FactorContext, KindServices } from './kind.js';

/**
 * Activation attempts of the OTP factors (sms, call, email, token:software:totp): five per
 * five minutes per user, then 429 E0000047 (spec §7). Once they are used up, `resend` is refused
 * for the user's pending sms/call/email factors too ([F] says so; the code is not documented:
 * the mock answers 429 E0000047 with the window's X-Rate-Limit-* headers).
 */
const LIMIT = 5;
const WINDOW_MS = 5 * 60_000;
/** With the `otp-activation.never-recovers` fault the window lasts a day. */
const BROKEN_WINDOW_MS = 24 * 3600_000;
/** Longer than any code; longer ones are a 400. */
export const PASSCODE_MAX_LENGTH = 64;

function attempts(services: KindServices): WindowThrottle {
  return services.faults.has('otp-activation.never-recovers')
    ? services.throttle('otp-activation.attempts.day', LIMIT, BROKEN_WINDOW_MS)
    : services.throttle('otp-activation.attempts', LIMIT, WINDOW_MS);
}

/** Whose attempts these are: the user's (the `otp-activation.per-factor` / `.per-org` faults count per the wrong key). */
function attemptKey(ctx: FactorContext, factor: StoredFactor): string {
  if (ctx.faults.has('otp-activation.per-factor')) return `factor:${factor.id}`;
  if (ctx.faults.has('otp-activation.per-org')) return 'org';
  return ctx.user.id;
}

/**
 * One activation attempt of the user (good code or bad): reads the body's passCode first (bad input
 * is the API's 400 and no attempt), then counts, throwing 429 once the window's five are used.
 * Returns the passCode.
 */
export function activationAttempt(ctx: FactorContext, factor: StoredFactor, body: JsonObject): string | undefined {
  const passCode = optionalString(body, 'passCode', { maxLength: PASSCODE_MAX_LENGTH });
  if (ctx.faults.has('otp-activation.unlimited')) return passCode;
  if (factor.factorType === 'token:software:totp' && ctx.faults.has('otp-activation.totp-exempt')) return passCode;
  throttleOrThrow(attempts(ctx), attemptKey(ctx, factor), ctx.clock.now(), () =>
    ctx.faults.has('otp-activation.wrong-error')
      ? new OktaError(403, 'E0000068', 'Invalid Passcode/Answer')
      : rateLimited(),
  );
  return passCode;
}

/** `resend` while the user's activation attempts are used up: refused, as 429 E0000047. */
export function refuseResendWhileLocked(ctx: FactorContext): void {
  if (ctx.faults.has('otp-activation.resend-allowed')) return;
  const state = attempts(ctx).peek(ctx.user.id, ctx.clock.now());
  if (state.remaining === 0) throw rateLimited().withHeaders(rateLimitHeaders(state));
}
