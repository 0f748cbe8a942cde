import { emailRecentlySent, smsRecentlySent, validationFailed } from '../../core/errors.js';
import { requiredString } from '../../core/input.js';
import type { StoredFactor } from '../store.js';
import type { FactorContext } from '../kind.js';
import { messageFactorKind } from '../otp-activation/message-otp.js';

/**
 * email / OKTA (spec §2.4): the code goes to the user's verified primary or secondary address
 * (`profile.email` / `profile.secondEmail` of the user; the mock counts both as verified).
 * `?tokenLifetimeSeconds=` (1..86400, default 300) sets how long the code of an enroll or a
 * challenge lives; a resend during enrollment keeps the enrollment's lifetime.
 */
const SUBJECT = 'factorEnrollRequest';
const DEFAULT_LIFETIME_SECONDS = 300;
/** The `email.default-lifetime-wrong` fault's default. */
const WRONG_DEFAULT_LIFETIME_SECONDS = 600;
const MAX_LIFETIME_SECONDS = 86_400;

const emailOf = (factor: StoredFactor) => String(factor.profile.email ?? '');

/** The user's addresses an email factor may use, lower-cased. */
function verifiedAddresses(ctx: FactorContext): string[] {
  const { email, secondEmail } = ctx.user.profile;
  const addresses = ctx.faults.has('email.secondary-refused') ? [email] : [email, secondEmail];
  return addresses.filter((a): a is string => typeof a === 'string' && a !== '').map((a) => a.toLowerCase());
}

/** `tokenLifetimeSeconds` of this request, in milliseconds: an integer from 1 to 86400, else 400 E0000001. */
function lifetimeMs(ctx: FactorContext): number {
  const fallback = (ctx.faults.has('email.default-lifetime-wrong') ? WRONG_DEFAULT_LIFETIME_SECONDS : DEFAULT_LIFETIME_SECONDS) * 1000;
  const raw = ctx.query.tokenLifetimeSeconds;
  if (raw === undefined) return fallback;
  const seconds = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  const inRange = ctx.faults.has('email.lifetime-bounds-exclusive') ? seconds > 1 && seconds < MAX_LIFETIME_SECONDS : seconds >= 1 && seconds <= MAX_LIFETIME_SECONDS;
  if (!inRange) {
    if (ctx.faults.has('email.lifetime-unvalidated')) return fallback;
    throw validationFailed('tokenLifetimeSeconds', [`tokenLifetimeSeconds: must be an integer from 1 to ${MAX_LIFETIME_SECONDS}`]);
  }
  return ctx.faults.has('email.lifetime-ignored') ? fallback : seconds * 1000;
}

export const emailFactor = messageFactorKind({
  channel: 'email',
  idPrefix: 'emf',

  enrollProfile(ctx, request, existing) {
    const email = requiredString(request.profile ?? {}, 'email', { maxLength: 100, path: 'profile.email', subject: SUBJECT });
    if (!verifiedAddresses(ctx).includes(email.toLowerCase()) && !ctx.faults.has('email.any-address')) {
      // [F] shows this summary with no causes (and no status; E0000001 is a 400).
      throw validationFailed('Only verified primary or secondary email can be enrolled.');
    }
    if (existing.some((f) => f.status === 'ACTIVE')) throw validationFailed(SUBJECT, ['A factor of this type is already set up.']);
    return { profile: { email } };
  },

  destination: emailOf,
  destinationKey: (factor) => emailOf(factor).toLowerCase(),
  // One email per address every 5 s: 429 E0000118 (spec §2.4, §7).
  throttle: { windowMs: 5_000, error: emailRecentlySent, wrongError: smsRecentlySent },
  lifetimeMs,
  // [F]'s email challenge example has no profile; the mock sends none either.
  challengeProfile: () => undefined,
});
