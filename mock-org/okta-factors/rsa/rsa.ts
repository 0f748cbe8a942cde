import { timingSafeEqual } from 'node:crypto';
import { invalidPasscode, validationFailed } from '../../core/errors.js';
import type { ServiceCredential, TokenFactorState } from '../token-service/services.js';
import type { StoredFactor } from '../store.js';
import type { Enrollment, EnrollRequest, FactorBase, FactorContext, FactorKind, VerifyOutcome } from '../kind.js';
import {
  acceptStep,
  activationRefused,
  credentialIdOf,
  knownCredential,
  matchServiceCode,
  passcodeField,
  refuseSecondToken,
  tokenEnrollment,
  unknownCredential,
} from '../token-service/codes.js';
import { wrongPasscode } from '../passcode.js';


/**
 * token / RSA, RSA SecurID (spec §2.7). A SecurID passcode is the user's PIN followed by the
 * token's current tokencode. This is a SIMULATION: the real tokencode algorithm is RSA's own
 * (proprietary, AES-based); here a tokencode is TOTP (SHA-1, 6 digits) over a 60-second step,
 * the interval SecurID tokens show a new code at. The seed and PIN come through the control protocol.
 */

type TokenContext = FactorContext<TokenFactorState>;

const STEP_SECONDS = 60;
const TOKENCODE_DIGITS = 6;

function samePin(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The PIN and tokencode a passcode is made of (the `rsa.pin-appended` and, at verify only, `rsa.verify-pin-appended` faults read them the wrong way round). */
function split(ctx: TokenContext, passCode: string, at: 'enroll' | 'verify'): { pin: string; tokencode: string } {
  if (ctx.faults.has('rsa.pin-appended') || (at === 'verify' && ctx.faults.has('rsa.verify-pin-appended'))) {
    return { tokencode: passCode.slice(0, TOKENCODE_DIGITS), pin: passCode.slice(TOKENCODE_DIGITS) };
  }
  return { pin: passCode.slice(0, -TOKENCODE_DIGITS), tokencode: passCode.slice(-TOKENCODE_DIGITS) };
}

interface Checked {
  pinOk: boolean;
  step: number | null;
}

function check(ctx: TokenContext, credential: ServiceCredential, passCode: string, at: 'enroll' | 'verify'): Checked {
  if (passCode.length <= TOKENCODE_DIGITS) {
    // A tokencode alone carries no PIN; the `rsa.tokencode-alone-accepted` fault takes it as if the PIN were there.
    const alone = at === 'verify' && ctx.faults.has('rsa.tokencode-alone-accepted');
    return { pinOk: alone, step: alone ? matchServiceCode(credential, passCode, ctx.clock.now(), STEP_SECONDS) : null };
  }
  const { pin, tokencode } = split(ctx, passCode, at);
  return {
    pinOk: credential.pin !== undefined && samePin(pin, credential.pin),
    step: matchServiceCode(credential, tokencode, ctx.clock.now(), STEP_SECONDS),
  };
}

/** Enrollment is verified with "the current pin+passcode" [F]. */
function enrollRsa(ctx: TokenContext, request: EnrollRequest, base: FactorBase): Enrollment<TokenFactorState> {
  const credentialId = credentialIdOf(request.profile);
  const passCode = passcodeField(request.verify ?? {}, 'passCode', 'verify.passCode');
  if (passCode === undefined) throw validationFailed('factorEnrollRequest', ['verify.passCode: The field cannot be left blank']);
  const credential = knownCredential(ctx, 'RSA', credentialId);
  if (!credential && !ctx.faults.has('rsa.unknown-credential-accepted')) unknownCredential('RSA SecurID');
  let lastStep: number | undefined;
  if (credential && !ctx.faults.has('rsa.enroll-code-unchecked')) {
    const { pinOk, step } = check(ctx, credential, passCode, 'enroll');
    // The docs name no error for a wrong passcode at enrollment (spec §2.7): E0000068, as at verify.
    if (!pinOk || step === null || step <= credential.lastStep) throw invalidPasscode();
    lastStep = step;
  }
  return tokenEnrollment({ ...base, status: 'ACTIVE', profile: { credentialId }, secret: { credentialId } }, credential, lastStep);
}

function verifyRsa(ctx: TokenContext, factor: StoredFactor<TokenFactorState>, body: Record<string, unknown>): VerifyOutcome {
  const passCode = passcodeField(body, 'passCode', 'passCode');
  const credential = knownCredential(ctx, 'RSA', factor.secret.credentialId);
  if (!credential || passCode === undefined) throw wrongPasscode(ctx);
  const { pinOk, step } = check(ctx, credential, passCode, 'verify');
  if (!pinOk && !ctx.faults.has('rsa.pin-not-checked')) throw wrongPasscode(ctx);
  if (ctx.faults.has('rsa.accept-any-code')) return { status: 200, body: { factorResult: 'SUCCESS' } };
  if (step === null) throw wrongPasscode(ctx);
  return acceptStep(credential, step, ctx.faults.has('rsa.allow-replay'));
}

export const rsaFactor: FactorKind<TokenFactorState> = {
  factorType: 'token',
  providers: { RSA: { idPrefix: 'rsa', vendorName: 'RSA' } },

  enroll(ctx, request, base) {
    refuseSecondToken(ctx, request.provider);
    return enrollRsa(ctx, request, base);
  },

  activate: activationRefused,

  verify: verifyRsa,
};
