import 'reflect-metadata';
import https, { type RequestOptions } from 'node:https';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { Client, SIGNATURE_VERSION_2, SIGNATURE_VERSION_5, type DuoClientResponse } from '@duosecurity/duo_api';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { HotpGenerator } from '../../virtual-authenticators/index.js';
import { MockOrg } from '../../mock-org/org.js';
import { duoAccountKeys, duoHostApp } from '../../mock-org/duo-auth/index.js';
import { DUO_ACCOUNT } from '../../mock-org/duo-auth/account.js';
import { answerTransaction, claimActivation } from '../../mock-org/duo-auth/auth-api.js';

/**
 * The official Duo Node client (`@duosecurity/duo_api`) against the Duo mock, with signature v2 and v5:
 * ping, check, preauth, an async push approved by the virtual Duo Mobile then auth_status, a hardware-token
 * passcode, and the Admin API's authentication log. The client speaks HTTPS to its API host name: the mock is
 * served over TLS with a throwaway certificate for that name, and the client's `https.request` is pointed at
 * the local port with that certificate as its CA (it pins Duo's CAs otherwise). The client signs the host name
 * it was given and sends it as Host; the mock verifies against the Host it receives.
 */

const API_HOST = 'api-client.duo.test';
let certificate: { cert: string; key: string };

beforeAll(async () => {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${API_HOST}`,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 3_600_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: API_HOST }]), new x509.BasicConstraintsExtension(true, undefined, true)],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  certificate = { cert: cert.toString('pem'), key: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)?.join('\n')}\n-----END PRIVATE KEY-----\n` };
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const close of closers.splice(0)) await close();
});

/** A mock org's Duo host over TLS, and the client's requests routed to it. */
async function serveDuoOverTls(): Promise<MockOrg> {
  const org = new MockOrg();
  const app = duoHostApp(org);
  await app.ready();
  const server = https.createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => app.routing(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const original = https.request.bind(https);
  vi.spyOn(https, 'request').mockImplementation(((options: RequestOptions, callback?: (res: IncomingMessage) => void): ClientRequest => {
    expect(options.host, 'the client addresses its API host').toBe(API_HOST);
    return original({ ...options, host: '127.0.0.1', port, servername: API_HOST, ca: certificate.cert }, callback);
  }) as typeof https.request);
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  });
  return org;
}

function call(client: Client, method: string, path: string, params: Record<string, string> = {}): Promise<DuoClientResponse> {
  return new Promise((resolve) => client.jsonApiCall(method, path, params, resolve));
}

async function ok<T>(client: Client, method: string, path: string, params: Record<string, string> = {}): Promise<T> {
  const answer = await call(client, method, path, params);
  expect(answer, `${method} ${path}`).toMatchObject({ stat: 'OK' });
  return answer.response as T;
}

describe.each([
  ['v2', SIGNATURE_VERSION_2],
  ['v5', SIGNATURE_VERSION_5],
] as const)('the official Duo Node client, signature %s', (_name, version) => {
  test('ping, check, preauth, push approved then auth_status, passcode, and the authentication log', async () => {
    const org = await serveDuoOverTls();
    const keys = duoAccountKeys(org);
    const auth = new Client(keys.ikey, keys.skey, API_HOST, version);
    const admin = new Client(keys.adminIkey, keys.adminSkey, API_HOST, version);

    expect(await ok<{ time: number }>(auth, 'GET', '/auth/v2/ping')).toHaveProperty('time');
    expect(await ok<{ time: number }>(auth, 'GET', '/auth/v2/check')).toHaveProperty('time');
    // A wrong secret key is refused: the signature is really checked.
    const forged = await call(new Client(keys.ikey, 'z'.repeat(40), API_HOST, version), 'GET', '/auth/v2/check');
    expect(forged).toMatchObject({ stat: 'FAIL', code: 40103 });

    // A user with a phone (Duo Mobile activated) and an HOTP hardware token, through the Admin API.
    const username = `client-${version}`;
    const user = await ok<{ user_id: string }>(admin, 'POST', '/admin/v1/users', { username });
    const phone = await ok<{ phone_id: string }>(admin, 'POST', '/admin/v1/phones', { number: '+15555550111', type: 'Mobile', platform: 'Apple iOS' });
    await ok(admin, 'POST', `/admin/v1/users/${user.user_id}/phones`, { phone_id: phone.phone_id });
    const activation = await ok<{ activation_url: string }>(admin, 'POST', `/admin/v1/phones/${phone.phone_id}/activation_url`);
    claimActivation(org, DUO_ACCOUNT.of(org.scope), activation.activation_url);
    const secret = '3132333435363738393031323334353637383930';
    const token = await ok<{ token_id: string }>(admin, 'POST', '/admin/v1/tokens', { type: 'h6', serial: `serial-${version}`, secret });
    await ok(admin, 'POST', `/admin/v1/users/${user.user_id}/tokens`, { token_id: token.token_id });

    const preauth = await ok<{ result: string; devices: { capabilities?: string[] }[] }>(auth, 'POST', '/auth/v2/preauth', { username });
    expect(preauth.result).toBe('auth');
    expect(preauth.devices.some((d) => d.capabilities?.includes('push'))).toBe(true);

    const { txid } = await ok<{ txid: string }>(auth, 'POST', '/auth/v2/auth', { username, factor: 'push', device: 'auto', async: '1' });
    expect(await ok(auth, 'GET', '/auth/v2/auth_status', { txid })).toMatchObject({ result: 'waiting', status: 'pushed' });
    const tx = DUO_ACCOUNT.of(org.scope).transactions.get(txid);
    if (!tx) throw new Error('the push transaction is not pending');
    answerTransaction(org, DUO_ACCOUNT.of(org.scope), tx, 'approve');
    expect(await ok(auth, 'GET', '/auth/v2/auth_status', { txid })).toMatchObject({ result: 'allow', status: 'allow' });

    const passcode = new HotpGenerator({ secret, encoding: 'hex' }).code(0);
    expect(await ok(auth, 'POST', '/auth/v2/auth', { username, factor: 'passcode', passcode })).toMatchObject({ result: 'allow' });

    // Log entries show two minutes after the attempt; the client's Date stays within the mock's window.
    org.clock.advance(125_000);
    const now = org.clock.now();
    const log = await ok<{ authlogs: { factor: string; result: string; reason: string }[] }>(admin, 'GET', '/admin/v2/logs/authentication', {
      mintime: String(now - 3_600_000),
      maxtime: String(now),
    });
    expect(log.authlogs.map((e) => `${e.factor}/${e.result}/${e.reason}`).sort()).toEqual(['duo_push/success/user_approved', 'hardware_token/success/valid_passcode']);
  });
});
