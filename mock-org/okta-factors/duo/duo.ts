import { validationFailed } from '../../core/errors.js';
import type { FactorKind } from '../kind.js';

/**
 * web / DUO in the Factors API (spec §2.0): Okta lists the type, and an enrolled Duo factor is listed, read and reset
 * like any other (profile `credentialId`), but it is enrolled, activated and verified only through the Authentication
 * API and the Duo widget (mock-org/okta-authn/duo/). The Factors API refuses those operations with a validation error
 * (Okta documents none; spec §11).
 */
const authnOnly = (what: string) =>
  validationFailed('factorEnrollRequest', [`A Duo factor is ${what} through the Authentication API (Duo widget) only.`]);

/** A Duo factor keeps nothing of its own: Duo holds the user's devices. */
type DuoFactorState = Record<string, never>;

export const duoFactor: FactorKind<DuoFactorState> = {
  factorType: 'web',
  providers: { DUO: { idPrefix: 'dsf', vendorName: 'DUO' } },

  enroll() {
    throw authnOnly('enrolled');
  },

  activate() {
    throw authnOnly('activated');
  },

  verify() {
    throw authnOnly('verified');
  },
};
