import { passcodeReplayed, validationFailed } from '../../core/errors.js';
import { FACTOR_PROFILES, type CustomTotpProfile } from './profiles.js';
import { optionalString } from '../../core/input.js';
import { matchTotp, type OtpAlgorithm } from '../../core/otp.js';
import { decodeSecret } from '../../core/secret-encoding.js';
import type { StoredFactor } from '../store.js';
import type { FactorContext, FactorKind } from '../kind.js';
import { wrongPasscode } from '../passcode.js';

/**
 * token:hotp / CUSTOM, "Custom TOTP" (spec §2.10): despite the name the codes are RFC 6238 TOTP,
 * with the algorithm, length, time step and clock drift of the factor profile the user enrolls against.
 */

/** RFC 4226 §4 (R6): a shared secret of at least 128 bits. */
const MIN_SECRET_BYTES = 16;
const MAX_SECRET_BYTES = 128;
/** With the `custom-totp.unbounded-window` fault. */
const UNBOUNDED_STEPS = 20;
/** What the `custom-totp.profile-settings-ignored` fault uses whatever the profile says. */
const FIXED_SETTINGS = { algorithm: 'SHA1', digits: 6, timeStepSeconds: 30, sharedSecretEncoding: 'hex' } as const;

interface CustomTotpSecret {
  key: Uint8Array;
  profileId: string;
  algorithm: OtpAlgorithm;
  digits: number;
  stepSeconds: number;
  driftSteps: number;
  /** The last time step a code was accepted for; codes at or before it are replays. */
  lastStep: number;
  /** Only with the `custom-totp.shared-secret-echoed` fault. */
  echoed?: string;
}

function findProfile(ctx: FactorContext<CustomTotpSecret>, id: string | undefined): CustomTotpProfile {
  if (id === undefined) throw validationFailed('factorEnrollRequest', ['factorProfileId: The field cannot be left blank']);
  const profiles = FACTOR_PROFILES.of(ctx.scope);
  const profile = profiles.find((p) => p.id === id);
  if (profile) return profile;
  const [fallback] = profiles;
  if (ctx.faults.has('custom-totp.unknown-profile-accepted') && fallback) return fallback;
  throw validationFailed('factorEnrollRequest', [`factorProfileId: No Custom TOTP factor profile has the id '${id}'`]);
}

export const customTotpFactor: FactorKind<CustomTotpSecret> = {
  factorType: 'token:hotp',
  providers: { CUSTOM: { idPrefix: 'chf', vendorName: 'CUSTOM' } },
  autoActivation: true,

  enroll(ctx, request, base) {
    const profile = findProfile(ctx, request.factorProfileId);
    const settings = ctx.faults.has('custom-totp.profile-settings-ignored') ? { ...profile, ...FIXED_SETTINGS } : profile;
    const sharedSecret = optionalString(request.profile ?? {}, 'sharedSecret', {
      required: true, maxLength: 1024, path: 'profile.sharedSecret', subject: 'factorEnrollRequest',
    }) as string;
    const key = decodeSecret(sharedSecret, settings.sharedSecretEncoding);
    if (!key || key.byteLength < MIN_SECRET_BYTES || key.byteLength > MAX_SECRET_BYTES) {
      throw validationFailed('factorEnrollRequest', [
        `profile.sharedSecret: must be ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes, ${settings.sharedSecretEncoding}-encoded`,
      ]);
    }
    // "Currently only auto-activation is supported" [F], and nothing could activate the factor
    // later: the mock refuses an enrollment without activate=true rather than leave it pending for ever.
    if (!request.activate && !ctx.faults.has('custom-totp.pending-without-activate')) {
      throw validationFailed('factorEnrollRequest', ['Custom TOTP factors can only be enrolled with activate=true.']);
    }
    // One Custom TOTP factor per user, whatever its profile [F][S]; the error is undocumented (spec §11).
    const existing = ctx.store.factorsOf(ctx.user.id).filter((f) => f.factorType === 'token:hotp');
    if (existing.length > 0 && !ctx.faults.has('custom-totp.second-factor-allowed')) {
      throw validationFailed('factorEnrollRequest', ['A Custom TOTP factor is already enrolled for this user.']);
    }
    const secret: CustomTotpSecret = {
      key,
      profileId: profile.id,
      algorithm: settings.algorithm.toLowerCase() as OtpAlgorithm,
      digits: settings.digits,
      stepSeconds: settings.timeStepSeconds,
      driftSteps: ctx.faults.has('custom-totp.no-clock-drift') ? 0 : settings.clockDriftSteps,
      lastStep: -1,
      ...(ctx.faults.has('custom-totp.shared-secret-echoed') ? { echoed: sharedSecret } : {}),
    };
    const factor: StoredFactor<CustomTotpSecret> = {
      ...base,
      vendorName: ctx.faults.has('custom-totp.vendor-name-wrong') ? 'CUSTOM' : profile.vendorName,
      status: request.activate ? 'ACTIVE' : 'PENDING_ACTIVATION',
      profile: {},
      secret,
    };
    return { factor };
  },

  activate() {
    throw validationFailed('factor', ['Custom TOTP factors support only auto-activation (enroll with activate=true).']);
  },

  verify(ctx, factor, body) {
    const secret = factor.secret;
    const passCode = optionalString(body, 'passCode', { maxLength: 64 });
    const window = ctx.faults.has('custom-totp.unbounded-window')
      ? UNBOUNDED_STEPS
      : secret.driftSteps + (ctx.faults.has('custom-totp.window-one-step-wide') ? 1 : 0);
    const step =
      passCode === undefined || !new RegExp(`^\\d{${secret.digits}}$`).test(passCode)
        ? null
        : matchTotp(secret.key, passCode, ctx.clock.now() - verifyLagMs(ctx, secret), {
            stepSeconds: secret.stepSeconds, window, digits: secret.digits, algorithm: secret.algorithm,
          });
    if (ctx.faults.has('custom-totp.accept-any-code')) return success(factor, secret.lastStep + 1);
    if (step === null) throw wrongPasscode(ctx);
    // A step at or before the last accepted one is a replay (E0000082, as for token:software:totp).
    if (step <= secret.lastStep && !ctx.faults.has('custom-totp.allow-replay')) throw passcodeReplayed();
    return success(factor, step);
  },

  presentProfile(factor) {
    const echoed = factor.secret.echoed;
    // sharedSecret is write-only: nothing of the profile comes back (the documented factor shows none).
    return echoed !== undefined ? { sharedSecret: echoed } : {};
  },
};

/** The `custom-totp.verify-clock-behind` fault: verification runs one step further behind than the drift allows. */
function verifyLagMs(ctx: FactorContext<CustomTotpSecret>, secret: CustomTotpSecret): number {
  return ctx.faults.has('custom-totp.verify-clock-behind') ? (secret.driftSteps + 1) * secret.stepSeconds * 1000 : 0;
}

function success(factor: StoredFactor<CustomTotpSecret>, step: number) {
  const secret = factor.secret;
  secret.lastStep = Math.max(secret.lastStep, step);
  return { status: 200, body: { factorResult: 'SUCCESS' } };
}
