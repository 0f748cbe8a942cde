import { copyBytes } from './bytes.js';

/**
 * base64url (RFC 4648 section 5) without padding: WebAuthn's JSON forms and U2F's "websafe base64" are the same
 * encoding.
 */

const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*={0,2}$/;

export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Decodes base64url, with or without padding. Throws a TypeError on anything else, as a browser would. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const unpadded = text.replace(/=+$/, '');
  if (!BASE64URL_PATTERN.test(text) || unpadded.length % 4 === 1) {
    throw new TypeError(`Not a base64url string: "${text}"`);
  }
  return copyBytes(Buffer.from(unpadded, 'base64url'));
}
