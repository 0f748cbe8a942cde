import { invalidPasscode, validationFailed } from '../../core/errors.js';
import type { TokenFactorState } from '../token-service/services.js';
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
 * token / SYMANTEC, Symantec VIP (spec §2.8). The real org asks the VIP service; the mock's
 * simulated service holds each credential's seed (registered through the control protocol) and
 * checks VIP security codes: TOTP, SHA-1, 6 digits, 30 s.
 */

type TokenContext = FactorContext<TokenFactorState>;

const STEP_SECONDS = 30;
/** With the `symantec.service-clock-behind` and `symantec.verify-clock-behind` faults. */
const BEHIND_MS = 120_000;

const serviceNow = (ctx: TokenContext) =>
  ctx.clock.now() - (ctx.faults.has('symantec.service-clock-behind') ? BEHIND_MS : 0);

/** Enrollment proves possession with two consecutive codes, "the current and next passcodes" [F]. */
function enrollSymantec(ctx: TokenContext, request: EnrollRequest, base: FactorBase): Enrollment<TokenFactorState> {
  const credentialId = credentialIdOf(request.profile);
  const verify = request.verify ?? {};
  const passCode = passcodeField(verify, 'passCode', 'verify.passCode');
  const nextPassCode = passcodeField(verify, 'nextPassCode', 'verify.nextPassCode');
  if (passCode === undefined) throw validationFailed('factorEnrollRequest', ['verify.passCode: The field cannot be left blank']);
  // Undocumented error (spec §11): a missing next code is a validation failure here; the checks also accept 403 E0000068.
  if (nextPassCode === undefined && !ctx.faults.has('symantec.accept-one-passcode')) {
    throw validationFailed('factorEnrollRequest', ['verify.nextPassCode: Symantec VIP needs the current and the next passcode.']);
  }
  const credential = knownCredential(ctx, 'SYMANTEC', credentialId);
  if (!credential && !ctx.faults.has('symantec.unknown-credential-accepted')) unknownCredential('Symantec VIP');
  let lastStep: number | undefined;
  if (credential && !ctx.faults.has('symantec.enroll-codes-unchecked')) {
    const step = matchServiceCode(credential, passCode, serviceNow(ctx), STEP_SECONDS);
    if (step === null || step <= credential.lastStep) throw invalidPasscode();
    if (nextPassCode !== undefined) {
      const next = matchServiceCode(credential, nextPassCode, serviceNow(ctx), STEP_SECONDS, 2);
      if (next !== step + 1) throw invalidPasscode();
    }
    lastStep = nextPassCode !== undefined ? step + 1 : step;
  }
  const profile = ctx.faults.has('symantec.credential-id-dropped') ? {} : { credentialId };
  return tokenEnrollment({ ...base, status: 'ACTIVE', profile, secret: { credentialId } }, credential, lastStep);
}

function verifySymantec(ctx: TokenContext, factor: StoredFactor<TokenFactorState>, body: Record<string, unknown>): VerifyOutcome {
  const passCode = passcodeField(body, 'passCode', 'passCode');
  const credential = knownCredential(ctx, 'SYMANTEC', factor.secret.credentialId);
  if (ctx.faults.has('symantec.accept-any-code')) return { status: 200, body: { factorResult: 'SUCCESS' } };
  // The `symantec.verify-clock-behind` fault: only verification sees the service's clock behind.
  const now = serviceNow(ctx) - (ctx.faults.has('symantec.verify-clock-behind') ? BEHIND_MS : 0);
  const step = credential && passCode !== undefined ? matchServiceCode(credential, passCode, now, STEP_SECONDS) : null;
  if (!credential || step === null) throw wrongPasscode(ctx);
  return acceptStep(credential, step, ctx.faults.has('symantec.allow-replay'));
}

export const symantecFactor: FactorKind<TokenFactorState> = {
  factorType: 'token',
  providers: { SYMANTEC: { idPrefix: 'ufv', vendorName: 'SYMANTEC' } },

  enroll(ctx, request, base) {
    refuseSecondToken(ctx, request.provider);
    return enrollSymantec(ctx, request, base);
  },

  activate: activationRefused,

  verify: verifySymantec,
};
