import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { Decoder } from 'cbor-x';
import { websafe } from '../fido/encoding.js';

/**
 * WebAuthn ceremonies checked with @simplewebauthn/server, a well-kept verifier independent of the harness's
 * authenticators. Loaded on first use: suite workers that never see a webauthn factor do not pay for it.
 */
const server = () => import('@simplewebauthn/server');
const helpers = () => import('@simplewebauthn/server/helpers');

/** What the org expects of a ceremony; the fault switches loosen one field at a time. */
export interface CeremonyExpectations {
  /** The challenge the org issued, or a predicate (the `webauthn.challenge-not-checked` fault accepts any). */
  challenge: string | ((challenge: string) => boolean);
  origin: string | string[];
  rpId: string[];
  /** clientData types accepted (default: the ceremony's own). */
  types?: string[];
  requireUserPresence: boolean;
  requireUserVerification: boolean;
  /** Accept a response whose signature does not verify (the `*-signature-not-checked` faults). */
  acceptBadSignature: boolean;
}

/** The credential a registration carries, read from its attested credential data. */
export interface AttestedCredential {
  /** base64url credential id. */
  id: string;
  /** COSE_Key bytes. */
  publicKey: Uint8Array;
  counter: number;
  aaguid: string;
}

/** Strict CBOR: exactly one well-formed item (the library's own decoder reads the first item and ignores the rest). */
const strictCbor = new Decoder({ mapsAsObjects: false, useRecords: false });

/** The credential inside an attestationObject; null when it is not a well-formed one. */
export async function attestedCredentialOf(attestationObject: Uint8Array): Promise<AttestedCredential | null> {
  const { decodeAttestationObject, parseAuthenticatorData, convertAAGUIDToString } = await helpers();
  try {
    strictCbor.decode(attestationObject);
    const authData = decodeAttestationObject(new Uint8Array(attestationObject)).get('authData');
    const parsed = parseAuthenticatorData(authData);
    if (!parsed.credentialID || !parsed.credentialPublicKey || !parsed.aaguid) return null;
    return {
      id: websafe(parsed.credentialID),
      publicKey: parsed.credentialPublicKey,
      counter: parsed.counter,
      aaguid: convertAAGUIDToString(parsed.aaguid),
    };
  } catch {
    return null;
  }
}

/** The clientData's origin, for the fault that takes whatever the client says. */
export function claimedOrigin(clientDataJSON: Uint8Array): string {
  try {
    const origin: unknown = (JSON.parse(Buffer.from(clientDataJSON).toString('utf8')) as { origin?: unknown }).origin;
    return typeof origin === 'string' ? origin : '';
  } catch {
    return '';
  }
}

/** verifyRegistrationResponse: true when the registration meets every expectation. */
export async function registrationValid(
  credentialId: string,
  attestationObject: Uint8Array,
  clientDataJSON: Uint8Array,
  expected: CeremonyExpectations,
  supportedAlgorithms: number[],
): Promise<boolean> {
  const { verifyRegistrationResponse } = await server();
  const response: RegistrationResponseJSON = {
    id: credentialId,
    rawId: credentialId,
    type: 'public-key',
    response: { clientDataJSON: websafe(clientDataJSON), attestationObject: websafe(attestationObject), transports: [] },
    clientExtensionResults: {},
  };
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challengeCheck(expected.challenge),
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      ...(expected.types ? { expectedType: expected.types } : {}),
      requireUserPresence: expected.requireUserPresence,
      requireUserVerification: expected.requireUserVerification,
      supportedAlgorithmIDs: supportedAlgorithms,
    });
    return result.verified || expected.acceptBadSignature;
  } catch {
    return false;
  }
}

export interface StoredCredential {
  id: string;
  publicKey: Uint8Array;
  counter: number;
}

/** verifyAuthenticationResponse with one stored credential: the new signCount when the assertion is good, else null. */
export async function assertionCounter(
  credential: StoredCredential,
  assertion: { clientDataJSON: Uint8Array; authenticatorData: Uint8Array; signature: Uint8Array },
  expected: CeremonyExpectations,
): Promise<number | null> {
  const { verifyAuthenticationResponse } = await server();
  const response: AuthenticationResponseJSON = {
    id: credential.id,
    rawId: credential.id,
    type: 'public-key',
    response: {
      clientDataJSON: websafe(assertion.clientDataJSON),
      authenticatorData: websafe(assertion.authenticatorData),
      signature: websafe(assertion.signature),
    },
    clientExtensionResults: {},
  };
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challengeCheck(expected.challenge),
      expectedOrigin: expected.origin,
      expectedRPID: expected.rpId,
      ...(expected.types ? { expectedType: expected.types } : {}),
      credential: { id: credential.id, publicKey: new Uint8Array(credential.publicKey), counter: credential.counter },
      requireUserVerification: expected.requireUserVerification,
      // The library always demands UP unless given FIDO's rules, under which UP (and, unless required, UV) are optional.
      ...(expected.requireUserPresence
        ? {}
        : { advancedFIDOConfig: { userVerification: expected.requireUserVerification ? ('required' as const) : ('preferred' as const) } }),
    });
    return result.verified || expected.acceptBadSignature ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}

function challengeCheck(challenge: CeremonyExpectations['challenge']): string | ((value: string) => Promise<boolean>) {
  return typeof challenge === 'string' ? challenge : async (value: string) => challenge(value);
}
