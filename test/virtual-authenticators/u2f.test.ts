import { X509Certificate, createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { U2F_ERROR_CODE, U2F_SIGN_TAMPERS, U2fError, U2fToken } from '../../virtual-authenticators/index.js';
import type { U2fRegistrationTamper, U2fSignTamper } from '../../virtual-authenticators/index.js';
import {
  authenticationSignedBytes,
  encodeAuthenticationResponse,
  encodeRegistrationResponse,
  registrationSignedBytes,
} from '../../virtual-authenticators/u2f/u2f-messages.js';
import { derEcdsaSignatureToRaw } from './helpers/der-ecdsa.js';
import { parseRegistrationData, parseSignatureData } from './helpers/u2f-raw-messages.js';
import { verifyU2fRegistration, verifyU2fSignature } from './helpers/u2f-relying-party.js';
import { U2F_AUTHENTICATION_EXAMPLE as AUTH, U2F_REGISTRATION_EXAMPLE as REG } from './fixtures/spec-vectors.js';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const sha256 = (data: string | Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const websafe = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unwebsafe = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

const APP_ID = 'https://acme.okta.com';
const CHALLENGE = 'vqrS6WXDe1JUs5_c3i4-LkKIHRr-3XVb3azuA5TifHo';

describe('U2F raw messages: the spec example, byte for byte', () => {
  it('parses the 522-byte registration response back into its fields', () => {
    const parsed = parseRegistrationData(hex(REG.registrationResponse));
    expect(parsed.reservedByte).toBe(0x05);
    expect(toHex(parsed.userPublicKey)).toBe(REG.userPublicKey);
    expect(toHex(parsed.keyHandle)).toBe(REG.keyHandle);
    expect(parsed.attestationCertificate).toHaveLength(320);
    expect(toHex(parsed.attestationCertificate)).toBe(REG.attestationCertificate);
    expect(toHex(parsed.signature)).toBe(REG.signature);
  });

  it('builds the same signed bytes and response from the same fields', () => {
    expect(toHex(sha256(REG.appId))).toBe(REG.applicationParameter);
    expect(toHex(sha256(REG.clientData))).toBe(REG.challengeParameter);
    const signed = registrationSignedBytes({
      applicationParameter: hex(REG.applicationParameter),
      challengeParameter: hex(REG.challengeParameter),
      keyHandle: hex(REG.keyHandle),
      userPublicKey: hex(REG.userPublicKey),
    });
    expect(toHex(signed)).toBe(REG.signedBytes);
    const response = encodeRegistrationResponse({
      userPublicKey: hex(REG.userPublicKey),
      keyHandle: hex(REG.keyHandle),
      attestationCertificate: hex(REG.attestationCertificate),
      signature: hex(REG.signature),
    });
    expect(toHex(response)).toBe(REG.registrationResponse);
  });

  it('verifies the example registration signature with the certificate key (WebCrypto, DER -> raw)', async () => {
    const certificate = new X509Certificate(hex(REG.attestationCertificate));
    const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
    const key = await webcrypto.subtle.importKey('spki', spki, P256, true, ['verify']);
    const raw = await webcrypto.subtle.exportKey('raw', key);
    expect(toHex(new Uint8Array(raw))).toBe(REG.attestationPublicKey);
    expect(await webcrypto.subtle.verify(ES256, key, derEcdsaSignatureToRaw(hex(REG.signature)), hex(REG.signedBytes))).toBe(true);
  });

  it('builds the authentication signed bytes and response, and the example signature verifies', async () => {
    expect(toHex(sha256(AUTH.appId))).toBe(AUTH.applicationParameter);
    expect(toHex(sha256(AUTH.clientData))).toBe(AUTH.challengeParameter);
    const signed = authenticationSignedBytes({
      applicationParameter: hex(AUTH.applicationParameter),
      userPresence: 0x01,
      counter: 1,
      challengeParameter: hex(AUTH.challengeParameter),
    });
    expect(toHex(signed)).toBe(AUTH.signedBytes);
    expect(toHex(encodeAuthenticationResponse({ userPresence: 0x01, counter: 1, signature: hex(AUTH.signature) }))).toBe(
      AUTH.authenticationResponse,
    );
    const parsed = parseSignatureData(hex(AUTH.authenticationResponse));
    expect(parsed).toMatchObject({ userPresence: 1, counter: 1 });
    const key = await webcrypto.subtle.importKey('raw', hex(AUTH.userPublicKey), P256, false, ['verify']);
    expect(await webcrypto.subtle.verify(ES256, key, derEcdsaSignatureToRaw(parsed.signature), signed)).toBe(true);
  });
});

describe('U2fToken', () => {
  it('registers: websafe base64 fields, the raw layout, client data, and an attestation signature that verifies', async () => {
    const token = await U2fToken.create();
    const response = await token.register({ appId: APP_ID, challenge: CHALLENGE });
    expect(response.version).toBe('U2F_V2');
    expect(response.registrationData).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(response.clientData).toMatch(/^[A-Za-z0-9_-]+$/);

    const clientDataText = Buffer.from(unwebsafe(response.clientData)).toString('utf8');
    expect(clientDataText).toBe(`{"typ":"navigator.id.finishEnrollment","challenge":"${CHALLENGE}","origin":"${APP_ID}"}`);

    const parsed = parseRegistrationData(unwebsafe(response.registrationData));
    expect(parsed.reservedByte).toBe(0x05);
    expect(parsed.userPublicKey).toHaveLength(65);
    expect(parsed.userPublicKey[0]).toBe(0x04);
    expect(parsed.keyHandle).toHaveLength(64);
    expect(toHex(parsed.attestationCertificate)).toBe(toHex(token.attestationCertificate.der));
    expect(parsed.signature.length).toBeGreaterThanOrEqual(70);
    expect(parsed.signature.length).toBeLessThanOrEqual(72);

    const verified = await verifyU2fRegistration(response, { appId: APP_ID, challenge: CHALLENGE });
    expect(verified.attestationCertificate.checkIssued(new X509Certificate(token.caCertificate.der))).toBe(true);
    expect(token.registrations).toEqual([{ keyHandle: websafe(parsed.keyHandle), appId: APP_ID, userPublicKey: parsed.userPublicKey }]);
  });

  it('signs with a rising token-wide counter, each signature verifying with the registered key', async () => {
    const token = await U2fToken.create();
    const first = await verifyU2fRegistration(await token.register({ appId: APP_ID, challenge: CHALLENGE }), { appId: APP_ID, challenge: CHALLENGE });
    const second = await verifyU2fRegistration(await token.register({ appId: APP_ID, challenge: CHALLENGE }), { appId: APP_ID, challenge: CHALLENGE });
    let lastCounter = 0;
    for (let i = 1; i <= 4; i++) {
      const registration = i % 2 === 1 ? first : second;
      const challenge = websafe(sha256(`challenge ${i}`));
      const response = await token.sign({ appId: APP_ID, challenge, keyHandle: websafe(registration.keyHandle) });
      expect(response.keyHandle).toBe(websafe(registration.keyHandle));
      expect(JSON.parse(Buffer.from(unwebsafe(response.clientData)).toString('utf8'))).toEqual({
        typ: 'navigator.id.getAssertion',
        challenge,
        origin: APP_ID,
      });
      const { counter } = await verifyU2fSignature(response, { appId: APP_ID, challenge, userPublicKey: registration.userPublicKey, lastCounter });
      expect(counter).toBe(i);
      lastCounter = counter;
    }
    expect(token.counter).toBe(4);
  });

  it('uses a separate facet as client data origin when given one', async () => {
    const token = await U2fToken.create();
    const appId = 'https://acme.okta.com/app-id.json';
    const response = await token.register({ appId, challenge: CHALLENGE, origin: 'https://acme.okta.com' });
    await expect(verifyU2fRegistration(response, { appId, challenge: CHALLENGE, origin: 'https://acme.okta.com' })).resolves.toBeDefined();
  });

  it('answers DEVICE_INELIGIBLE (4) for an unknown key handle, another appId, or an already registered token', async () => {
    const token = await U2fToken.create();
    const { keyHandle } = await verifyU2fRegistration(await token.register({ appId: APP_ID, challenge: CHALLENGE }), { appId: APP_ID, challenge: CHALLENGE });
    const ineligible = { name: 'U2fError', errorCode: U2F_ERROR_CODE.DEVICE_INELIGIBLE };
    await expect(token.sign({ appId: APP_ID, challenge: CHALLENGE, keyHandle: websafe(new Uint8Array(64)) })).rejects.toMatchObject(ineligible);
    await expect(token.sign({ appId: 'https://other.example', challenge: CHALLENGE, keyHandle: websafe(keyHandle) })).rejects.toMatchObject(ineligible);
    await expect(
      token.register({ appId: APP_ID, challenge: CHALLENGE, registeredKeys: [{ keyHandle: websafe(keyHandle) }] }),
    ).rejects.toMatchObject(ineligible);
    await expect(token.sign({ appId: APP_ID, challenge: CHALLENGE, keyHandle: websafe(new Uint8Array(64)) })).rejects.toBeInstanceOf(U2fError);
    await expect(token.sign({ appId: APP_ID, challenge: CHALLENGE, keyHandle: 'not base64!' })).rejects.toMatchObject({
      errorCode: U2F_ERROR_CODE.BAD_REQUEST,
    });
  });

  describe('misbehaviour, each rejected by a relying party', () => {
    const registrationCases: [U2fRegistrationTamper, RegExp][] = [
      ['wrong-origin', /origin/],
      ['wrong-type', /typ/],
      ['wrong-challenge', /challenge/],
      ['wrong-app-id', /signature/],
      ['bad-signature', /signature/],
    ];
    it.each(registrationCases)('registration %s', async (tamper, reason) => {
      const token = await U2fToken.create();
      const response = await token.register({ appId: APP_ID, challenge: CHALLENGE }, { tamper });
      await expect(verifyU2fRegistration(response, { appId: APP_ID, challenge: CHALLENGE })).rejects.toThrow(reason);
    });

    const signReasons: Record<U2fSignTamper, RegExp> = {
      'wrong-origin': /origin/,
      'wrong-type': /typ/,
      'wrong-challenge': /challenge/,
      'wrong-app-id': /signature/,
      'bad-signature': /signature/,
      'counter-regression': /counter/,
      'no-user-presence': /presence/,
    };
    it.each(U2F_SIGN_TAMPERS.map((tamper) => [tamper, signReasons[tamper]] as const))('signature %s', async (tamper, reason) => {
      const token = await U2fToken.create();
      const registration = await verifyU2fRegistration(await token.register({ appId: APP_ID, challenge: CHALLENGE }), { appId: APP_ID, challenge: CHALLENGE });
      const request = { appId: APP_ID, challenge: CHALLENGE, keyHandle: websafe(registration.keyHandle) };
      const expected = { appId: APP_ID, challenge: CHALLENGE, userPublicKey: registration.userPublicKey };
      // Two genuine signatures first, so that a regression has somewhere to go back to.
      await verifyU2fSignature(await token.sign(request), { ...expected, lastCounter: 0 });
      await verifyU2fSignature(await token.sign(request), { ...expected, lastCounter: 1 });
      const tampered = await token.sign(request, { tamper });
      await expect(verifyU2fSignature(tampered, { ...expected, lastCounter: 2 })).rejects.toThrow(reason);
      if (tamper === 'counter-regression') {
        expect(parseSignatureData(unwebsafe(tampered.signatureData)).counter).toBe(1);
        expect(token.counter).toBe(2);
      }
      // The token itself is unharmed: the next genuine signature verifies.
      const lastCounter = token.counter - 1;
      await expect(verifyU2fSignature(await token.sign(request), { ...expected, lastCounter })).resolves.toBeDefined();
    });
  });
});
