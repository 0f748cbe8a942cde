import { OktaError, validationFailed } from '../../core/errors.js';
import { optionalString } from '../../core/input.js';
import { registerYubikeyTokenRoutes } from './token-routes.js';
import type { StoredFactor } from '../store.js';
import { YUBIKEY_TOKENS, checkOtp, shownSerial, tokenOfOtp, tokenStatus } from './tokens.js';
import type { FactorKind } from '../kind.js';
import { wrongPasscode } from '../passcode.js';

/**
 * token:hardware / YUBICO (spec §2.9, §8): the org uploads a token's secrets first; a user enrolls
 * it with one OTP, which names the token by its public id, and the factor is ACTIVE at once.
 * The mock decrypts and checks every OTP itself (mock-org/yubico-otp.ts).
 */

/** A YubiKey factor keeps the id of the uploaded token it is. */
interface YubikeyFactorState {
  tokenId: string;
}

function passCodeOf(obj: Record<string, unknown>, path: string): string | undefined {
  return optionalString(obj, 'passCode', { maxLength: 128, path, subject: 'factorEnrollRequest' });
}

export const yubikeyFactor: FactorKind<YubikeyFactorState> = {
  factorType: 'token:hardware',
  providers: { YUBICO: { idPrefix: 'ykf', vendorName: 'YUBICO' } },

  enroll(ctx, request, base) {
    const passCode = passCodeOf(request.verify ?? {}, 'verify.passCode');
    if (passCode === undefined || passCode.trim() === '') {
      throw validationFailed('factorEnrollRequest', ['verify.passCode: The field cannot be left blank']);
    }
    if (ctx.store.factorsOf(ctx.user.id).some((f) => f.factorType === 'token:hardware')) {
      throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    }
    const token = tokenOfOtp(ctx, passCode);
    if (tokenStatus(ctx, token) === 'ACTIVE' && !ctx.faults.has('yubikey.token-shared')) {
      throw validationFailed('factorEnrollRequest', ['This YubiKey is already assigned to a user.']);
    }
    const accepted = checkOtp(ctx, token, passCode);
    const factor: StoredFactor<YubikeyFactorState> = {
      ...base,
      status: 'ACTIVE',
      profile: { credentialId: ctx.faults.has('yubikey.credential-id-not-serial') ? token.publicId : shownSerial(ctx, token) },
      secret: { tokenId: token.id },
    };
    return {
      factor,
      afterStore: () => {
        const now = ctx.clock.iso();
        accepted.commit(now);
        token.assignment = { userId: factor.userId, factorId: factor.id };
        token.activated = now;
        token.lastUpdated = now;
      },
    };
  },

  activate() {
    throw validationFailed('factor', ['A YubiKey factor is verified at enrollment and active once enrolled.']);
  },

  verify(ctx, factor, body) {
    const passCode = passCodeOf(body, 'passCode');
    const own = YUBIKEY_TOKENS.of(ctx.scope).get(factor.secret.tokenId);
    if (passCode === undefined || !own) throw wrongPasscode(ctx);
    // The fault: whichever uploaded token the OTP names is taken, not only the factor's own.
    const token = ctx.faults.has('yubikey.token-not-bound') ? tokenOfOtp(ctx, passCode) : own;
    let accepted;
    try {
      accepted = checkOtp(ctx, token, passCode);
    } catch (error) {
      throw error instanceof OktaError ? wrongPasscode(ctx) : error;
    }
    accepted.commit(ctx.clock.iso());
    return { status: 200, body: { factorResult: 'SUCCESS' } };
  },

  registerRoutes: registerYubikeyTokenRoutes,
};
