import { concatBytes, randomBytes, utf8Bytes } from '../encoding/bytes.js';
import { toBase64Url } from '../encoding/base64url.js';
import { sha256 } from '../crypto/webcrypto.js';
import { FOREIGN_ORIGIN, FOREIGN_RP_ID } from '../misbehaviour.js';
import type { ClientDataType, CollectedClientData } from './client-data.js';

/** One wrong field in a registration, for negative conformance checks. */
export const REGISTRATION_TAMPERS = [
  'wrong-origin', // clientData.origin is another site
  'wrong-type', // clientData.type is "webauthn.get"
  'wrong-challenge', // clientData.challenge is a fresh random value
  'wrong-rp-id', // authData.rpIdHash is the hash of another RP ID
  'bad-signature', // attStmt.sig does not verify (packed, packed-self, fido-u2f)
  'no-user-presence', // UP flag clear
  'no-user-verification', // UV flag clear even when UV was asked for
  'wrong-aaguid', // AAGUID that is not the authenticator's (non-zero for fido-u2f; not the certificate's for packed)
  'truncated-cbor', // attestationObject missing its last byte
  'trailing-cbor-bytes', // attestationObject followed by extra bytes
] as const;
export type RegistrationTamper = (typeof REGISTRATION_TAMPERS)[number];

/** One wrong field in an assertion, for negative conformance checks. */
export const ASSERTION_TAMPERS = [
  'wrong-origin',
  'wrong-type', // clientData.type is "webauthn.create"
  'wrong-challenge',
  'wrong-rp-id',
  'bad-signature',
  'counter-regression', // signCount one below the last one sent (0 stays 0), and the stored counter does not move
  'no-user-presence',
  'no-user-verification',
] as const;
export type AssertionTamper = (typeof ASSERTION_TAMPERS)[number];

export interface RegistrationMisbehaviour {
  tamper?: RegistrationTamper;
}

export interface AssertionMisbehaviour {
  tamper?: AssertionTamper;
}

type CeremonyTamper = RegistrationTamper | AssertionTamper;

const OTHER_TYPE: Record<ClientDataType, ClientDataType> = {
  'webauthn.create': 'webauthn.get',
  'webauthn.get': 'webauthn.create',
};

/** The client data the browser collects, with the one field a tamper names replaced. */
export function collectClientData(
  type: ClientDataType,
  challenge: Uint8Array,
  origin: string,
  tamper: CeremonyTamper | undefined,
): CollectedClientData {
  return {
    type: tamper === 'wrong-type' ? OTHER_TYPE[type] : type,
    challenge: toBase64Url(tamper === 'wrong-challenge' ? randomBytes(32) : challenge),
    origin: tamper === 'wrong-origin' ? FOREIGN_ORIGIN : origin,
  };
}

export function rpIdHashFor(rpId: string, tamper: CeremonyTamper | undefined): Uint8Array<ArrayBuffer> {
  return sha256(utf8Bytes(tamper === 'wrong-rp-id' ? FOREIGN_RP_ID : rpId));
}

/** Every byte inverted: never the real AAGUID, and never all zeros when the real one is. */
export function foreignAaguid(aaguid: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(aaguid.map((byte) => byte ^ 0xff));
}

export function tamperAttestationObjectBytes(
  attestationObject: Uint8Array<ArrayBuffer>,
  tamper: RegistrationTamper | undefined,
): Uint8Array<ArrayBuffer> {
  if (tamper === 'truncated-cbor') return attestationObject.slice(0, -1);
  if (tamper === 'trailing-cbor-bytes') return concatBytes(attestationObject, new Uint8Array([0x00, 0x00]));
  return attestationObject;
}
