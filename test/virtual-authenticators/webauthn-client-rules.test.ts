import { createHash } from 'node:crypto';
import { generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { describe, expect, it } from 'vitest';
import { WebAuthnAuthenticator } from '../../virtual-authenticators/index.js';
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '../../virtual-authenticators/index.js';
import { parseAuthenticatorData } from './helpers/webauthn-bytes.js';

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const clientDataOf = (encoded: string) => JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<string, unknown>;

function creationOptions(overrides: Partial<PublicKeyCredentialCreationOptionsJSON> = {}): PublicKeyCredentialCreationOptionsJSON {
  return {
    rp: { name: 'Example', id: 'example.org' },
    user: { id: 'dXNlci0x', name: 'alice', displayName: 'Alice' },
    challenge: 'Y2hhbGxlbmdlLTE',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    ...overrides,
  };
}

function requestOptions(overrides: Partial<PublicKeyCredentialRequestOptionsJSON> = {}): PublicKeyCredentialRequestOptionsJSON {
  return { challenge: 'Y2hhbGxlbmdlLTI', rpId: 'example.org', ...overrides };
}

describe('RP ID rules', () => {
  it.each([
    ['https://example.org', undefined, 'example.org'],
    ['https://login.example.org', 'example.org', 'example.org'],
    ['https://login.example.org:8443', undefined, 'login.example.org'],
    ['http://localhost:3000', undefined, 'localhost'],
    ['https://acme.co.uk', 'acme.co.uk', 'acme.co.uk'],
  ] as const)('origin %s with rp.id %s registers for %s', async (origin, rpId, effective) => {
    const authenticator = await WebAuthnAuthenticator.create();
    const registration = await authenticator.createCredential(
      creationOptions({ rp: rpId === undefined ? { name: 'Example' } : { name: 'Example', id: rpId } }),
      origin,
    );
    const authData = parseAuthenticatorData(fromBase64Url(registration.response.authenticatorData));
    expect(toHex(authData.rpIdHash)).toBe(sha256Hex(effective));
    expect(clientDataOf(registration.response.clientDataJSON).origin).toBe(new URL(origin).origin);
    expect(authenticator.credentials[0]!.rpId).toBe(effective);
  });

  it.each([
    ['https://example.org', 'other.org', 'not a registrable domain suffix'],
    ['https://login.example.org', 'xample.org', 'not a registrable domain suffix'],
    ['https://login.example.org', 'login.example.org.evil', 'not a registrable domain suffix'],
    ['https://example.org', 'org', 'not a registrable domain suffix'],
    ['https://acme.co.uk', 'co.uk', 'not a registrable domain suffix'],
    ['http://example.org', undefined, 'not a secure context'],
    ['https://192.0.2.1', undefined, 'IP address'],
  ] as const)('origin %s with RP ID %s is a SecurityError (%s)', async (origin, rpId, message) => {
    const authenticator = await WebAuthnAuthenticator.create();
    const rp = rpId === undefined ? { name: 'Example' } : { name: 'Example', id: rpId };
    await expect(authenticator.createCredential(creationOptions({ rp }), origin)).rejects.toMatchObject({
      name: 'SecurityError',
      message: expect.stringContaining(message),
    });
    const assertion = authenticator.getAssertion(requestOptions(rpId === undefined ? {} : { rpId }), origin);
    await expect(assertion).rejects.toMatchObject({ name: 'SecurityError' });
  });
});

describe("Okta's activation object", () => {
  it('registers with rp carrying only a name, a base64url user.id and challenge, and extra members, verified for the org host', async () => {
    // As Okta's `_embedded.activation` for a webauthn factor looks (extra members such as u2fParams are ignored).
    const activation = {
      attestation: 'direct',
      authenticatorSelection: { userVerification: 'preferred', requireResidentKey: false },
      challenge: 'cdsZ1XuGQyVSY0Yp0hCN',
      excludeCredentials: [],
      pubKeyCredParams: [
        { type: 'public-key', alg: -7 },
        { type: 'public-key', alg: -257 },
      ],
      rp: { name: 'Acme' },
      user: { displayName: 'Alice Example', name: 'alice@acme.example', id: '00u15s1KDETTQMQYABRL' },
      u2fParams: { appid: 'https://acme.okta.com' },
    } as const;
    const authenticator = await WebAuthnAuthenticator.create({ attestation: 'packed-self' });
    const registration = await authenticator.createCredential(
      { ...activation, pubKeyCredParams: [...activation.pubKeyCredParams], excludeCredentials: [] },
      'https://acme.okta.com',
    );
    expect(clientDataOf(registration.response.clientDataJSON)).toEqual({
      type: 'webauthn.create',
      challenge: 'cdsZ1XuGQyVSY0Yp0hCN',
      origin: 'https://acme.okta.com',
      crossOrigin: false,
    });
    const verification = await verifyRegistrationResponse({
      response: registration,
      expectedChallenge: activation.challenge,
      expectedOrigin: 'https://acme.okta.com',
      expectedRPID: 'acme.okta.com',
    });
    expect(verification.verified).toBe(true);
    expect(authenticator.credentials[0]!.userHandle).toBe(activation.user.id);

    // Okta's verify challenge gives challenge and (for the factor) the credential id; the RP ID is again the host.
    const assertion = await authenticator.getAssertion(
      { challenge: 'kwM5rIwrMuHYRn9eZzkx', allowCredentials: [{ type: 'public-key', id: registration.id }], extensions: { appid: 'https://acme.okta.com' } },
      'https://acme.okta.com',
    );
    expect(assertion.clientExtensionResults).toEqual({ appid: false });
    expect(assertion.response.userHandle).toBe(activation.user.id);
    const result = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: 'kwM5rIwrMuHYRn9eZzkx',
      expectedOrigin: 'https://acme.okta.com',
      expectedRPID: 'acme.okta.com',
      credential: verification.registrationInfo!.credential,
    });
    expect(result.verified).toBe(true);
  });
});

describe('excludeCredentials and allowCredentials', () => {
  it('refuses to register again when one of its credentials is excluded (InvalidStateError), only for the same RP ID', async () => {
    const authenticator = await WebAuthnAuthenticator.create();
    const first = await authenticator.createCredential(creationOptions(), 'https://example.org');
    const excluded = [{ type: 'public-key', id: first.id }];
    await expect(authenticator.createCredential(creationOptions({ excludeCredentials: excluded }), 'https://example.org')).rejects.toMatchObject({
      name: 'InvalidStateError',
    });
    const unknown = [{ type: 'public-key', id: 'AAAAAAAAAAAAAAAAAAAAAA' }];
    await expect(authenticator.createCredential(creationOptions({ excludeCredentials: unknown }), 'https://example.org')).resolves.toBeDefined();
    const otherRp = creationOptions({ rp: { name: 'Other', id: 'other.example' }, excludeCredentials: excluded });
    await expect(authenticator.createCredential(otherRp, 'https://other.example')).resolves.toBeDefined();
    expect(authenticator.credentials).toHaveLength(3);
  });

  it('uses only a listed credential, and fails with NotAllowedError when it holds none of them', async () => {
    const authenticator = await WebAuthnAuthenticator.create();
    const first = await authenticator.createCredential(creationOptions(), 'https://example.org');
    const second = await authenticator.createCredential(creationOptions(), 'https://example.org');
    const allowSecond = await authenticator.getAssertion(
      requestOptions({ allowCredentials: [{ type: 'public-key', id: 'AAAA' }, { type: 'public-key', id: second.id }] }),
      'https://example.org',
    );
    expect(allowSecond.id).toBe(second.id);
    expect(authenticator.credentials.map((c) => c.signCount)).toEqual([0, 1]);
    const allowFirst = await authenticator.getAssertion(requestOptions({ allowCredentials: [{ type: 'public-key', id: first.id }] }), 'https://example.org');
    expect(allowFirst.id).toBe(first.id);
    await expect(
      authenticator.getAssertion(requestOptions({ allowCredentials: [{ type: 'public-key', id: 'AAAA' }] }), 'https://example.org'),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    // A credential is bound to its RP ID.
    await expect(
      authenticator.getAssertion(requestOptions({ rpId: 'other.example', allowCredentials: [{ type: 'public-key', id: first.id }] }), 'https://other.example'),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('without an allow list, uses its newest discoverable credential for the RP ID and returns its user handle', async () => {
    const authenticator = await WebAuthnAuthenticator.create();
    await authenticator.createCredential(creationOptions(), 'https://example.org');
    await expect(authenticator.getAssertion(requestOptions(), 'https://example.org')).rejects.toMatchObject({ name: 'NotAllowedError' });
    const discoverable = await authenticator.createCredential(
      creationOptions({ user: { id: 'ZGlzY292ZXJhYmxl', name: 'dora' }, authenticatorSelection: { residentKey: 'required' }, extensions: { credProps: true } }),
      'https://example.org',
    );
    expect(discoverable.clientExtensionResults).toEqual({ credProps: { rk: true } });
    const assertion = await authenticator.getAssertion(requestOptions({ allowCredentials: [] }), 'https://example.org');
    expect(assertion.id).toBe(discoverable.id);
    expect(assertion.response.userHandle).toBe('ZGlzY292ZXJhYmxl');
  });
});

describe('algorithms, user verification, attachment', () => {
  it('answers NotSupportedError when the RP does not offer its algorithm; an empty list means ES256 and RS256', async () => {
    const es256 = await WebAuthnAuthenticator.create({ algorithm: -7 });
    await expect(es256.createCredential(creationOptions({ pubKeyCredParams: [{ type: 'public-key', alg: -257 }] }), 'https://example.org')).rejects.toMatchObject({
      name: 'NotSupportedError',
    });
    await expect(es256.createCredential(creationOptions({ pubKeyCredParams: [] }), 'https://example.org')).resolves.toBeDefined();
    const eddsa = await WebAuthnAuthenticator.create({ algorithm: -8 });
    await expect(eddsa.createCredential(creationOptions({ pubKeyCredParams: [] }), 'https://example.org')).rejects.toMatchObject({
      name: 'NotSupportedError',
    });
  });

  it('sets UV when asked and able, leaves it clear when discouraged, and refuses "required" when unable', async () => {
    const flagsOf = (authenticatorData: string) => parseAuthenticatorData(fromBase64Url(authenticatorData)).flags;
    const able = await WebAuthnAuthenticator.create();
    const preferred = await able.createCredential(creationOptions(), 'https://example.org');
    expect(flagsOf(preferred.response.authenticatorData)).toBe(0x45);
    const discouraged = await able.getAssertion(requestOptions({ userVerification: 'discouraged', allowCredentials: [{ type: 'public-key', id: preferred.id }] }), 'https://example.org');
    expect(flagsOf(discouraged.response.authenticatorData)).toBe(0x01);
    const required = await able.getAssertion(requestOptions({ userVerification: 'required', allowCredentials: [{ type: 'public-key', id: preferred.id }] }), 'https://example.org');
    expect(flagsOf(required.response.authenticatorData)).toBe(0x05);

    const unable = await WebAuthnAuthenticator.create({ userVerification: false });
    const registration = await unable.createCredential(creationOptions(), 'https://example.org');
    expect(flagsOf(registration.response.authenticatorData)).toBe(0x41);
    await expect(
      unable.createCredential(creationOptions({ authenticatorSelection: { userVerification: 'required' } }), 'https://example.org'),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('is a cross-platform USB key unless told otherwise, and refuses an attachment it is not', async () => {
    const roaming = await WebAuthnAuthenticator.create();
    const registration = await roaming.createCredential(creationOptions(), 'https://example.org');
    expect(registration.authenticatorAttachment).toBe('cross-platform');
    expect(registration.response.transports).toEqual(['usb']);
    await expect(
      roaming.createCredential(creationOptions({ authenticatorSelection: { authenticatorAttachment: 'platform' } }), 'https://example.org'),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    const platform = await WebAuthnAuthenticator.create({ attachment: 'platform' });
    expect((await platform.createCredential(creationOptions(), 'https://example.org')).response.transports).toEqual(['internal']);
  });

  it('refuses configurations a U2F device cannot have, and options a browser would not parse', async () => {
    await expect(WebAuthnAuthenticator.create({ attestation: 'fido-u2f', algorithm: -257 })).rejects.toThrow(/ES256/);
    await expect(WebAuthnAuthenticator.create({ attestation: 'fido-u2f', userVerification: true })).rejects.toThrow(TypeError);
    await expect(WebAuthnAuthenticator.create({ attestation: 'fido-u2f', aaguid: '11111111-2222-3333-4444-555555555555' })).rejects.toThrow(/all-zero/);
    const authenticator = await WebAuthnAuthenticator.create({ aaguid: '11111111-2222-3333-4444-555555555555' });
    expect(authenticator.aaguid).toBe('11111111-2222-3333-4444-555555555555');
    await expect(authenticator.createCredential(creationOptions(), 'not an origin')).rejects.toThrow(/Not an origin/);
    await expect(authenticator.createCredential(creationOptions({ challenge: 'not base64url!' }), 'https://example.org')).rejects.toThrow(TypeError);
    await expect(authenticator.createCredential(creationOptions({ user: { id: 'A'.repeat(88), name: 'x' } }), 'https://example.org')).rejects.toThrow(/1 to 64 bytes/);
  });
});

describe('client data', () => {
  it('serializes type, challenge (canonical base64url), origin, crossOrigin in W3C order', async () => {
    const authenticator = await WebAuthnAuthenticator.create();
    const registration = await authenticator.createCredential(creationOptions({ challenge: 'Y2hhbGxlbmdlLTE=' }), 'https://example.org/enroll?x=1');
    expect(Buffer.from(registration.response.clientDataJSON, 'base64url').toString('utf8')).toBe(
      '{"type":"webauthn.create","challenge":"Y2hhbGxlbmdlLTE","origin":"https://example.org","crossOrigin":false}',
    );
  });

  it('accepts what generateRegistrationOptions produces, unchanged', async () => {
    const options = await generateRegistrationOptions({ rpName: 'Example', rpID: 'example.org', userName: 'alice' });
    const authenticator = await WebAuthnAuthenticator.create();
    const registration = await authenticator.createCredential(options, 'https://example.org');
    expect(clientDataOf(registration.response.clientDataJSON).challenge).toBe(options.challenge);
  });
});
