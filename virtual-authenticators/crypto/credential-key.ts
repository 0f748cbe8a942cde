import { encodeCoseKey } from './cose.js';
import type { CoseAlgorithm } from './cose.js';
import { p256SignatureToDer } from './ecdsa-signature.js';
import { subtle } from './webcrypto.js';
import type { CryptoKey, CryptoKeyPair } from './webcrypto.js';

/** WebCrypto parameters for each COSE algorithm: how to make the key, and how to sign with it. */
const WEBCRYPTO_PARAMETERS = {
  [-7]: {
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
  },
  [-257]: {
    generate: {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([0x01, 0x00, 0x01]),
      hash: 'SHA-256',
    },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
  [-8]: {
    generate: { name: 'Ed25519' },
    sign: { name: 'Ed25519' },
  },
} as const;

/**
 * Credential keys made ahead of use, by algorithm, each handed out once. RSA-2048 generation takes a hundred
 * milliseconds or more on the thread pool; a caller that knows it will need such keys (a suite file that registers RS256
 * credentials) asks for them early, so that they are made while its other work runs instead of while it waits.
 */
const preparedKeys = new Map<CoseAlgorithm, Promise<CryptoKeyPair>[]>();

/**
 * Starts making `count` key pairs of this algorithm now, on the thread pool; the next `count` credentials of that
 * algorithm take them instead of waiting for new ones. Each prepared key goes to one credential only.
 */
export function prepareCredentialKeys(algorithm: CoseAlgorithm, count: number): void {
  const queue = preparedKeys.get(algorithm) ?? [];
  for (let i = 0; i < count; i++) {
    const pair = newKeyPair(algorithm);
    // a failure surfaces in the credential that takes this key, not as an unhandled rejection before then
    pair.catch(() => undefined);
    queue.push(pair);
  }
  preparedKeys.set(algorithm, queue);
}

/** A key pair of its own for a new credential: one made ahead when there is one left, otherwise a new one. */
export function generateKeyPair(algorithm: CoseAlgorithm): Promise<CryptoKeyPair> {
  return preparedKeys.get(algorithm)?.shift() ?? newKeyPair(algorithm);
}

async function newKeyPair(algorithm: CoseAlgorithm): Promise<CryptoKeyPair> {
  const usages: ['sign', 'verify'] = ['sign', 'verify'];
  switch (algorithm) {
    case -7:
      return subtle.generateKey(WEBCRYPTO_PARAMETERS[-7].generate, true, usages);
    case -257:
      return subtle.generateKey(WEBCRYPTO_PARAMETERS[-257].generate, true, usages);
    case -8: {
      // Node's types give the Ed25519 overload "a key or a pair"; a signing algorithm always yields a pair.
      const pair = await subtle.generateKey(WEBCRYPTO_PARAMETERS[-8].generate, true, usages);
      if (!('privateKey' in pair)) throw new Error('Ed25519 key generation returned a single key');
      return pair;
    }
  }
}

/**
 * Signs in the encoding WebAuthn and U2F put on the wire: DER for ECDSA, the bare signature for RSA PKCS#1 v1.5 and
 * Ed25519.
 */
export async function signAs(algorithm: CoseAlgorithm, privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const signature = new Uint8Array(await subtle.sign(WEBCRYPTO_PARAMETERS[algorithm].sign, privateKey, data));
  return algorithm === -7 ? p256SignatureToDer(signature) : signature;
}

export async function coseKeyOf(algorithm: CoseAlgorithm, publicKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return encodeCoseKey(algorithm, await subtle.exportKey('jwk', publicKey));
}

export async function spkiOf(publicKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle.exportKey('spki', publicKey));
}

/** The uncompressed P-256 point 04 || x || y, as U2F and fido-u2f attestation use it. */
export async function rawP256PublicKeyOf(publicKey: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle.exportKey('raw', publicKey));
}
