import { base32nopad } from '@scure/base';
import { copyBytes, hexToBytes } from '../encoding/bytes.js';

/** How a string secret is written. */
export type OtpSecretEncoding = 'base32' | 'base64' | 'hex' | 'ascii';

const OTP_SECRET_ENCODINGS: readonly OtpSecretEncoding[] = ['base32', 'base64', 'hex', 'ascii'];

export function isOtpSecretEncoding(value: string): value is OtpSecretEncoding {
  return (OTP_SECRET_ENCODINGS as readonly string[]).includes(value);
}

function decodeBase32(text: string): Uint8Array<ArrayBuffer> {
  // Authenticator apps accept lower case, spaces and missing padding; so does this.
  return copyBytes(base32nopad.decode(text.replace(/\s+/g, '').replace(/=+$/, '').toUpperCase()));
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) throw new TypeError('The secret is not base64');
  return copyBytes(Buffer.from(compact, 'base64'));
}

function decodeAscii(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[\x00-\x7f]*$/.test(text)) throw new TypeError('The secret is not ASCII');
  return copyBytes(Buffer.from(text, 'ascii'));
}

/** The secret's key bytes: a Uint8Array as is, a string decoded per `encoding` (default base32). */
export function decodeOtpSecret(secret: Uint8Array | string, encoding: OtpSecretEncoding = 'base32'): Uint8Array<ArrayBuffer> {
  if (typeof secret !== 'string') return copyBytes(secret);
  switch (encoding) {
    case 'base32':
      return decodeBase32(secret);
    case 'base64':
      return decodeBase64(secret);
    case 'hex':
      return hexToBytes(secret.replace(/\s+/g, ''));
    case 'ascii':
      return decodeAscii(secret);
  }
}
