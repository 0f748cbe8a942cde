import { randomBytes } from 'node:crypto';
import { base32nopad } from '@scure/base';
import { internalError, passcodeReplayed, validationFailed } from '../../core/errors.js';
import { randomAlphanumeric } from '../../core/ids.js';
import { optionalString } from '../../core/input.js';
import { matchTotp } from '../../core/otp.js';
import type { StoredFactor } from '../store.js';
import { activationAttempt } from '../activation-attempts.js';
import type { FactorContext, FactorKind } from '../kind.js';
import { factorUrl, link, type Link } from '../links.js';
import { wrongPasscode } from '../passcode.js';

/** token:software:totp (Okta Verify OTP, Google Authenticator): spec §2.5. */

const STEP_SECONDS = 30;
/** Steps accepted either side of now, for clock skew between device and server. */
const SKEW_STEPS = 1;
/** With the `totp.unbounded-window` fault: codes up to 20 minutes either side are accepted. */
const UNBOUNDED_STEPS = 40;

interface TotpSecret {
  key: Uint8Array;
  /** The last time step a code was accepted for; codes at or before it are replays. */
  lastStep: number;
}

export const totpFactor: FactorKind<TotpSecret> = {
  factorType: 'token:software:totp',
  providers: {
    OKTA: { idPrefix: 'ostf', vendorName: 'OKTA' },
    GOOGLE: { idPrefix: 'uft', vendorName: 'GOOGLE' },
  },

  enroll(ctx, request, base) {
    if (ctx.faults.has('totp.enroll-fails')) throw internalError();
    const existing = ctx.store
      .factorsOf(ctx.user.id)
      .filter((f) => f.factorType === base.factorType && f.provider === base.provider);
    if (existing.some((f) => f.status === 'ACTIVE') && !ctx.faults.has('lifecycle.reenroll-replaces-active')) {
      throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    }
    const key = randomBytes(10);
    const secret: TotpSecret = { key, lastStep: -1 };
    const factor: StoredFactor<TotpSecret> = {
      ...base,
      status: ctx.faults.has('factors.enroll-wrong-status') ? 'ACTIVE' : 'PENDING_ACTIVATION',
      profile: { credentialId: ctx.user.profile.login },
      secret,
    };
    const activation = {
      timeStep: STEP_SECONDS,
      sharedSecret: base32nopad.encode(key), // Okta gives TOTP secrets in base32 without padding
      encoding: 'base32',
      // Okta documents keyLength as the number of digits; its Google example shows 16 (spec §2.5, §10.9).
      keyLength: base.provider === 'GOOGLE' ? 16 : 6,
      _links: {
        qrcode: link(`${factorUrl(ctx.baseUrl, factor)}/qr/${randomAlphanumeric(40)}`, ['GET'], { type: 'image/png' }),
      },
    };
    return { factor, activation, replaces: existing.map((f) => f.id) };
  },

  activate(ctx, factor, body) {
    activationAttempt(ctx, factor, body);
    const step = checkPasscode(ctx, factor, body);
    factor.secret.lastStep = step;
    factor.status = 'ACTIVE';
  },

  verify(ctx, factor, body) {
    const step = checkPasscode(ctx, factor, body);
    factor.secret.lastStep = step;
    return { status: 200, body: { factorResult: 'SUCCESS' } };
  },

  // The `totp.pending-offers-verify` fault: a pending factor publishes `verify` beside `activate`.
  links(baseUrl, factor, faults): Record<string, Link> {
    if (factor.status !== 'PENDING_ACTIVATION' || !faults.has('totp.pending-offers-verify')) return {};
    return { verify: link(`${factorUrl(baseUrl, factor)}/verify`, ['POST']) };
  },
};

/** Checks a passCode against the factor's key at the org's time; returns the matching step. */
function checkPasscode(ctx: FactorContext, factor: StoredFactor<TotpSecret>, body: Record<string, unknown>): number {
  const passCode = optionalString(body, 'passCode', { maxLength: 64 });
  const secret = factor.secret;
  if (ctx.faults.has('totp.accept-any-code')) return secret.lastStep + 1;
  const window = ctx.faults.has('totp.unbounded-window') ? UNBOUNDED_STEPS : SKEW_STEPS;
  const step =
    passCode === undefined || !/^\d{6}$/.test(passCode)
      ? null
      : matchTotp(secret.key, passCode, ctx.clock.now(), { stepSeconds: STEP_SECONDS, window });
  if (step === null) throw wrongPasscode(ctx);
  if (step <= secret.lastStep && !ctx.faults.has('totp.allow-replay')) throw passcodeReplayed();
  return step;
}
