import { Decoder } from 'cbor-x';

/** Strict readers for what a WebAuthn authenticator returns, for tests that look at the bytes themselves. */

// Maps stay Maps (COSE keys have integer labels); decode() refuses trailing bytes.
const strictCbor = new Decoder({ mapsAsObjects: false, useRecords: false });

export function decodeCborStrictly(bytes: Uint8Array): unknown {
  return strictCbor.decode(bytes);
}

export interface AttestationObject {
  fmt: string;
  attStmt: Map<string, unknown>;
  authData: Uint8Array;
  /** Keys in the order they were encoded. */
  keyOrder: string[];
}

export function decodeAttestationObject(bytes: Uint8Array): AttestationObject {
  const decoded = decodeCborStrictly(bytes);
  if (!(decoded instanceof Map)) throw new Error('attestationObject is not a CBOR map');
  const fmt: unknown = decoded.get('fmt');
  const attStmt: unknown = decoded.get('attStmt');
  const authData: unknown = decoded.get('authData');
  if (typeof fmt !== 'string' || !(attStmt instanceof Map) || !(authData instanceof Uint8Array)) {
    throw new Error('attestationObject lacks fmt, attStmt or authData');
  }
  return { fmt, attStmt: attStmt as Map<string, unknown>, authData, keyOrder: [...decoded.keys()].map(String) };
}

export interface ParsedAuthenticatorData {
  rpIdHash: Uint8Array;
  flags: number;
  signCount: number;
  aaguid?: Uint8Array;
  credentialId?: Uint8Array;
  credentialPublicKey?: Uint8Array;
}

export function parseAuthenticatorData(bytes: Uint8Array): ParsedAuthenticatorData {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parsed: ParsedAuthenticatorData = {
    rpIdHash: bytes.subarray(0, 32),
    flags: view.getUint8(32),
    signCount: view.getUint32(33, false),
  };
  if ((parsed.flags & 0x40) === 0) {
    if (bytes.length !== 37) throw new Error('authenticator data without AT must be 37 bytes here');
    return parsed;
  }
  const credentialIdLength = view.getUint16(53, false);
  parsed.aaguid = bytes.subarray(37, 53);
  parsed.credentialId = bytes.subarray(55, 55 + credentialIdLength);
  parsed.credentialPublicKey = bytes.subarray(55 + credentialIdLength);
  // No extensions are sent, so the COSE key must be exactly the rest (strict decoding throws on leftovers).
  decodeCborStrictly(parsed.credentialPublicKey);
  return parsed;
}
