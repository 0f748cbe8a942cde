import { concatBytes, uint16BigEndian, uint32BigEndian } from '../encoding/bytes.js';

/** authenticatorData flag bits (WebAuthn "Authenticator Data"). */
const AUTHENTICATOR_DATA_FLAG = {
  userPresent: 0x01,
  userVerified: 0x04,
  backupEligible: 0x08,
  backupState: 0x10,
  attestedCredentialData: 0x40,
  extensionData: 0x80,
} as const;

interface AttestedCredentialData {
  aaguid: Uint8Array;
  credentialId: Uint8Array;
  /** COSE_Key, CTAP2 canonical CBOR. */
  credentialPublicKey: Uint8Array;
}

export interface AuthenticatorDataFields {
  rpIdHash: Uint8Array;
  userPresent: boolean;
  userVerified: boolean;
  signCount: number;
  /** Present on registration only; sets the AT flag. */
  attestedCredentialData?: AttestedCredentialData;
}

/** aaguid(16) || credentialIdLength(2, big-endian) || credentialId || credentialPublicKey */
function encodeAttestedCredentialData(data: AttestedCredentialData): Uint8Array<ArrayBuffer> {
  if (data.aaguid.byteLength !== 16) throw new RangeError('An AAGUID is 16 bytes');
  if (data.credentialId.byteLength > 1023) throw new RangeError('A credential ID is at most 1023 bytes');
  return concatBytes(
    data.aaguid,
    uint16BigEndian(data.credentialId.byteLength),
    data.credentialId,
    data.credentialPublicKey,
  );
}

function authenticatorDataFlags(fields: AuthenticatorDataFields): number {
  let flags = 0;
  if (fields.userPresent) flags |= AUTHENTICATOR_DATA_FLAG.userPresent;
  if (fields.userVerified) flags |= AUTHENTICATOR_DATA_FLAG.userVerified;
  if (fields.attestedCredentialData) flags |= AUTHENTICATOR_DATA_FLAG.attestedCredentialData;
  return flags;
}

/** rpIdHash(32) || flags(1) || signCount(4, big-endian) || [attestedCredentialData] */
export function encodeAuthenticatorData(fields: AuthenticatorDataFields): Uint8Array<ArrayBuffer> {
  if (fields.rpIdHash.byteLength !== 32) throw new RangeError('rpIdHash is 32 bytes');
  const attested = fields.attestedCredentialData
    ? encodeAttestedCredentialData(fields.attestedCredentialData)
    : new Uint8Array(0);
  return concatBytes(
    fields.rpIdHash,
    new Uint8Array([authenticatorDataFlags(fields)]),
    uint32BigEndian(fields.signCount),
    attested,
  );
}
