import { concatBytes, uint32BigEndian } from '../encoding/bytes.js';

/** FIDO U2F raw message formats (v1.1/v1.2): what the token answers, and what it signs. */

/** The reserved first byte of a registration response. */
const U2F_REGISTRATION_RESERVED_BYTE = 0x05;
/** Bit 0 of the authentication response's first byte: user presence verified. */
export const U2F_USER_PRESENCE = 0x01;

/** 0x00 || applicationParam || challengeParam || keyHandle || userPublicKey (the key-handle length is not signed). */
export function registrationSignedBytes(fields: {
  applicationParameter: Uint8Array;
  challengeParameter: Uint8Array;
  keyHandle: Uint8Array;
  userPublicKey: Uint8Array;
}): Uint8Array<ArrayBuffer> {
  return concatBytes(
    new Uint8Array([0x00]),
    fields.applicationParameter,
    fields.challengeParameter,
    fields.keyHandle,
    fields.userPublicKey,
  );
}

/** 0x05 || userPublicKey(65) || L || keyHandle(L) || attestation certificate (DER) || signature (DER). */
export function encodeRegistrationResponse(fields: {
  userPublicKey: Uint8Array;
  keyHandle: Uint8Array;
  attestationCertificate: Uint8Array;
  signature: Uint8Array;
}): Uint8Array<ArrayBuffer> {
  if (fields.userPublicKey.byteLength !== 65) throw new RangeError('A U2F user public key is a 65-byte P-256 point');
  if (fields.keyHandle.byteLength > 255) throw new RangeError('A U2F key handle is at most 255 bytes');
  return concatBytes(
    new Uint8Array([U2F_REGISTRATION_RESERVED_BYTE]),
    fields.userPublicKey,
    new Uint8Array([fields.keyHandle.byteLength]),
    fields.keyHandle,
    fields.attestationCertificate,
    fields.signature,
  );
}

/** applicationParam || userPresence || counter(4, big-endian) || challengeParam */
export function authenticationSignedBytes(fields: {
  applicationParameter: Uint8Array;
  userPresence: number;
  counter: number;
  challengeParameter: Uint8Array;
}): Uint8Array<ArrayBuffer> {
  return concatBytes(
    fields.applicationParameter,
    new Uint8Array([fields.userPresence]),
    uint32BigEndian(fields.counter),
    fields.challengeParameter,
  );
}

/** userPresence(1) || counter(4, big-endian) || signature (DER) */
export function encodeAuthenticationResponse(fields: {
  userPresence: number;
  counter: number;
  signature: Uint8Array;
}): Uint8Array<ArrayBuffer> {
  return concatBytes(new Uint8Array([fields.userPresence]), uint32BigEndian(fields.counter), fields.signature);
}
