/**
 * ASN.1 DER Ecdsa-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }) to WebCrypto's raw r||s, written here independently of
 * the package's own encoder so that a bug on one side cannot cancel out on the other.
 */
export function derEcdsaSignatureToRaw(der: Uint8Array, coordinateLength = 32): Uint8Array<ArrayBuffer> {
  let offset = 0;
  const expect = (tag: number) => {
    if (der[offset] !== tag) throw new Error(`DER: expected tag 0x${tag.toString(16)} at ${offset}`);
    offset += 1;
  };
  const readLength = (): number => {
    const first = der[offset++] ?? 0;
    if (first < 0x80) return first;
    if (first === 0x81) return der[offset++] ?? 0;
    throw new Error('DER: unexpected length form for an ECDSA signature');
  };
  const readInteger = (): Uint8Array => {
    expect(0x02);
    const length = readLength();
    let value = der.subarray(offset, offset + length);
    offset += length;
    while (value.length > coordinateLength && value[0] === 0) value = value.subarray(1);
    if (value.length > coordinateLength) throw new Error('DER: integer longer than the curve');
    const padded = new Uint8Array(coordinateLength);
    padded.set(value, coordinateLength - value.length);
    return padded;
  };
  expect(0x30);
  const sequenceLength = readLength();
  if (offset + sequenceLength !== der.length) throw new Error('DER: sequence length does not match the signature length');
  const r = readInteger();
  const s = readInteger();
  if (offset !== der.length) throw new Error('DER: trailing bytes after s');
  const raw = new Uint8Array(2 * coordinateLength);
  raw.set(r, 0);
  raw.set(s, coordinateLength);
  return raw;
}
