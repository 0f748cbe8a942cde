import { invalidPasscode } from '../../core/errors.js';
import type { StoredFactor } from '../store.js';
import { FOREIGN_TRUSTED_RP_ID, credentialFields, isChallengeRequest } from '../fido/common.js';
import { decodeBase64, newChallenge } from '../fido/encoding.js';
import {
  assertionCounter,
  attestedCredentialOf,
  claimedOrigin,
  registrationValid,
  type CeremonyExpectations,
} from './webauthn-verify.js';
import type { FactorContext, FactorKind } from '../kind.js';
import { resultLinks } from '../links.js';

/**
 * webauthn / FIDO (spec §2.12): enroll hands out PublicKeyCredentialCreationOptions, activation takes
 * `attestation` + `clientData`, verify by factor id without a body issues request options and with `clientData`,
 * `authenticatorData` and `signatureData` checks the assertion. Verified with @simplewebauthn/server.
 *
 * Where the docs are silent the mock chooses: a user may hold several webauthn factors, each enrollment is a new
 * pending factor; the RP ID is the host of the org's origin and `rp.id` is left out, as in [F]; ES256, RS256 and
 * EdDSA are offered; any attestation format is taken and its signature checked, with no trust anchors (the org
 * has no metadata for the authenticator), and `authenticatorName` is the one name below; the credential ids of
 * the user's active factors are excluded, and a registration of a credential id already enrolled in the org is
 * refused; the challenge is single-use and a new one replaces the last; the user verification the factor policy
 * asks for (`preferred` unless set) is advertised and, when `required`, enforced; every refusal is 403 E0000068.
 */

const FACTOR_TYPE = 'webauthn';
const PROVIDER = 'FIDO';
/** ES256, RS256 ([F]'s two) and EdDSA. */
const ALGORITHMS = [-7, -257, -8] as const;
const TIMEOUT_MS = 60_000;
/** [S]: the name comes from the authenticator's AAGUID metadata; the mock has none. */
const AUTHENTICATOR_NAME = 'Security Key or Biometric Authenticator';

/** What the org keeps about a webauthn factor (never returned). */
interface WebAuthnState {
  /** The outstanding creation or request challenge; null once used. */
  challenge: string | null;
  /** base64url credential id and COSE public key, once active. */
  credentialId?: string;
  publicKey?: string;
  counter: number;
}

export const webauthnFactor: FactorKind<WebAuthnState> = {
  factorType: FACTOR_TYPE,
  providers: { [PROVIDER]: { idPrefix: 'fwf', vendorName: PROVIDER } },

  enroll(ctx, _request, base) {
    const { user } = ctx;
    const mine = ctx.kindFactors().filter((f) => f.userId === user.id);
    const state: WebAuthnState = { challenge: newChallenge(), counter: 0 };
    const factor: StoredFactor<WebAuthnState> = { ...base, status: 'PENDING_ACTIVATION', profile: {}, secret: state };
    const excluded = ctx.faults.has('webauthn.exclude-credentials-empty')
      ? []
      : mine.flatMap((f) => {
          const id = f.secret.credentialId;
          return f.status === 'ACTIVE' && id !== undefined ? [{ type: 'public-key', id }] : [];
        });
    const algorithms = ctx.faults.has('webauthn.activation-missing-rs256') ? ALGORITHMS.filter((alg) => alg !== -257) : ALGORITHMS;
    const activation = {
      attestation: 'direct',
      authenticatorSelection: { userVerification: userVerificationOf(ctx), requireResidentKey: false },
      challenge: state.challenge,
      excludeCredentials: excluded,
      pubKeyCredParams: algorithms.map((alg) => ({ type: 'public-key', alg })),
      rp: { name: 'Mock Org' },
      // [F]: user.id is the Okta user id, which clients decode as base64url (20 characters, 15 bytes).
      user: { displayName: `${user.profile.firstName} ${user.profile.lastName}`.trim(), name: user.profile.login, id: user.id },
      timeout: TIMEOUT_MS,
    };
    return { factor, activation, ...(ctx.faults.has('webauthn.single-factor-per-user') ? { replaces: mine.map((f) => f.id) } : {}) };
  },

  async activate(ctx, draft, body) {
    const state = draft.secret;
    const [attestationText, clientDataText] = credentialFields(body, ['attestation', 'clientData']);
    const attestationObject = decodeBase64(attestationText);
    const clientDataJSON = decodeBase64(clientDataText);
    if (!attestationObject || !clientDataJSON || state.challenge === null) throw invalidPasscode();
    const credential = await attestedCredentialOf(attestationObject);
    if (!credential) throw invalidPasscode();
    const enrolled = ctx.kindFactors().some(
      (f) => f.status === 'ACTIVE' && f.secret.credentialId === credential.id,
    );
    if (enrolled && !ctx.faults.has('webauthn.duplicate-credential-accepted')) throw invalidPasscode();
    const expected = expectations(ctx, state.challenge, clientDataJSON, 'webauthn.create', 'webauthn.attestation-signature-not-checked');
    if (!(await registrationValid(credential.id, attestationObject, clientDataJSON, expected, [...ALGORITHMS]))) throw invalidPasscode();
    if (!challengeStillOutstanding(ctx, draft, state.challenge)) throw invalidPasscode();
    state.credentialId = credential.id;
    state.publicKey = Buffer.from(credential.publicKey).toString('base64url');
    state.counter = credential.counter;
    state.challenge = null;
    draft.status = 'ACTIVE';
    const name = ctx.faults.has('webauthn.no-authenticator-name') ? {} : { authenticatorName: AUTHENTICATOR_NAME };
    draft.profile = ctx.faults.has('webauthn.credential-id-not-in-profile') ? name : { credentialId: credential.id, ...name };
  },

  async verify(ctx, draft, body) {
    const state = draft.secret;
    if (isChallengeRequest(body, ['clientData', 'authenticatorData', 'signatureData'])) {
      state.challenge = newChallenge();
      const result: Record<string, unknown> = {
        factorResult: 'CHALLENGE',
        profile: { ...draft.profile },
        _links: resultLinks(ctx.baseUrl, draft),
        _embedded: {
          challenge: {
            challenge: state.challenge,
            extensions: {},
            // Not in [F]'s example: [A] adds userVerification; allowCredentials names this factor's credential.
            userVerification: userVerificationOf(ctx),
            allowCredentials: state.credentialId === undefined ? [] : [{ type: 'public-key', id: state.credentialId }],
          },
        },
      };
      if (ctx.faults.has('webauthn.challenge-without-profile')) delete result.profile;
      return { status: 200, body: result };
    }
    const [clientDataText, authenticatorDataText, signatureText] = credentialFields(body, ['clientData', 'authenticatorData', 'signatureData']);
    const clientDataJSON = decodeBase64(clientDataText);
    const authenticatorData = decodeBase64(authenticatorDataText);
    const signature = decodeBase64(signatureText);
    if (!clientDataJSON || !authenticatorData || !signature || state.challenge === null) throw invalidPasscode();
    const expected = expectations(ctx, state.challenge, clientDataJSON, 'webauthn.get', 'webauthn.assertion-signature-not-checked');
    const counterChecked = !ctx.faults.has('webauthn.counter-not-checked');
    let newCounter: number | null = null;
    for (const factor of candidates(ctx, draft)) {
      const candidate = factor.secret;
      if (candidate.credentialId === undefined || candidate.publicKey === undefined) continue;
      newCounter = await assertionCounter(
        { id: candidate.credentialId, publicKey: Buffer.from(candidate.publicKey, 'base64url'), counter: counterChecked ? candidate.counter : 0 },
        { clientDataJSON, authenticatorData, signature },
        expected,
      );
      if (newCounter !== null) break;
    }
    if (newCounter === null || !challengeStillOutstanding(ctx, draft, state.challenge)) throw invalidPasscode();
    state.counter = Math.max(state.counter, newCounter);
    if (!ctx.faults.has('webauthn.challenge-reusable')) state.challenge = null;
    return { status: 200, body: { factorResult: 'SUCCESS', profile: { ...draft.profile } } };
  },

  presentProfile(factor) {
    return factor.status === 'ACTIVE' ? { ...factor.profile } : undefined;
  },

  authn: {
    // Verify by factor type ([A]): one challenge for all the user's webauthn factors; any of them may answer it.
    sharedChallenge(ctx, drafts) {
      const challenge = newChallenge();
      for (const draft of drafts) draft.secret.challenge = challenge;
      return { challenge, extensions: {}, userVerification: userVerificationOf(ctx) };
    },
  },
};

/**
 * Verification awaits WebCrypto, so two requests with the same response can interleave: only the one that finds
 * the challenge it checked still outstanding in the store (not used meanwhile by the other) may succeed.
 */
function challengeStillOutstanding(ctx: FactorContext<WebAuthnState>, draft: StoredFactor<WebAuthnState>, challenge: string | null): boolean {
  const stored = ctx.kindFactors().find((f) => f.id === draft.id);
  return stored !== undefined && stored.secret.challenge === challenge;
}

/** The user verification the org's policy asks of webauthn factors. */
function userVerificationOf(ctx: FactorContext<WebAuthnState>) {
  return ctx.policy.userVerification(FACTOR_TYPE, PROVIDER);
}

/** What a registration or an assertion must satisfy, loosened by the faults that are on. */
function expectations(
  ctx: FactorContext<WebAuthnState>,
  challenge: string,
  clientDataJSON: Uint8Array,
  type: 'webauthn.create' | 'webauthn.get',
  signatureFault: 'webauthn.attestation-signature-not-checked' | 'webauthn.assertion-signature-not-checked',
): CeremonyExpectations {
  const { faults, origin } = ctx;
  const rpId = new URL(origin).hostname;
  return {
    challenge: faults.has('webauthn.challenge-not-checked') ? () => true : challenge,
    origin: faults.has('webauthn.origin-not-checked') ? claimedOrigin(clientDataJSON) : origin,
    rpId: faults.has('webauthn.foreign-rp-id-trusted') ? [rpId, FOREIGN_TRUSTED_RP_ID] : [rpId],
    ...(faults.has('webauthn.type-not-checked') ? { types: ['webauthn.create', 'webauthn.get'] } : { types: [type] }),
    requireUserPresence: !faults.has('webauthn.user-presence-not-checked'),
    requireUserVerification: userVerificationOf(ctx) === 'required' && !faults.has('webauthn.uv-ignored'),
    acceptBadSignature: faults.has(signatureFault),
  };
}

/** This factor; with the `webauthn.any-user-credential` fault, every active webauthn factor of the user. */
function candidates(ctx: FactorContext<WebAuthnState>, draft: StoredFactor<WebAuthnState>): StoredFactor<WebAuthnState>[] {
  if (!ctx.faults.has('webauthn.any-user-credential')) return [draft];
  const others = ctx.kindFactors().filter((f) => f.userId === ctx.user.id && f.status === 'ACTIVE' && f.id !== draft.id);
  return [draft, ...others];
}
