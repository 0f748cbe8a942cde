import { validationFailed } from '../../core/errors.js';
import type { FactorKind } from '../kind.js';
import { enrollRsa, verifyRsa } from '../rsa/rsa.js';
import { enrollSymantec, verifySymantec } from '../symantec/symantec.js';

/**
 * factorType `token`: one kind for the two providers that share it, RSA SecurID (rsa.ts) and
 * Symantec VIP (symantec.ts). Both are verified inline at enrollment and are ACTIVE at once.
 */
export const tokenFactor: FactorKind = {
  factorType: 'token',
  providers: {
    RSA: { idPrefix: 'rsa', vendorName: 'RSA' },
    SYMANTEC: { idPrefix: 'ufv', vendorName: 'SYMANTEC' },
  },

  enroll(ctx, request, base) {
    const existing = ctx.org.store.factorsOf(ctx.user.id).filter((f) => f.factorType === 'token' && f.provider === request.provider);
    if (existing.length > 0) throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    return request.provider === 'RSA' ? enrollRsa(ctx, request, base) : enrollSymantec(ctx, request, base);
  },

  activate() {
    throw validationFailed('factor', ['A token factor is verified at enrollment and active once enrolled.']);
  },

  verify(ctx, factor, body) {
    return factor.provider === 'RSA' ? verifyRsa(ctx, factor, body) : verifySymantec(ctx, factor, body);
  },
};
