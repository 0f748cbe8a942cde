import { utf8Bytes } from '../encoding/bytes.js';

export type U2fClientDataType = 'navigator.id.finishEnrollment' | 'navigator.id.getAssertion';

/**
 * U2F client data JSON: typ, challenge (copied unchanged from the server), origin. No cid_pubkey: this client does not
 * support TLS Channel ID, which the spec expresses by leaving the member out.
 */
export function serializeU2fClientData(typ: U2fClientDataType, challenge: string, origin: string): Uint8Array<ArrayBuffer> {
  return utf8Bytes(JSON.stringify({ typ, challenge, origin }));
}
