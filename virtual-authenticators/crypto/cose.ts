import { encodeCbor } from '../encoding/cbor.js';
import type { CborMap } from '../encoding/cbor.js';
import { fromBase64Url } from '../encoding/base64url.js';
import type { JsonWebKey } from './webcrypto.js';

/** The COSE algorithms the virtual authenticators can make credentials with. */
export type CoseAlgorithm = -7 | -257 | -8;

// COSE_Key labels and values (RFC 9052/9053).
const LABEL = { kty: 1, alg: 3, crvOrN: -1, xOrE: -2, y: -3 } as const;
const KEY_TYPE = { OKP: 1, EC2: 2, RSA: 3 } as const;
const CURVE = { P256: 1, Ed25519: 6 } as const;

function jwkMember(jwk: JsonWebKey, member: 'x' | 'y' | 'n' | 'e'): Uint8Array {
  const value = jwk[member];
  if (typeof value !== 'string') throw new Error(`Public JWK has no "${member}"`);
  return fromBase64Url(value);
}

/**
 * The credential public key as a COSE_Key in CTAP2 canonical form (labels in the order 1, 3, -1, -2, -3, which is
 * what the W3C vectors show), built from the public key's JWK export.
 */
export function encodeCoseKey(algorithm: CoseAlgorithm, publicJwk: JsonWebKey): Uint8Array<ArrayBuffer> {
  const key: CborMap = new Map();
  switch (algorithm) {
    case -7:
      key.set(LABEL.kty, KEY_TYPE.EC2).set(LABEL.alg, algorithm).set(LABEL.crvOrN, CURVE.P256);
      key.set(LABEL.xOrE, jwkMember(publicJwk, 'x')).set(LABEL.y, jwkMember(publicJwk, 'y'));
      break;
    case -257:
      key.set(LABEL.kty, KEY_TYPE.RSA).set(LABEL.alg, algorithm);
      key.set(LABEL.crvOrN, jwkMember(publicJwk, 'n')).set(LABEL.xOrE, jwkMember(publicJwk, 'e'));
      break;
    case -8:
      key.set(LABEL.kty, KEY_TYPE.OKP).set(LABEL.alg, algorithm).set(LABEL.crvOrN, CURVE.Ed25519);
      key.set(LABEL.xOrE, jwkMember(publicJwk, 'x'));
      break;
  }
  return encodeCbor(key);
}
