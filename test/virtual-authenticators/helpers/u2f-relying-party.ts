import { X509Certificate, createHash, webcrypto } from 'node:crypto';
import { derEcdsaSignatureToRaw } from './der-ecdsa.js';
import { parseRegistrationData, parseSignatureData } from './u2f-raw-messages.js';

/**
 * A minimal U2F relying party for the tests: checks a token's answers the way a server must, with WebCrypto directly
 * on the raw bytes. Every failure names what was wrong.
 */

const sha256 = (data: Uint8Array | string) => new Uint8Array(createHash('sha256').update(data).digest());
const websafeDecode = (text: string) => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error(`not websafe base64 without padding: ${text}`);
  return new Uint8Array(Buffer.from(text, 'base64url'));
};
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

async function verifyP256(publicKey: webcrypto.CryptoKey, derSignature: Uint8Array, data: Uint8Array): Promise<boolean> {
  return webcrypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, publicKey, derEcdsaSignatureToRaw(derSignature), data);
}

interface ClientData {
  typ: string;
  challenge: string;
  origin: string;
}

function checkClientData(clientDataBytes: Uint8Array, expected: { typ: string; challenge: string; origin: string }): void {
  const clientData = JSON.parse(Buffer.from(clientDataBytes).toString('utf8')) as ClientData;
  if (clientData.typ !== expected.typ) throw new Error(`wrong client data typ "${clientData.typ}"`);
  if (clientData.challenge !== expected.challenge) throw new Error('wrong challenge in client data');
  if (clientData.origin !== expected.origin) throw new Error(`wrong origin "${clientData.origin}" in client data`);
}

export interface VerifiedU2fRegistration {
  keyHandle: Uint8Array;
  userPublicKey: Uint8Array;
  attestationCertificate: X509Certificate;
}

export async function verifyU2fRegistration(
  response: { registrationData: string; clientData: string; version: string },
  expected: { appId: string; challenge: string; origin?: string },
): Promise<VerifiedU2fRegistration> {
  if (response.version !== 'U2F_V2') throw new Error(`wrong version ${response.version}`);
  const clientDataBytes = websafeDecode(response.clientData);
  checkClientData(clientDataBytes, {
    typ: 'navigator.id.finishEnrollment',
    challenge: expected.challenge,
    origin: expected.origin ?? expected.appId,
  });
  const parsed = parseRegistrationData(websafeDecode(response.registrationData));
  if (parsed.reservedByte !== 0x05) throw new Error('wrong reserved byte');
  if (parsed.userPublicKey.length !== 65 || parsed.userPublicKey[0] !== 0x04) throw new Error('not an uncompressed P-256 point');
  const attestationCertificate = new X509Certificate(parsed.attestationCertificate);
  const attestationKey = await webcrypto.subtle.importKey(
    'spki',
    attestationCertificate.publicKey.export({ type: 'spki', format: 'der' }),
    P256,
    false,
    ['verify'],
  );
  const signedBytes = concat(
    new Uint8Array([0x00]),
    sha256(expected.appId),
    sha256(clientDataBytes),
    parsed.keyHandle,
    parsed.userPublicKey,
  );
  if (!(await verifyP256(attestationKey, parsed.signature, signedBytes))) throw new Error('attestation signature does not verify');
  return { keyHandle: parsed.keyHandle, userPublicKey: parsed.userPublicKey, attestationCertificate };
}

export async function verifyU2fSignature(
  response: { signatureData: string; clientData: string; keyHandle: string },
  expected: { appId: string; challenge: string; origin?: string; userPublicKey: Uint8Array; lastCounter: number },
): Promise<{ counter: number }> {
  const clientDataBytes = websafeDecode(response.clientData);
  checkClientData(clientDataBytes, {
    typ: 'navigator.id.getAssertion',
    challenge: expected.challenge,
    origin: expected.origin ?? expected.appId,
  });
  const parsed = parseSignatureData(websafeDecode(response.signatureData));
  if ((parsed.userPresence & 0x01) !== 0x01) throw new Error('user presence not asserted');
  if (parsed.counter <= expected.lastCounter) throw new Error(`counter ${parsed.counter} did not increase past ${expected.lastCounter}`);
  const userKey = await webcrypto.subtle.importKey('raw', expected.userPublicKey, P256, false, ['verify']);
  const counterBytes = new Uint8Array(4);
  new DataView(counterBytes.buffer).setUint32(0, parsed.counter, false);
  const signedBytes = concat(sha256(expected.appId), new Uint8Array([parsed.userPresence]), counterBytes, sha256(clientDataBytes));
  if (!(await verifyP256(userKey, parsed.signature, signedBytes))) throw new Error('authentication signature does not verify');
  return { counter: parsed.counter };
}
