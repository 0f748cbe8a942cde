import { randomBytes } from 'node:crypto';
import { base32Encode } from '../../core/base32.js';
import { OktaError, internalError, invalidPasscode, passcodeReplayed, validationFailed } from '../../core/errors.js';
import { randomAlphanumeric } from '../../core/ids.js';
import { optionalString } from '../../core/input.js';
import { matchTotp } from '../../core/otp.js';
import type { StoredFactor } from '../../core/store.js';
import { activationAttempt } from '../activation-attempts.js';
import type { FactorContext, FactorKind } from '../kind.js';
import { factorUrl, link } from '../links.js';

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

const secretOf = (factor: StoredFactor) => factor.secret as unknown as TotpSecret;

export const totpFactor: FactorKind = {
  factorType: 'token:software:totp',
  providers: {
    OKTA: { idPrefix: 'ostf', vendorName: 'OKTA' },
    GOOGLE: { idPrefix: 'uft', vendorName: 'GOOGLE' },
  },

  enroll(ctx, request, base) {
    if (ctx.org.faults.has('totp.enroll-fails')) throw internalError();
    const existing = ctx.org.store
      .factorsOf(ctx.user.id)
      .filter((f) => f.factorType === base.factorType && f.provider === base.provider);
    if (existing.some((f) => f.status === 'ACTIVE') && !ctx.org.faults.has('lifecycle.reenroll-replaces-active')) {
      throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    }
    const key = randomBytes(10);
    const secret: TotpSecret = { key, lastStep: -1 };
    const factor: StoredFactor = {
      ...base,
      status: ctx.org.faults.has('factors.enroll-wrong-status') ? 'ACTIVE' : 'PENDING_ACTIVATION',
      profile: { credentialId: ctx.user.profile.login },
      secret: secret as unknown as Record<string, unknown>,
    };
    const activation = {
      timeStep: STEP_SECONDS,
      sharedSecret: base32Encode(key),
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
    secretOf(factor).lastStep = step;
    factor.status = 'ACTIVE';
  },

  verify(ctx, factor, body) {
    const step = checkPasscode(ctx, factor, body);
    secretOf(factor).lastStep = step;
    return { status: 200, body: { factorResult: 'SUCCESS' } };
  },
};

/** Checks a passCode against the factor's key at the org's time; returns the matching step. */
function checkPasscode(ctx: FactorContext, factor: StoredFactor, body: Record<string, unknown>): number {
  const { org } = ctx;
  const passCode = optionalString(body, 'passCode', { maxLength: 64 });
  const secret = secretOf(factor);
  if (org.faults.has('totp.accept-any-code')) return secret.lastStep + 1;
  const window = org.faults.has('totp.unbounded-window') ? UNBOUNDED_STEPS : SKEW_STEPS;
  const step =
    passCode === undefined || !/^\d{6}$/.test(passCode)
      ? null
      : matchTotp(secret.key, passCode, org.clock.now(), { stepSeconds: STEP_SECONDS, window });
  if (step === null) throw wrongPasscode(ctx);
  if (step <= secret.lastStep && !org.faults.has('totp.allow-replay')) throw passcodeReplayed();
  return step;
}

/** The error for a wrong passcode (or, with a fault, the wrong error). */
export function wrongPasscode(ctx: FactorContext): OktaError {
  if (ctx.org.faults.has('factors.bad-code-wrong-error')) {
    return new OktaError(401, 'E0000004', 'Authentication failed');
  }
  return invalidPasscode();
}
