import { passcodeReplayed, validationFailed } from '../../core/errors.js';
import { optionalString, type JsonObject } from '../../core/input.js';
import { matchTotp } from '../../core/otp.js';
import { TOKEN_SERVICES, type ServiceCredential, type TokenFactorState, type TokenServiceProvider } from './services.js';
import type { Enrollment, FactorContext, VerifyOutcome } from '../kind.js';
import type { StoredFactor } from '../store.js';

/** What the Symantec VIP and RSA SecurID kinds share: reading passcodes and asking the simulated service. */

/**
 * A passcode field of an enroll `verify` object or a verify body. [S] types Symantec's
 * `nextPassCode` as an integer in one schema (spec §10.11): a number is taken as its digits,
 * zero-padded to `digits`.
 */
export function passcodeField(obj: JsonObject, key: string, path: string, digits = 6): string | undefined {
  const raw = obj[key];
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return String(raw).padStart(digits, '0');
  return optionalString(obj, key, { maxLength: 64, path, subject: 'factorEnrollRequest' });
}

/** The credential's id from the enroll request's profile (required). */
export function credentialIdOf(profile: JsonObject | undefined): string {
  return optionalString(profile ?? {}, 'credentialId', {
    required: true, maxLength: 100, path: 'profile.credentialId', subject: 'factorEnrollRequest',
  }) as string;
}

/** The credential the service knows by that id, or the enroll request's 400 (the docs name no code: spec §11). */
export function knownCredential(ctx: FactorContext<TokenFactorState>, provider: TokenServiceProvider, credentialId: string): ServiceCredential | undefined {
  return TOKEN_SERVICES.of(ctx.scope).find(provider, credentialId);
}

/** One token factor per provider and user. */
export function refuseSecondToken(ctx: FactorContext<TokenFactorState>, provider: string): void {
  const existing = ctx.store.factorsOf(ctx.user.id).filter((f) => f.factorType === 'token' && f.provider === provider);
  if (existing.length > 0) throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
}

/** Token factors are verified at enrollment: there is nothing to activate. */
export function activationRefused(): never {
  throw validationFailed('factor', ['A token factor is verified at enrollment and active once enrolled.']);
}

export function unknownCredential(serviceName: string): never {
  throw validationFailed('factorEnrollRequest', [`profile.credentialId: The ${serviceName} service does not know this credential.`]);
}

/** The time step whose code `code` is, within `window` steps of `nowMs`, or null. */
export function matchServiceCode(credential: ServiceCredential, code: string, nowMs: number, stepSeconds: number, window = 1): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  return matchTotp(credential.key, code, nowMs, { stepSeconds, window });
}

/**
 * A token factor, verified at enrollment and ACTIVE at once; the service remembers the step the
 * enrollment used only once the factor is stored (a refused request leaves the service as it was).
 */
export function tokenEnrollment(
  factor: StoredFactor<TokenFactorState>,
  credential: ServiceCredential | undefined,
  lastStep: number | undefined,
): Enrollment<TokenFactorState> {
  return {
    factor,
    afterStore: () => {
      if (credential && lastStep !== undefined) credential.lastStep = lastStep;
    },
  };
}

/** A verified passcode's step: refused as a replay at or before the last step used (unless `allowReplay`), else remembered. */
export function acceptStep(credential: ServiceCredential, step: number, allowReplay: boolean): VerifyOutcome {
  if (step <= credential.lastStep && !allowReplay) throw passcodeReplayed();
  credential.lastStep = Math.max(credential.lastStep, step);
  return { status: 200, body: { factorResult: 'SUCCESS' } };
}
