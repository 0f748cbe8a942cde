import { describe, expect, test } from 'vitest';
import { sswsToken } from '../../drivers/auth/ssws.js';
import { HttpDriver } from '../../drivers/http-driver.js';
import { DEFAULT_ORIGIN } from '../../mock-org/org.js';
import { startMockOrg } from '../../mock-org/index.js';
import { U2fToken } from '../../virtual-authenticators/u2f/u2f-token.js';
import type { PublicKeyCredentialCreationOptionsJSON } from '../../virtual-authenticators/webauthn/json-types.js';
import { WebAuthnAuthenticator } from '../../virtual-authenticators/webauthn/webauthn-authenticator.js';
import { expectOktaError, useMockOrg } from './helpers.js';

/**
 * u2f and webauthn endpoints of the mock org: bad input gets the API's own errors (400 E0000001 for a missing or
 * mistyped field, 403 E0000068 for bytes that are no valid registration or assertion), never a 500, and changes
 * nothing; both base64 alphabets are taken; the org's origin reaches drivers through the control protocol.
 */

const { mock, call, newUser } = useMockOrg({ userPrefix: 'fido' });
const ORIGIN = DEFAULT_ORIGIN;

type Json = Record<string, unknown>;

const factorUrl = (userId: string, factorId: string) => `/api/v1/users/${userId}/factors/${factorId}`;

async function enroll(userId: string, factorType: 'u2f' | 'webauthn') {
  const res = await call('POST', `/api/v1/users/${userId}/factors`, { factorType, provider: 'FIDO' });
  expect(res.status).toBe(200);
  const factor = res.json as { id: string; _embedded: { activation: Json } };
  return { factorId: factor.id, activation: factor._embedded.activation };
}

/** The factor as stored, minus lastUpdated: what "nothing changed" compares. */
async function snapshot(userId: string, factorId: string) {
  const { json } = await call('GET', factorUrl(userId, factorId));
  return { status: json?.status, profile: json?.profile };
}

/** Each body is refused with a 4xx Okta error (`status`/`code` when given), never a 5xx, and the factor is unchanged. */
async function expectAllRefused(userId: string, factorId: string, path: string, bodies: [unknown, number, string][]) {
  const before = await snapshot(userId, factorId);
  for (const [body, status, code] of bodies) {
    const res = await call('POST', `${factorUrl(userId, factorId)}${path}`, body);
    expectOktaError(res, status, code);
  }
  expect(await snapshot(userId, factorId)).toEqual(before);
}

const websafe = (text: string) => Buffer.from(text).toString('base64url');

describe('u2f bad input', () => {
  test('activation: missing or mistyped fields are 400 E0000001; bytes that are no registration are 403 E0000068', async () => {
    const userId = (await newUser()).id;
    const { factorId, activation } = await enroll(userId, 'u2f');
    const token = await U2fToken.create();
    const good = await token.register({ appId: ORIGIN, challenge: String(activation.nonce) });
    const registration = Buffer.from(good.registrationData, 'base64url');
    await expectAllRefused(userId, factorId, '/lifecycle/activate', [
      [{}, 400, 'E0000001'],
      [{ clientData: good.clientData }, 400, 'E0000001'],
      [{ registrationData: { a: 1 }, clientData: good.clientData }, 400, 'E0000001'],
      [{ registrationData: good.registrationData, clientData: ['x'] }, 400, 'E0000001'],
      [{ registrationData: 'x'.repeat(70_000), clientData: good.clientData }, 400, 'E0000001'],
      [{ registrationData: '!!not base64!!', clientData: good.clientData }, 403, 'E0000068'],
      [{ registrationData: registration.subarray(0, 80).toString('base64url'), clientData: good.clientData }, 403, 'E0000068'],
      [{ registrationData: Buffer.concat([Buffer.of(0x04), registration.subarray(1)]).toString('base64url'), clientData: good.clientData }, 403, 'E0000068'],
      [{ registrationData: good.registrationData, clientData: websafe('not json') }, 403, 'E0000068'],
      [{ registrationData: good.registrationData, clientData: websafe('[1,2]') }, 403, 'E0000068'],
      [{ registrationData: 123, clientData: good.clientData }, 403, 'E0000068'],
      [{ registrationData: 'AB+/CD-_', clientData: good.clientData }, 403, 'E0000068'],
    ]);
    expect((await snapshot(userId, factorId)).status).toBe('PENDING_ACTIVATION');
    // Standard base64 with padding is taken as well as websafe.
    const res = await call('POST', `${factorUrl(userId, factorId)}/lifecycle/activate`, {
      registrationData: registration.toString('base64'),
      clientData: Buffer.from(good.clientData, 'base64url').toString('base64'),
    });
    expect(res.status).toBe(200);
    expect(res.json?.status).toBe('ACTIVE');
  });

  test('verify: a partial body is 400 E0000001; an assertion before any challenge or in bad bytes is 403; the counter is kept', async () => {
    const userId = (await newUser()).id;
    const { factorId, activation } = await enroll(userId, 'u2f');
    const token = await U2fToken.create();
    expect((await call('POST', `${factorUrl(userId, factorId)}/lifecycle/activate`, await token.register({ appId: ORIGIN, challenge: String(activation.nonce) }))).status).toBe(200);
    const keyHandle = token.registrations[0]!.keyHandle;
    const early = await token.sign({ appId: ORIGIN, challenge: 'no-challenge-issued', keyHandle });
    await expectAllRefused(userId, factorId, '/verify', [
      [{ clientData: early.clientData }, 400, 'E0000001'],
      [{ signatureData: early.signatureData, clientData: 7.5 }, 403, 'E0000068'],
      [{ clientData: early.clientData, signatureData: early.signatureData }, 403, 'E0000068'],
    ]);
    const nonce = ((await call('POST', `${factorUrl(userId, factorId)}/verify`)).json?._embedded as { challenge: { nonce: string } }).challenge.nonce;
    await expectAllRefused(userId, factorId, '/verify', [
      [{ clientData: early.clientData, signatureData: 'AQ' }, 403, 'E0000068'],
      [{ clientData: early.clientData, signatureData: '' }, 400, 'E0000001'],
    ]);
    const signed = await token.sign({ appId: ORIGIN, challenge: nonce, keyHandle });
    expect((await call('POST', `${factorUrl(userId, factorId)}/verify`, { clientData: signed.clientData, signatureData: signed.signatureData })).json?.factorResult).toBe('SUCCESS');
  });
});

describe('webauthn bad input', () => {
  async function pending() {
    const userId = (await newUser()).id;
    const { factorId, activation } = await enroll(userId, 'webauthn');
    const authenticator = await WebAuthnAuthenticator.create({ attestation: 'packed' });
    const options = activation as unknown as PublicKeyCredentialCreationOptionsJSON;
    return { userId, factorId, authenticator, options };
  }

  test('activation: missing fields are 400 E0000001; malformed CBOR, client data or base64 is 403 E0000068', async () => {
    const { userId, factorId, authenticator, options } = await pending();
    const good = await authenticator.createCredential(options, ORIGIN);
    const truncated = await authenticator.createCredential(options, ORIGIN, { tamper: 'truncated-cbor' });
    const trailing = await authenticator.createCredential(options, ORIGIN, { tamper: 'trailing-cbor-bytes' });
    const clientData = good.response.clientDataJSON;
    await expectAllRefused(userId, factorId, '/lifecycle/activate', [
      [{ clientData }, 400, 'E0000001'],
      [{ attestation: good.response.attestationObject }, 400, 'E0000001'],
      [{ attestation: { fmt: 'none' }, clientData }, 400, 'E0000001'],
      [{ attestation: truncated.response.attestationObject, clientData: truncated.response.clientDataJSON }, 403, 'E0000068'],
      [{ attestation: trailing.response.attestationObject, clientData: trailing.response.clientDataJSON }, 403, 'E0000068'],
      [{ attestation: websafe('not cbor at all'), clientData }, 403, 'E0000068'],
      [{ attestation: good.response.attestationObject, clientData: websafe('{"type":') }, 403, 'E0000068'],
      [{ attestation: '***', clientData }, 403, 'E0000068'],
    ]);
    expect((await snapshot(userId, factorId)).status).toBe('PENDING_ACTIVATION');
    // base64url (what the W3C JSON forms use) is taken as well as [F]'s standard base64.
    const res = await call('POST', `${factorUrl(userId, factorId)}/lifecycle/activate`, { attestation: good.response.attestationObject, clientData });
    expect(res.status).toBe(200);
    expect((res.json?.profile as Json).credentialId).toBe(good.id);
  });

  test('verify: a partial body is 400 E0000001; bad bytes and an assertion before any challenge are 403; the factor keeps working', async () => {
    const { userId, factorId, authenticator, options } = await pending();
    const registration = await authenticator.createCredential(options, ORIGIN);
    expect((await call('POST', `${factorUrl(userId, factorId)}/lifecycle/activate`, {
      attestation: registration.response.attestationObject,
      clientData: registration.response.clientDataJSON,
    })).status).toBe(200);
    const allow = [{ type: 'public-key', id: registration.id }];
    const early = await authenticator.getAssertion({ challenge: websafe('no challenge issued'), allowCredentials: allow }, ORIGIN);
    const body = {
      clientData: early.response.clientDataJSON,
      authenticatorData: early.response.authenticatorData,
      signatureData: early.response.signature,
    };
    await expectAllRefused(userId, factorId, '/verify', [
      [{ clientData: body.clientData, signatureData: body.signatureData }, 400, 'E0000001'],
      [{ ...body, authenticatorData: null, signatureData: 5 }, 400, 'E0000001'],
      [body, 403, 'E0000068'],
    ]);
    const issued = (await call('POST', `${factorUrl(userId, factorId)}/verify`)).json?._embedded as { challenge: { challenge: string } };
    await expectAllRefused(userId, factorId, '/verify', [
      [{ ...body, authenticatorData: 'AAAA' }, 403, 'E0000068'],
      [{ ...body, signatureData: '%%%' }, 403, 'E0000068'],
    ]);
    const assertion = await authenticator.getAssertion({ challenge: issued.challenge.challenge, allowCredentials: allow }, ORIGIN);
    const ok = await call('POST', `${factorUrl(userId, factorId)}/verify`, {
      clientData: assertion.response.clientDataJSON,
      authenticatorData: assertion.response.authenticatorData,
      signatureData: assertion.response.signature,
    });
    expect(ok.json?.factorResult).toBe('SUCCESS');
  });
});

describe('webauthn requests racing', () => {
  test('the same registration, and the same assertion, sent twice at once succeed once', async () => {
    const userId = (await newUser()).id;
    const { factorId, activation } = await enroll(userId, 'webauthn');
    const authenticator = await WebAuthnAuthenticator.create();
    const registration = await authenticator.createCredential(activation as unknown as PublicKeyCredentialCreationOptionsJSON, ORIGIN);
    const activate = { attestation: registration.response.attestationObject, clientData: registration.response.clientDataJSON };
    const activations = await Promise.all([1, 2].map(() => call('POST', `${factorUrl(userId, factorId)}/lifecycle/activate`, activate)));
    expect(activations.map((r) => r.status).sort()).toEqual([200, 403]);

    const issued = (await call('POST', `${factorUrl(userId, factorId)}/verify`)).json?._embedded as { challenge: { challenge: string } };
    const assertion = await authenticator.getAssertion(
      { challenge: issued.challenge.challenge, allowCredentials: [{ type: 'public-key', id: registration.id }] },
      ORIGIN,
    );
    const body = {
      clientData: assertion.response.clientDataJSON,
      authenticatorData: assertion.response.authenticatorData,
      signatureData: assertion.response.signature,
    };
    const verifications = await Promise.all([1, 2, 3].map(() => call('POST', `${factorUrl(userId, factorId)}/verify`, body)));
    expect(verifications.map((r) => r.status).sort()).toEqual([200, 403, 403]);
  });
});

describe('origin and user verification settings', () => {
  test('the org publishes its origin through the control protocol and u2f activation; drivers read it', async () => {
    expect((await call('GET', '/__control/v1/capabilities')).json?.origin).toBe(DEFAULT_ORIGIN);
    const userId = (await newUser()).id;
    expect((await enroll(userId, 'u2f')).activation.appId).toBe(DEFAULT_ORIGIN);
    const driver = await HttpDriver.connect({ kind: 'mock', baseUrl: mock.url, auth: sswsToken(mock.token) });
    expect(driver.origin).toBe(DEFAULT_ORIGIN);
    await driver.close();
  });

  test('a configured origin is the appId and the WebAuthn origin; without the control protocol drivers use the base URL', async () => {
    const other = await startMockOrg({ origin: 'https://login.acme.test:8443/ignored/path' });
    try {
      expect(other.org.origin).toBe('https://login.acme.test:8443');
      const driver = await HttpDriver.connect({ kind: 'http', baseUrl: other.url, auth: sswsToken(other.token) });
      expect(driver.origin).toBe(new URL(other.url).origin);
      await driver.close();
    } finally {
      await other.close();
    }
  });

  test('factor policy: userVerification is validated, and required reaches the webauthn options', async () => {
    const bad = await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'webauthn', provider: 'FIDO', enrollment: 'OPTIONAL', userVerification: 'always' }] });
    expectOktaError(bad, 400, 'E0000001');
    const set = await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'webauthn', provider: 'FIDO', enrollment: 'OPTIONAL', userVerification: 'required' }] });
    expect(set.status).toBe(200);
    try {
      const { activation } = await enroll((await newUser()).id, 'webauthn');
      expect(activation.authenticatorSelection).toMatchObject({ userVerification: 'required' });
    } finally {
      await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'webauthn', provider: 'FIDO', enrollment: 'OPTIONAL' }] });
    }
    const { activation } = await enroll((await newUser()).id, 'webauthn');
    expect(activation.authenticatorSelection).toMatchObject({ userVerification: 'preferred' });
  });
});
