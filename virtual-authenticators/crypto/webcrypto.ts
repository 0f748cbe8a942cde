import { createHash, webcrypto } from 'node:crypto';

/**
 * Node's own WebCrypto does everything the authenticators need (P-256, RSA PKCS#1 v1.5, Ed25519), so no polyfill is
 * loaded. Everything that signs or makes keys goes through this one instance.
 */
export const crypto: webcrypto.Crypto = webcrypto;
export const subtle: webcrypto.SubtleCrypto = webcrypto.subtle;

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
export type JsonWebKey = webcrypto.JsonWebKey;

export function sha256(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(data).digest());
}
