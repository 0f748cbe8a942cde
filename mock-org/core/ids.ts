import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random alphanumeric string (rejection sampling, so every character is equally likely). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** An Okta-style id: a type prefix padded with random characters to 20 characters. */
export function oktaId(prefix: string): string {
  return prefix + randomAlphanumeric(20 - prefix.length);
}

/** The support id Okta puts in `errorId`. */
export function errorId(): string {
  return 'oae' + randomAlphanumeric(22);
}
