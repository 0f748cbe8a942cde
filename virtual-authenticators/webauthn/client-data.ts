import { utf8Bytes } from '../encoding/bytes.js';

export type ClientDataType = 'webauthn.create' | 'webauthn.get';

export interface CollectedClientData {
  type: ClientDataType;
  /** base64url of the RP's challenge bytes. */
  challenge: string;
  origin: string;
}

/**
 * clientDataJSON as the W3C serialization writes it: type, challenge, origin, crossOrigin, in that order, no spaces.
 * The virtual browser is always top-level, so crossOrigin is false and there is no topOrigin.
 */
export function serializeClientData(clientData: CollectedClientData): Uint8Array<ArrayBuffer> {
  const ordered = {
    type: clientData.type,
    challenge: clientData.challenge,
    origin: clientData.origin,
    crossOrigin: false,
  };
  return utf8Bytes(JSON.stringify(ordered));
}
