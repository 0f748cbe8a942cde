import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The CSPRNG is asked for a pool of bytes at a time: a call costs about as much for 4 KiB as for the 44 bytes of
 * one id, and the mock makes an id or an errorId on most requests (node's randomUUID pools the same way).
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

function randomByte(): number {
  if (used === pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  return pool.readUInt8(used++);
}

/** Random alphanumeric string (rejection sampling, so every character is equally likely). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = randomByte();
    if (byte < 248) out += ALPHABET[byte % 62];
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
