import { X509Certificate, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { sha256 } from '../fido/encoding.js';

/**
 * FIDO U2F raw messages (shared/spec/authenticator-formats.md §1.1), parsed and checked with node:crypto alone.
 */

/** A registration response message: 05 | user public key (65) | L | key handle (L) | certificate (DER) | signature. */
export interface U2fRegistrationMessage {
  userPublicKey: Buffer;
  keyHandle: Buffer;
  certificate: Buffer;
  signature: Buffer;
}

/** An authentication response message: user presence (1) | counter (4, big-endian) | signature. */
export interface U2fSignatureMessage {
  userPresence: number;
  counter: number;
  signature: Buffer;
}

const RESERVED_BYTE = 0x05;
const UNCOMPRESSED_POINT = 0x04;
const USER_PRESENT = 0x01;

export function parseRegistrationMessage(bytes: Buffer): U2fRegistrationMessage | null {
  if (bytes.length < 67 || bytes[0] !== RESERVED_BYTE || bytes[1] !== UNCOMPRESSED_POINT) return null;
  const keyHandleLength = bytes[66] ?? 0;
  const certificateStart = 67 + keyHandleLength;
  const certificateLength = derElementLength(bytes, certificateStart);
  if (keyHandleLength === 0 || certificateLength === null) return null;
  const signature = bytes.subarray(certificateStart + certificateLength);
  if (signature.length === 0) return null;
  return {
    userPublicKey: bytes.subarray(1, 66),
    keyHandle: bytes.subarray(67, certificateStart),
    certificate: bytes.subarray(certificateStart, certificateStart + certificateLength),
    signature,
  };
}

export function parseSignatureMessage(bytes: Buffer): U2fSignatureMessage | null {
  if (bytes.length < 6) return null;
  return { userPresence: bytes[0] ?? 0, counter: bytes.readUInt32BE(1), signature: bytes.subarray(5) };
}

export const userPresent = (message: U2fSignatureMessage): boolean => (message.userPresence & USER_PRESENT) !== 0;

/** The P-256 key of an uncompressed point; null when the bytes are not a point on the curve. */
export function p256PublicKey(point: Buffer): KeyObject | null {
  if (point.length !== 65 || point[0] !== UNCOMPRESSED_POINT) return null;
  try {
    return createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      format: 'jwk',
    });
  } catch {
    return null;
  }
}

/** The attestation signature over 00 | appParam | challengeParam | key handle | user public key, by the certificate's key. */
export function registrationSignatureValid(message: U2fRegistrationMessage, applicationParameter: Buffer, clientData: Buffer): boolean {
  let attestationKey: KeyObject;
  try {
    attestationKey = new X509Certificate(message.certificate).publicKey;
  } catch {
    return false;
  }
  const signed = Buffer.concat([Buffer.of(0x00), applicationParameter, sha256(clientData), message.keyHandle, message.userPublicKey]);
  return ecdsaValid(signed, attestationKey, message.signature);
}

/** The user key's signature over appParam | user presence | counter | challengeParam. */
export function authenticationSignatureValid(
  message: U2fSignatureMessage,
  userKey: KeyObject,
  applicationParameter: Buffer,
  clientData: Buffer,
): boolean {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(message.counter);
  const signed = Buffer.concat([applicationParameter, Buffer.of(message.userPresence), counter, sha256(clientData)]);
  return ecdsaValid(signed, userKey, message.signature);
}

function ecdsaValid(signed: Buffer, key: KeyObject, derSignature: Buffer): boolean {
  try {
    return verify('sha256', signed, key, derSignature);
  } catch {
    return false;
  }
}

/** Total length (header included) of the DER SEQUENCE at `offset`, or null when there is none that fits. */
function derElementLength(bytes: Buffer, offset: number): number | null {
  if (bytes[offset] !== 0x30) return null;
  const first = bytes[offset + 1];
  if (first === undefined) return null;
  let headerLength = 2;
  let contentLength = first;
  if (first >= 0x80) {
    const lengthBytes = first & 0x7f;
    if (lengthBytes === 0 || lengthBytes > 3 || offset + 2 + lengthBytes > bytes.length) return null;
    contentLength = bytes.readUIntBE(offset + 2, lengthBytes);
    headerLength += lengthBytes;
  }
  const total = headerLength + contentLength;
  return offset + total <= bytes.length ? total : null;
}
