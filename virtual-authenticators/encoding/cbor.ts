import { Encoder } from 'cbor-x';

/**
 * CBOR as CTAP2 writes it: definite-length maps with the header sized to fit, byte strings untagged, and no cbor-x
 * extensions (records, tag 259 for Maps). Callers build `Map`s so key order is explicit.
 */
const ctap2Encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  variableMapSize: true,
  tagUint8Array: false,
});

export type CborValue = number | string | boolean | Uint8Array | readonly CborValue[] | CborMap;
export type CborMap = Map<number | string, CborValue>;

export function encodeCbor(value: CborValue): Uint8Array<ArrayBuffer> {
  return new Uint8Array(ctap2Encoder.encode(value));
}
