import { encodeCbor } from '../encoding/cbor.js';
import type { CborMap } from '../encoding/cbor.js';
import type { AttestationStatement } from './attestation.js';

/** The attestationObject CBOR map, keys in CTAP2 canonical order: fmt, attStmt, authData. */
export function encodeAttestationObject(statement: AttestationStatement, authData: Uint8Array): Uint8Array<ArrayBuffer> {
  const attestationObject: CborMap = new Map();
  attestationObject.set('fmt', statement.fmt).set('attStmt', statement.attStmt).set('authData', authData);
  return encodeCbor(attestationObject);
}
