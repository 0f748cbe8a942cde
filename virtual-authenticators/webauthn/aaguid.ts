import { bytesToHex, copyBytes, hexToBytes } from '../encoding/bytes.js';

/** The AAGUID of this virtual authenticator model, unless the caller names another. */
export const DEFAULT_AAGUID = '6d2c8a1e-3b4f-4e7a-9c15-0f8b7d6e5a43';

export const ZERO_AAGUID = '00000000-0000-0000-0000-000000000000';

/** Accepts a UUID ("6d2c8a1e-3b4f-…", dashes optional) or 16 bytes. */
export function parseAaguid(aaguid: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = typeof aaguid === 'string' ? hexToBytes(aaguid.replaceAll('-', '')) : copyBytes(aaguid);
  if (bytes.byteLength !== 16) throw new TypeError('An AAGUID is 16 bytes');
  return bytes;
}

export function formatAaguid(aaguid: Uint8Array): string {
  const hex = bytesToHex(aaguid);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
