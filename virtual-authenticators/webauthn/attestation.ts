import { concatBytes } from '../encoding/bytes.js';
import type { CborMap } from '../encoding/cbor.js';
import type { CertifiedKey } from '../crypto/attestation-ca.js';
import { rawP256PublicKeyOf, signAs } from '../crypto/credential-key.js';
import type { CoseAlgorithm } from '../crypto/cose.js';
import type { CryptoKey } from '../crypto/webcrypto.js';
import { corruptSignature } from '../misbehaviour.js';

/** What the authenticator attests with: nothing, its credential key (self), its attestation key, or as a U2F device. */
export type AttestationKind = 'none' | 'packed-self' | 'packed' | 'fido-u2f';

type AttestationFormat = 'none' | 'packed' | 'fido-u2f';

export interface AttestationStatement {
  fmt: AttestationFormat;
  attStmt: CborMap;
}

export interface AttestationInputs {
  authData: Uint8Array;
  clientDataHash: Uint8Array;
  rpIdHash: Uint8Array;
  credentialId: Uint8Array;
  credentialAlgorithm: CoseAlgorithm;
  credentialPrivateKey: CryptoKey;
  credentialPublicKey: CryptoKey;
  /** The authenticator's attestation key and certificate (packed and fido-u2f). */
  attestationKey?: CertifiedKey;
  /** Misbehaviour: sign, then flip a byte of the signature. */
  corruptSignature?: boolean;
}

function requireAttestationKey(inputs: AttestationInputs, kind: AttestationKind): CertifiedKey {
  if (!inputs.attestationKey) throw new Error(`${kind} attestation needs an attestation key`);
  return inputs.attestationKey;
}

function finishSignature(signature: Uint8Array, inputs: AttestationInputs): Uint8Array {
  return inputs.corruptSignature ? corruptSignature(signature) : signature;
}

/** packed, self attestation: {alg, sig} signed by the credential key itself over authData || clientDataHash. */
async function packedSelfAttestation(inputs: AttestationInputs): Promise<AttestationStatement> {
  const signed = concatBytes(inputs.authData, inputs.clientDataHash);
  const sig = await signAs(inputs.credentialAlgorithm, inputs.credentialPrivateKey, signed);
  const attStmt: CborMap = new Map();
  attStmt.set('alg', inputs.credentialAlgorithm).set('sig', finishSignature(sig, inputs));
  return { fmt: 'packed', attStmt };
}

/**
 * packed, full (basic) attestation: {alg, sig, x5c} signed by the P-256 attestation key, so alg is -7 whatever the
 * credential's algorithm. x5c carries the leaf only: the authenticator's CA is the trust anchor a verifier is given
 * out of band (as it would get it from metadata), and a chain may not repeat its anchor.
 */
async function packedFullAttestation(inputs: AttestationInputs): Promise<AttestationStatement> {
  const attestationKey = requireAttestationKey(inputs, 'packed');
  const signed = concatBytes(inputs.authData, inputs.clientDataHash);
  const sig = await signAs(-7, attestationKey.privateKey, signed);
  const attStmt: CborMap = new Map();
  attStmt.set('alg', -7).set('sig', finishSignature(sig, inputs));
  attStmt.set('x5c', [new Uint8Array(attestationKey.certificate.rawData)]);
  return { fmt: 'packed', attStmt };
}

/** fido-u2f: {sig, x5c} over 0x00 || rpIdHash || clientDataHash || credentialId || 04 || x || y. */
async function fidoU2fAttestation(inputs: AttestationInputs): Promise<AttestationStatement> {
  if (inputs.credentialAlgorithm !== -7) throw new Error('fido-u2f attestation needs an ES256 credential');
  const attestationKey = requireAttestationKey(inputs, 'fido-u2f');
  const publicKeyPoint = await rawP256PublicKeyOf(inputs.credentialPublicKey);
  const signed = concatBytes(
    new Uint8Array([0x00]),
    inputs.rpIdHash,
    inputs.clientDataHash,
    inputs.credentialId,
    publicKeyPoint,
  );
  const sig = await signAs(-7, attestationKey.privateKey, signed);
  const attStmt: CborMap = new Map();
  attStmt.set('sig', finishSignature(sig, inputs)).set('x5c', [new Uint8Array(attestationKey.certificate.rawData)]);
  return { fmt: 'fido-u2f', attStmt };
}

export async function makeAttestationStatement(
  kind: AttestationKind,
  inputs: AttestationInputs,
): Promise<AttestationStatement> {
  switch (kind) {
    case 'none':
      if (inputs.corruptSignature) throw new TypeError('"none" attestation has no signature to corrupt');
      return { fmt: 'none', attStmt: new Map() };
    case 'packed-self':
      return packedSelfAttestation(inputs);
    case 'packed':
      return packedFullAttestation(inputs);
    case 'fido-u2f':
      return fidoU2fAttestation(inputs);
  }
}
