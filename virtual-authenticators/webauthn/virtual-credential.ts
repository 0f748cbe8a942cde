import { copyBytes } from '../encoding/bytes.js';
import { toBase64Url } from '../encoding/base64url.js';
import type { CoseAlgorithm } from '../crypto/cose.js';
import type { CryptoKey } from '../crypto/webcrypto.js';

/** A credential as the authenticator keeps it, private key included. */
export interface StoredCredential {
  readonly id: Uint8Array;
  readonly rpId: string;
  readonly userHandle: Uint8Array;
  readonly algorithm: CoseAlgorithm;
  readonly privateKey: CryptoKey;
  /** COSE_Key bytes, exactly as they went into the attested credential data. */
  readonly publicKey: Uint8Array;
  readonly discoverable: boolean;
  signCount: number;
}

/** What tests may see of a credential (no private key). Binary ids are base64url, as on the wire. */
export interface VirtualCredentialInfo {
  readonly id: string;
  readonly rpId: string;
  readonly userHandle: string;
  readonly algorithm: CoseAlgorithm;
  readonly publicKey: Uint8Array;
  readonly discoverable: boolean;
  readonly signCount: number;
}

export function describeCredential(credential: StoredCredential): VirtualCredentialInfo {
  return {
    id: toBase64Url(credential.id),
    rpId: credential.rpId,
    userHandle: toBase64Url(credential.userHandle),
    algorithm: credential.algorithm,
    publicKey: copyBytes(credential.publicKey),
    discoverable: credential.discoverable,
    signCount: credential.signCount,
  };
}
