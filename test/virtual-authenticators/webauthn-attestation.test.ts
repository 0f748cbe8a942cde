import { X509Certificate } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { WebAuthnCredential } from '@simplewebauthn/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebAuthnAuthenticator } from '../../virtual-authenticators/index.js';
import type { AttestationKind, CoseAlgorithm, RegistrationResponseJSON } from '../../virtual-authenticators/index.js';
import { decodeAttestationObject, parseAuthenticatorData } from './helpers/webauthn-bytes.js';
import { outcomeOf } from './helpers/simplewebauthn-outcome.js';
import { useTrustedRoots } from './helpers/trusted-roots.js';

const ORIGIN = 'https://login.example.org';
const RP_ID = 'example.org';
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

const trustRoots = useTrustedRoots();

/** Trust exactly this authenticator's CA for the formats that carry a certificate chain. */
function trustOnly(authenticator: WebAuthnAuthenticator): void {
  trustRoots(authenticator.caCertificate ? [authenticator.caCertificate.pem] : []);
}

/** CTAP2 canonical COSE_Key layout per algorithm (spec table "COSE_Key encodings"). */
const COSE_KEY_SHAPE: Record<CoseAlgorithm, RegExp> = {
  [-7]: /^a5010203262001215820[0-9a-f]{64}225820[0-9a-f]{64}$/,
  [-257]: /^a401030339010020590100[0-9a-f]{512}2143010001$/,
  [-8]: /^a4010103272006215820[0-9a-f]{64}$/,
};

const MATRIX: [AttestationKind, CoseAlgorithm][] = [
  ...(['none', 'packed-self', 'packed'] as const).flatMap((attestation) =>
    ([-7, -257, -8] as const).map((algorithm): [AttestationKind, CoseAlgorithm] => [attestation, algorithm]),
  ),
  ['fido-u2f', -7],
];

// The matrix's RSA keys are made on the thread pool while its first cells run, and checked by each cell as any other.
WebAuthnAuthenticator.prepareKeys(-257, MATRIX.filter(([, algorithm]) => algorithm === -257).length);

describe.each(MATRIX)('%s attestation, COSE algorithm %i', (attestation, algorithm) => {
  const canVerifyUser = attestation !== 'fido-u2f';
  // One registration per cell, shared by the checks below (RSA key generation is the slow part of this file).
  let authenticator: WebAuthnAuthenticator;
  let registration: RegistrationResponseJSON;
  let challenge: string;
  beforeAll(async () => {
    authenticator = await WebAuthnAuthenticator.create({ attestation, algorithm });
    const options = await generateRegistrationOptions({
      rpName: 'Example',
      rpID: RP_ID,
      userName: 'alice@example.org',
      attestationType: 'direct',
      supportedAlgorithmIDs: [algorithm],
    });
    challenge = options.challenge;
    registration = await authenticator.createCredential(options, ORIGIN);
  });

  async function verifyRegistration() {
    trustOnly(authenticator);
    return verifyRegistrationResponse({
      response: registration,
      expectedChallenge: challenge,
      expectedOrigin: ORIGIN,
      expectedRPID: RP_ID,
      requireUserVerification: canVerifyUser,
      supportedAlgorithmIDs: [algorithm],
    });
  }

  it('registers, verified by SimpleWebAuthn', async () => {
    const verification = await verifyRegistration();
    expect(verification.verified).toBe(true);
    const info = verification.registrationInfo!;
    expect(info.fmt).toBe(attestation === 'packed-self' ? 'packed' : attestation);
    expect(info.aaguid).toBe(authenticator.aaguid);
    expect(info.credential.id).toBe(registration.id);
    expect(info.credential.counter).toBe(0);
    expect(info.userVerified).toBe(canVerifyUser);
    expect(info.credential.transports).toEqual(['usb']);
    expect(toHex(authenticator.credentials[0]!.publicKey)).toBe(toHex(info.credential.publicKey));
  });

  it('lays out the attestation object as the spec says', () => {
    const attestationObject = decodeAttestationObject(fromBase64Url(registration.response.attestationObject));
    expect(attestationObject.keyOrder).toEqual(['fmt', 'attStmt', 'authData']);
    expect(toHex(attestationObject.authData)).toBe(toHex(fromBase64Url(registration.response.authenticatorData)));
    expect(registration.response.publicKeyAlgorithm).toBe(algorithm);

    const authData = parseAuthenticatorData(attestationObject.authData);
    expect(authData.flags).toBe(canVerifyUser ? 0x45 : 0x41);
    expect(authData.signCount).toBe(0);
    expect(toHex(authData.credentialId!)).toBe(toHex(fromBase64Url(registration.rawId)));
    expect(toHex(authData.credentialPublicKey!)).toMatch(COSE_KEY_SHAPE[algorithm]);

    const attStmtKeys = [...attestationObject.attStmt.keys()];
    switch (attestation) {
      case 'none':
        expect(attStmtKeys).toEqual([]);
        break;
      case 'packed-self':
        expect(attStmtKeys).toEqual(['alg', 'sig']);
        expect(attestationObject.attStmt.get('alg')).toBe(algorithm);
        break;
      case 'packed':
        expect(attStmtKeys).toEqual(['alg', 'sig', 'x5c']);
        expect(attestationObject.attStmt.get('alg')).toBe(-7);
        break;
      case 'fido-u2f':
        expect(attStmtKeys).toEqual(['sig', 'x5c']);
        expect(toHex(authData.aaguid!)).toBe('00'.repeat(16));
        expect(authData.credentialId).toHaveLength(64);
        break;
    }
  });

  it('makes ten assertions with rising counters, each verified by SimpleWebAuthn', async () => {
    let credential: WebAuthnCredential = (await verifyRegistration()).registrationInfo!.credential;
    for (let expectedCounter = 1; expectedCounter <= 10; expectedCounter++) {
      const requestOptions = await generateAuthenticationOptions({
        rpID: RP_ID,
        allowCredentials: [{ id: credential.id }],
        userVerification: canVerifyUser ? 'required' : 'discouraged',
      });
      const assertion = await authenticator.getAssertion(requestOptions, ORIGIN);
      const result = await verifyAuthenticationResponse({
        response: assertion,
        expectedChallenge: requestOptions.challenge,
        expectedOrigin: ORIGIN,
        expectedRPID: RP_ID,
        credential,
        requireUserVerification: canVerifyUser,
      });
      expect(result.verified).toBe(true);
      expect(result.authenticationInfo.newCounter).toBe(expectedCounter);
      expect(result.authenticationInfo.userVerified).toBe(canVerifyUser);
      credential = { ...credential, counter: result.authenticationInfo.newCounter };
    }
    expect(authenticator.credentials).toMatchObject([{ id: registration.id, rpId: RP_ID, signCount: 10, algorithm }]);
  });
});

describe('packed full attestation certificate', () => {
  it('meets the FIDO requirements and chains to the authenticator CA only', async () => {
    const authenticator = await WebAuthnAuthenticator.create({ attestation: 'packed' });
    const registration = await authenticator.createCredential(
      {
        rp: { name: 'Example' },
        user: { id: 'dXNlci1pZA', name: 'alice' },
        challenge: 'Y2hhbGxlbmdl',
        pubKeyCredParams: [],
      },
      'https://example.org',
    );
    const { attStmt } = decodeAttestationObject(fromBase64Url(registration.response.attestationObject));
    const x5c = attStmt.get('x5c') as Uint8Array[];
    expect(x5c).toHaveLength(1);
    const leaf = new X509Certificate(x5c[0]!);
    const ca = new X509Certificate(authenticator.caCertificate!.der);
    expect(leaf.subject.split('\n')).toEqual(expect.arrayContaining(['C=US', 'OU=Authenticator Attestation']));
    expect(leaf.subject).toMatch(/^O=.+$/m);
    expect(leaf.subject).toMatch(/^CN=.+$/m);
    expect(leaf.ca).toBe(false);
    expect(ca.ca).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(authenticator.caCertificate!.pem).toContain('-----BEGIN CERTIFICATE-----');
    expect(toHex(authenticator.attestationCertificate!.der)).toBe(toHex(x5c[0]!));
    // id-fido-gen-ce-aaguid, non-critical: OID 1.3.6.1.4.1.45724.1.1.4, then OCTET STRING { OCTET STRING (16) aaguid }.
    const aaguidHex = authenticator.aaguid.replaceAll('-', '');
    expect(toHex(x5c[0]!)).toContain(`060b2b0601040182e51c01010404120410${aaguidHex}`);
  });

  it('is refused when the verifier trusts another CA', async () => {
    const authenticator = await WebAuthnAuthenticator.create({ attestation: 'packed' });
    trustOnly(await WebAuthnAuthenticator.create({ attestation: 'packed' }));
    const options = await generateRegistrationOptions({ rpName: 'Example', rpID: RP_ID, userName: 'bob', attestationType: 'direct' });
    const registration = await authenticator.createCredential(options, ORIGIN);
    const outcome = await outcomeOf(
      verifyRegistrationResponse({ response: registration, expectedChallenge: options.challenge, expectedOrigin: ORIGIN, expectedRPID: RP_ID }),
    );
    expect(outcome).toMatch(/^rejected: .*(path|chain|anchor)/i);
  });
});

describe('credential keys prepared ahead', () => {
  it('go to one credential each: credentials made from prepared keys and after them never share a key', async () => {
    WebAuthnAuthenticator.prepareKeys(-7, 2);
    const authenticator = await WebAuthnAuthenticator.create({ attestation: 'none', algorithm: -7 });
    const publicKeys: (string | undefined)[] = [];
    for (const name of ['alice', 'bob', 'carol']) {
      const options = await generateRegistrationOptions({ rpName: 'Example', rpID: RP_ID, userName: name, supportedAlgorithmIDs: [-7] });
      publicKeys.push((await authenticator.createCredential(options, ORIGIN)).response.publicKey);
    }
    expect(publicKeys.every((key) => typeof key === 'string' && key.length > 0)).toBe(true);
    expect(new Set(publicKeys).size).toBe(3);
  });
});
