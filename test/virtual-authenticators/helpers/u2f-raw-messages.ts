/** Parsers for the FIDO U2F raw messages, field by field, as a relying party reads them. */

export interface ParsedRegistrationData {
  reservedByte: number;
  userPublicKey: Uint8Array;
  keyHandle: Uint8Array;
  attestationCertificate: Uint8Array;
  signature: Uint8Array;
}

/** Length of the DER element at `offset`: tag, length header (short, 81 ll, or 82 hh ll), content. */
function derElementLength(bytes: Uint8Array, offset: number): number {
  const first = bytes[offset + 1] ?? 0;
  if (first < 0x80) return 2 + first;
  if (first === 0x81) return 3 + (bytes[offset + 2] ?? 0);
  if (first === 0x82) return 4 + (((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0));
  throw new Error('Unsupported DER length form');
}

export function parseRegistrationData(bytes: Uint8Array): ParsedRegistrationData {
  const reservedByte = bytes[0] ?? -1;
  const userPublicKey = bytes.subarray(1, 66);
  const keyHandleLength = bytes[66] ?? 0;
  const keyHandle = bytes.subarray(67, 67 + keyHandleLength);
  const certificateOffset = 67 + keyHandleLength;
  if (bytes[certificateOffset] !== 0x30) throw new Error('The attestation certificate is not a DER SEQUENCE');
  const certificateLength = derElementLength(bytes, certificateOffset);
  const attestationCertificate = bytes.subarray(certificateOffset, certificateOffset + certificateLength);
  const signature = bytes.subarray(certificateOffset + certificateLength);
  return { reservedByte, userPublicKey, keyHandle, attestationCertificate, signature };
}

export interface ParsedSignatureData {
  userPresence: number;
  counter: number;
  signature: Uint8Array;
}

export function parseSignatureData(bytes: Uint8Array): ParsedSignatureData {
  if (bytes.length < 5) throw new Error('Signature data is at least 5 bytes');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { userPresence: view.getUint8(0), counter: view.getUint32(1, false), signature: bytes.subarray(5) };
}
