import { base32nopad } from '@scure/base';

/** How a shared secret is written (a Custom TOTP factor profile's `sharedSecretEncoding`). */
export type SharedSecretEncoding = 'hex' | 'base32' | 'base64';

/**
 * Decoding shared secrets handed to the org (Custom TOTP `profile.sharedSecret`, token-service
 * seeds). Strict: anything that is not exactly the encoding is refused (null), never guessed at.
 */

export function decodeHex(text: string): Uint8Array | null {
  if (text.length === 0 || text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(text)) return null;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** RFC 4648 base32; case, spaces and `=` padding are forgiven, as authenticator apps forgive them. */
function decodeBase32(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  if (clean.length === 0) return null;
  try {
    return base32nopad.decode(clean);
  } catch {
    // not base32, or a length or trailing bits no byte string encodes to
    return null;
  }
}

function decodeBase64(text: string): Uint8Array | null {
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
