import { createHash, randomBytes } from 'node:crypto';

/**
 * The byte strings FIDO factors exchange. [F] calls them "base64-encoded": its U2F examples are websafe base64
 * (as the U2F JavaScript API returns them) and its WebAuthn examples standard base64 with padding (as the Sign-In
 * Widget's CryptoUtil.binToStr writes them). The org takes either alphabet, padded or not, but not a mix of both.
 */
const STANDARD = /^[A-Za-z0-9+/]+={0,2}$/;
const WEBSAFE = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes of a base64 or websafe-base64 string; null when it is neither. */
export function decodeBase64(text: string): Buffer | null {
  if (!STANDARD.test(text) && !WEBSAFE.test(text)) return null;
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  if (bare.length !== text.length && text.length % 4 !== 0) return null;
  return Buffer.from(bare.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** websafe base64 without padding (U2F key handles, WebAuthn credential ids and challenges). */
export const websafe = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

export const sha256 = (bytes: Uint8Array | string): Buffer => createHash('sha256').update(bytes).digest();

/**
 * A fresh challenge: 15 random bytes, websafe, so 20 characters like Okta's nonces, and a string the client may
 * decode as base64url and encode again without change (WebAuthn's clientData.challenge).
 */
export const newChallenge = (): string => websafe(randomBytes(15));

/** The JSON object a client data string holds; null when it is not one. */
export function parseClientData(bytes: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
