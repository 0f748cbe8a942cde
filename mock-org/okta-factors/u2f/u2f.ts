import { invalidPasscode, validationFailed } from '../../core/errors.js';
import type { StoredFactor } from '../store.js';
import { FOREIGN_TRUSTED_ORIGIN, credentialFields, isChallengeRequest } from '../fido/common.js';
import { decodeBase64, newChallenge, parseClientData, sha256, websafe } from '../fido/encoding.js';
import {
  authenticationSignatureValid,
  p256PublicKey,
  parseRegistrationMessage,
  parseSignatureMessage,
  registrationSignatureValid,
  userPresent,
} from './u2f-messages.js';
import type { FactorContext, FactorKind } from '../kind.js';
import { resultLinks } from '../links.js';

/**
 * u2f / FIDO (spec §2.11): enroll hands out a registration nonce, activation takes the U2F registration response,
 * verify without a body issues a sign nonce and with `clientData` + `signatureData` checks the assertion. Every
 * check is done here with node:crypto, never with the harness's own authenticators.
 *
 * Where the docs are silent the mock chooses: one u2f factor per user (a second enrollment while one is ACTIVE is
 * 400 E0000001, a pending one is replaced); the nonce is the U2F challenge string itself (the client copies it
 * into clientData unchanged); a nonce is single-use and a new challenge replaces the last; a refused assertion
 * keeps the outstanding nonce; every refusal of a registration or an assertion is 403 E0000068, as [F] documents
 * for an invalid registration.
 */

const VERSION = 'U2F_V2';
/** [F] and [A] show 20 in every example: the time the client gives the token. */
const TIMEOUT_SECONDS = 20;
const REGISTER_TYP = 'navigator.id.finishEnrollment';
const SIGN_TYP = 'navigator.id.getAssertion';

/** What the org keeps about a u2f factor (never returned). */
interface U2fState {
  /** The U2F appId: the org's origin ([F]/[A]: the origin of the page that calls). */
  appId: string;
  /** The outstanding registration or sign nonce; null once used. */
  nonce: string | null;
  /** websafe base64 key handle and uncompressed P-256 user public key, once active. */
  keyHandle?: string;
  publicKey?: string;
  /** The highest counter accepted so far. */
  counter: number;
}

export const u2fFactor: FactorKind<U2fState> = {
  factorType: 'u2f',
  providers: { FIDO: { idPrefix: 'fuf', vendorName: 'FIDO' } },

  enroll(ctx, _request, base) {
    const existing = ctx.store.factorsOf(ctx.user.id).filter((f) => f.factorType === base.factorType);
    if (existing.some((f) => f.status === 'ACTIVE')) {
      throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    }
    const state: U2fState = { appId: ctx.origin, nonce: newChallenge(), counter: 0 };
    const factor: StoredFactor<U2fState> = {
      ...base,
      status: 'PENDING_ACTIVATION',
      profile: {},
      secret: state,
    };
    // appId: [A] publishes it here (the Factors API examples do not); clients fall back to their own origin.
    const activation: Record<string, unknown> = { version: VERSION, nonce: state.nonce, timeoutSeconds: TIMEOUT_SECONDS, appId: state.appId };
    if (ctx.faults.has('u2f.activation-without-nonce')) delete activation.nonce;
    return { factor, activation, replaces: existing.map((f) => f.id) };
  },

  activate(ctx, draft, body) {
    const state = draft.secret;
    const [registrationText, clientDataText] = credentialFields(body, ['registrationData', 'clientData']);
    const registration = parseRegistrationMessage(decodeBase64(registrationText) ?? Buffer.alloc(0));
    const clientData = decodeBase64(clientDataText);
    const userKey = registration && p256PublicKey(registration.userPublicKey);
    if (!registration || !clientData || !userKey) throw invalidPasscode();
    checkClientData(ctx, state, clientData, REGISTER_TYP);
    const signatureChecked = !ctx.faults.has('u2f.registration-signature-not-checked');
    if (signatureChecked && !trustedAppIds(ctx, state).some((appId) => registrationSignatureValid(registration, sha256(appId), clientData))) {
      throw invalidPasscode();
    }
    state.keyHandle = websafe(registration.keyHandle);
    state.publicKey = websafe(registration.userPublicKey);
    state.nonce = null;
    state.counter = 0;
    draft.status = 'ACTIVE';
    draft.profile = {
      credentialId: ctx.faults.has('u2f.credential-id-not-key-handle') ? registration.keyHandle.toString('hex') : state.keyHandle,
      version: VERSION,
      appId: state.appId,
    };
  },

  verify(ctx, draft, body) {
    const state = draft.secret;
    if (isChallengeRequest(body, ['clientData', 'signatureData'])) {
      state.nonce = newChallenge();
      const result: Record<string, unknown> = {
        factorResult: 'CHALLENGE',
        profile: { ...draft.profile },
        _links: resultLinks(ctx.baseUrl, draft),
        _embedded: { challenge: { nonce: state.nonce, timeoutSeconds: TIMEOUT_SECONDS } },
      };
      if (ctx.faults.has('u2f.challenge-without-profile')) delete result.profile;
      return { status: 200, body: result };
    }
    const [clientDataText, signatureText] = credentialFields(body, ['clientData', 'signatureData']);
    const clientData = decodeBase64(clientDataText);
    const signature = parseSignatureMessage(decodeBase64(signatureText) ?? Buffer.alloc(0));
    if (!clientData || !signature) throw invalidPasscode();
    checkClientData(ctx, state, clientData, SIGN_TYP);
    if (!ctx.faults.has('u2f.signature-not-checked')) {
      const appParams = trustedAppIds(ctx, state).map((appId) => sha256(appId));
      const signedByAKnownKey = candidateKeys(ctx, draft).some((key) =>
        appParams.some((appParam) => authenticationSignatureValid(signature, key, appParam, clientData)),
      );
      if (!signedByAKnownKey) throw invalidPasscode();
    }
    if (!userPresent(signature) && !ctx.faults.has('u2f.user-presence-not-checked')) throw invalidPasscode();
    // U2F tokens count every signature: a counter at or below the last one is a replay or a cloned token.
    if (signature.counter <= state.counter && !ctx.faults.has('u2f.counter-not-checked')) throw invalidPasscode();
    state.counter = Math.max(state.counter, signature.counter);
    if (!ctx.faults.has('u2f.nonce-reusable')) state.nonce = null;
    return { status: 200, body: { factorResult: 'SUCCESS', profile: { ...draft.profile } } };
  },

  presentProfile(factor) {
    return factor.status === 'ACTIVE' ? { ...factor.profile } : undefined;
  },
};

/** typ, challenge (the outstanding nonce) and origin (the appId) of U2F client data. */
function checkClientData(ctx: FactorContext<U2fState>, state: U2fState, bytes: Buffer, typ: string): void {
  const { faults } = ctx;
  const clientData = parseClientData(bytes);
  if (!clientData || state.nonce === null) throw invalidPasscode();
  if (clientData.typ !== typ && !faults.has('u2f.typ-not-checked')) throw invalidPasscode();
  if (clientData.challenge !== state.nonce && !faults.has('u2f.challenge-not-checked')) throw invalidPasscode();
  if (clientData.origin !== state.appId && !faults.has('u2f.origin-not-checked')) throw invalidPasscode();
}

/** The appIds whose application parameter the org accepts. */
function trustedAppIds(ctx: FactorContext<U2fState>, state: U2fState): string[] {
  return ctx.faults.has('u2f.foreign-app-id-trusted') ? [state.appId, FOREIGN_TRUSTED_ORIGIN] : [state.appId];
}

/** This factor's key; with the `u2f.key-of-any-user-accepted` fault, every active u2f key in the org. */
function candidateKeys(ctx: FactorContext<U2fState>, draft: StoredFactor<U2fState>) {
  const factors = ctx.faults.has('u2f.key-of-any-user-accepted')
    ? [draft, ...ctx.kindFactors().filter((f) => f.status === 'ACTIVE')]
    : [draft];
  return factors.flatMap((factor) => {
    const point = factor.secret.publicKey;
    const key = point === undefined ? null : p256PublicKey(Buffer.from(point, 'base64url'));
    return key ? [key] : [];
  });
}
