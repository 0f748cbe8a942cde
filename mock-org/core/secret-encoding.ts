/** How a shared secret is written (a Custom TOTP factor profile's `sharedSecretEncoding`). */
export type SharedSecretEncoding = 'hex' | 'base32' | 'base64';

/**
 * Decoding shared secrets handed to the org (Custom TOTP `profile.sharedSecret`, token-service
 * seeds). Strict: anything that is not exactly the encoding is refused (null), never guessed at.
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function decodeHex(text: string): Uint8Array | null {
  if (text.length === 0 || text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** RFC 4648 base32; case, spaces and `=` padding are forgiven, as authenticator apps forgive them. */
export function decodeBase32(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  if (clean.length === 0) return null;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

export function decodeBase64(text: string): Uint8Array | null {
  if (text.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function decodeSecret(text: string, encoding: SharedSecretEncoding): Uint8Array | null {
  switch (encoding) {
    case 'hex':
      return decodeHex(text);
    case 'base32':
      return decodeBase32(text);
    case 'base64':
      return decodeBase64(text);
  }
}
