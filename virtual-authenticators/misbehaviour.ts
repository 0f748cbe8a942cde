import { copyBytes } from './encoding/bytes.js';

/** Values the authenticators use when asked to misbehave, so that every check sees the same wrong inputs. */

/** An origin / appId / RP ID that is never the one a test uses. */
export const FOREIGN_ORIGIN = 'https://attacker.example';
export const FOREIGN_RP_ID = 'attacker.example';

/** A signature with its last byte flipped: still well-formed (DER stays parseable), no longer valid. */
export function corruptSignature(signature: Uint8Array): Uint8Array<ArrayBuffer> {
  const corrupted = copyBytes(signature);
  const last = corrupted.byteLength - 1;
  corrupted[last] = (corrupted[last] ?? 0) ^ 0xff;
  return corrupted;
}
