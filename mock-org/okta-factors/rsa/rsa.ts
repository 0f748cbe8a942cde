import { timingSafeEqual } from 'node:crypto';
import { invalidPasscode, passcodeReplayed, validationFailed } from '../../core/errors.js';
import type { ServiceCredential } from '../token-service/services.js';
import type { StoredFactor } from '../../core/store.js';
import type { Enrollment, EnrollRequest, FactorBase, FactorContext, VerifyOutcome } from '../kind.js';
import { credentialIdOf, knownCredential, matchServiceCode, passcodeField, unknownCredential } from '../token-service/codes.js';
import { wrongPasscode } from '../totp/totp.js';

/**
 * token / RSA, RSA SecurID (spec §2.7). A SecurID passcode is the user's PIN followed by the
 * token's current tokencode. This is a SIMULATION: the real tokencode algorithm is RSA's own
 * (proprietary, AES-based); here a tokencode is TOTP (SHA-1, 6 digits) over a 60-second step,
 * the interval SecurID tokens show a new code at. The seed and PIN come through the control protocol.
 */

const STEP_SECONDS = 60;
const TOKENCODE_DIGITS = 6;

const credentialIdOfFactor = (factor: StoredFactor) => factor.secret.credentialId as string;

function samePin(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The PIN and tokencode a passcode is made of (the `rsa.pin-appended` fault reads them the wrong way round). */
function split(ctx: FactorContext, passCode: string): { pin: string; tokencode: string } {
  if (ctx.org.faults.has('rsa.pin-appended')) {
    return { tokencode: passCode.slice(0, TOKENCODE_DIGITS), pin: passCode.slice(TOKENCODE_DIGITS) };
  }
  return { pin: passCode.slice(0, -TOKENCODE_DIGITS), tokencode: passCode.slice(-TOKENCODE_DIGITS) };
}

interface Checked {
  pinOk: boolean;
  step: number | null;
}

function check(ctx: FactorContext, credential: ServiceCredential, passCode: string): Checked {
  if (passCode.length <= TOKENCODE_DIGITS) return { pinOk: false, step: null };
  const { pin, tokencode } = split(ctx, passCode);
  return {
    pinOk: credential.pin !== undefined && samePin(pin, credential.pin),
    step: matchServiceCode(credential, tokencode, ctx.org.clock.now(), STEP_SECONDS),
  };
}

/** Enrollment is verified with "the current pin+passcode" [F]. */
export function enrollRsa(ctx: FactorContext, request: EnrollRequest, base: FactorBase): Enrollment {
  const { org } = ctx;
  const credentialId = credentialIdOf(request.profile);
  const passCode = passcodeField(request.verify ?? {}, 'passCode', 'verify.passCode');
  if (passCode === undefined) throw validationFailed('factorEnrollRequest', ['verify.passCode: The field cannot be left blank']);
  const credential = knownCredential(ctx, 'RSA', credentialId);
  if (!credential && !org.faults.has('rsa.unknown-credential-accepted')) unknownCredential('RSA SecurID');
  let lastStep: number | undefined;
  if (credential && !org.faults.has('rsa.enroll-code-unchecked')) {
    const { pinOk, step } = check(ctx, credential, passCode);
    // The docs name no error for a wrong passcode at enrollment (spec §2.7): E0000068, as at verify.
    if (!pinOk || step === null || step <= credential.lastStep) throw invalidPasscode();
    lastStep = step;
  }
  const factor: StoredFactor = { ...base, status: 'ACTIVE', profile: { credentialId }, secret: { credentialId } };
  return {
    factor,
    afterStore: () => {
      if (credential && lastStep !== undefined) credential.lastStep = lastStep;
    },
  };
}

export function verifyRsa(ctx: FactorContext, factor: StoredFactor, body: Record<string, unknown>): VerifyOutcome {
  const { org } = ctx;
  const passCode = passcodeField(body, 'passCode', 'passCode');
  const credential = knownCredential(ctx, 'RSA', credentialIdOfFactor(factor));
  if (!credential || passCode === undefined) throw wrongPasscode(ctx);
  const { pinOk, step } = check(ctx, credential, passCode);
  if (!pinOk && !org.faults.has('rsa.pin-not-checked')) throw wrongPasscode(ctx);
  if (org.faults.has('rsa.accept-any-code')) return { status: 200, body: { factorResult: 'SUCCESS' } };
  if (step === null) throw wrongPasscode(ctx);
  if (step <= credential.lastStep && !org.faults.has('rsa.allow-replay')) throw passcodeReplayed();
  credential.lastStep = Math.max(credential.lastStep, step);
  return { status: 200, body: { factorResult: 'SUCCESS' } };
}
