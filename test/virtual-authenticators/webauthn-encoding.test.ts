import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../virtual-authenticators/encoding/base64url.js';
import { encodeCoseKey } from '../../virtual-authenticators/crypto/cose.js';
import { encodeAttestationObject } from '../../virtual-authenticators/webauthn/attestation-object.js';
import { encodeAuthenticatorData } from '../../virtual-authenticators/webauthn/authenticator-data.js';
import { serializeClientData } from '../../virtual-authenticators/webauthn/client-data.js';
import { decodeAttestationObject, decodeCborStrictly, parseAuthenticatorData } from './helpers/webauthn-bytes.js';
import {
  W3C_FIDO_U2F_ES256 as U2F_VECTOR,
  W3C_NONE_ES256_ATTESTATION_OBJECT,
  W3C_PACKED_EDDSA_ATTESTATION_OBJECT,
} from './fixtures/spec-vectors.js';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const EXAMPLE_ORG_HASH = 'bfabc37432958b063360d3ad6461c9c4735ae7f8edd46592a5e0f01452b2e4b5';

function coseKeyOfVector(attestationObjectHex: string): { coseKey: Uint8Array; label: (n: number) => string } {
  const coseKey = parseAuthenticatorData(decodeAttestationObject(hex(attestationObjectHex)).authData).credentialPublicKey!;
  const map = decodeCborStrictly(coseKey) as Map<number, Uint8Array>;
  return { coseKey, label: (n) => toBase64Url(map.get(n)!) };
}

describe('base64url (websafe base64)', () => {
  it('decodes the U2F spec challenge and encodes it back without padding', () => {
    const bytes = fromBase64Url('vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo');
    expect(toHex(bytes)).toBe('beaad2e965c37b5254b39fdcde2e3e2e42881d1afedd755bddacee0394e27c7a');
    expect(toBase64Url(bytes)).toBe('vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo');
    expect(toHex(fromBase64Url('AQI='))).toBe('0102');
  });

  it('refuses standard base64 characters and impossible lengths', () => {
    expect(() => fromBase64Url('ab+/')).toThrow(TypeError);
    expect(() => fromBase64Url('abcde')).toThrow(TypeError);
  });
});

describe('W3C WebAuthn L3 test vectors, re-encoded byte for byte', () => {
  it('COSE_Key for ES256 (none.ES256) from its JWK coordinates', () => {
    const { coseKey, label } = coseKeyOfVector(W3C_NONE_ES256_ATTESTATION_OBJECT);
    expect(toHex(encodeCoseKey(-7, { kty: 'EC', crv: 'P-256', x: label(-2), y: label(-3) }))).toBe(toHex(coseKey));
  });

  it('COSE_Key for EdDSA (packed.EdDSA) from its JWK coordinate', () => {
    const { coseKey, label } = coseKeyOfVector(W3C_PACKED_EDDSA_ATTESTATION_OBJECT);
    expect(toHex(coseKey)).toMatch(/^a4010103272006215820/);
    expect(toHex(encodeCoseKey(-8, { kty: 'OKP', crv: 'Ed25519', x: label(-2) }))).toBe(toHex(coseKey));
  });

  it('authenticatorData with attested credential data (fido-u2f.ES256) and without (its assertion)', () => {
    const vectorAuthData = decodeAttestationObject(hex(U2F_VECTOR.attestationObject)).authData;
    const { coseKey } = coseKeyOfVector(U2F_VECTOR.attestationObject);
    const rpIdHash = new Uint8Array(createHash('sha256').update('example.org').digest());
    expect(toHex(rpIdHash)).toBe(EXAMPLE_ORG_HASH);
    const registration = encodeAuthenticatorData({
      rpIdHash,
      userPresent: true,
      userVerified: false,
      signCount: 0,
      attestedCredentialData: { aaguid: hex(U2F_VECTOR.aaguid), credentialId: hex(U2F_VECTOR.credentialId), credentialPublicKey: coseKey },
    });
    expect(toHex(registration)).toBe(toHex(vectorAuthData));
    const assertion = encodeAuthenticatorData({ rpIdHash, userPresent: true, userVerified: false, signCount: 0 });
    expect(toHex(assertion)).toBe(U2F_VECTOR.assertionAuthenticatorData);
  });

  it('clientDataJSON (fido-u2f.ES256, no extraData)', () => {
    const clientData = serializeClientData({
      type: 'webauthn.create',
      challenge: toBase64Url(hex(U2F_VECTOR.challenge)),
      origin: 'https://example.org',
    });
    expect(toHex(clientData)).toBe(U2F_VECTOR.clientDataJSON);
  });

  it('attestationObject for none.ES256 and fido-u2f.ES256 (fmt, attStmt, authData; Maps in vector key order)', () => {
    const none = decodeAttestationObject(hex(W3C_NONE_ES256_ATTESTATION_OBJECT));
    expect(toHex(encodeAttestationObject({ fmt: 'none', attStmt: new Map() }, none.authData))).toBe(W3C_NONE_ES256_ATTESTATION_OBJECT);

    const u2f = decodeAttestationObject(hex(U2F_VECTOR.attestationObject));
    const attStmt = new Map<string, Uint8Array | Uint8Array[]>([
      ['sig', u2f.attStmt.get('sig') as Uint8Array],
      ['x5c', u2f.attStmt.get('x5c') as Uint8Array[]],
    ]);
    expect(toHex(encodeAttestationObject({ fmt: 'fido-u2f', attStmt }, u2f.authData))).toBe(U2F_VECTOR.attestationObject);
  });
});
