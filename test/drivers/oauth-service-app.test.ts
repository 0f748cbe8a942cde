import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serviceApp, TokenRequestError } from '../../drivers/auth/oauth-service-app.js';
import { HttpApiClient } from '../../drivers/http-client.js';
import { Redactor } from '../../drivers/redact.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let mock: RunningMockOrg;

beforeAll(async () => {
  mock = await startMockOrg({
    serviceApps: [
      { clientId: '0oamanage', jwks: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'k1' }], grantedScopes: ['okta.users.manage', 'okta.users.read'] },
      { clientId: '0oareader', jwks: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'k1' }], grantedScopes: ['okta.users.read'] },
    ],
  });
});
afterAll(() => mock.close());

function client(clientId: string, scopes: string[], key = privatePem, keyId = 'k1') {
  // the assertion's iat/exp in the org's time (the mock's clock moves in one test)
  const auth = serviceApp({ orgUrl: mock.url, clientId, scopes, privateKey: key, keyId, now: () => mock.org.clock.now() });
  const redactor = new Redactor();
  return { auth, redactor, api: new HttpApiClient({ baseUrl: mock.url, auth, redactor, waitUntilReset: async () => {} }) };
}

describe('OAuth 2.0 service app against the mock org authorization server', () => {
  test('a granted okta.users.manage token creates and reads users; the token is redacted from every exchange', async () => {
    const { api, auth } = client('0oamanage', ['okta.users.manage']);
    const created = await api.post<{ id: string }>('/api/v1/users', { profile: { login: 'oauth-user@example.com', email: 'oauth-user@example.com', firstName: 'O', lastName: 'A' } });
    expect(created.status).toBe(200);
    expect((await api.get(`/api/v1/users/${created.body.id}`)).status).toBe(200);
    expect(await auth.grantedScopes()).toEqual(['okta.users.manage']);
    expect(JSON.stringify(api.exchanges)).toContain('Bearer [REDACTED]');
    expect(JSON.stringify(api.exchanges)).not.toMatch(/Bearer eyJ/);
    await api.close();
  });

  test('a read-only token reads, and a write gets 403 E0000006 with state unchanged', async () => {
    const { api } = client('0oareader', ['okta.users.read']);
    expect((await api.get('/api/v1/users', { query: { limit: 1 } })).status).toBe(200);
    const before = mock.org.store.users.size;
    const refused = await api.post<{ errorCode: string }>('/api/v1/users', { profile: { login: 'nope@example.com', email: 'nope@example.com', firstName: 'N', lastName: 'O' } });
    expect(refused.status).toBe(403);
    expect(refused.body.errorCode).toBe('E0000006');
    expect(mock.org.store.users.size).toBe(before);
    await api.close();
  });

  test('scopes not granted are dropped; none granted is consent_required', async () => {
    const { auth } = client('0oareader', ['okta.users.read', 'okta.users.manage']);
    expect(await auth.grantedScopes()).toEqual(['okta.users.read']);
    const none = client('0oareader', ['okta.users.manage']).auth;
    await expect(none.grantedScopes()).rejects.toMatchObject({ status: 400, error: 'consent_required' });
  });

  test('a wrong kid, a key the app does not hold, and an unknown client are invalid_client', async () => {
    for (const strategy of [
      client('0oamanage', ['okta.users.manage'], privatePem, 'k2').auth,
      client('0oamanage', ['okta.users.manage'], other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()).auth,
      client('0oaunknown', ['okta.users.manage']).auth,
    ]) {
      const error = await strategy.grantedScopes().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TokenRequestError);
      expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
    }
  });

  test('the access token is renewed before it expires, with a fresh assertion', async () => {
    const { api } = client('0oamanage', ['okta.users.manage']);
    expect((await api.get('/api/v1/users', { query: { limit: 1 } })).status).toBe(200);
    mock.org.clock.advance(2 * 3600_000);
    expect((await api.get('/api/v1/users', { query: { limit: 1 } })).status).toBe(200);
    const tokens = new Set(api.exchanges.map((e) => e.request.headers.authorization));
    expect(tokens).toEqual(new Set(['Bearer [REDACTED]']));
    await api.close();
  });
});
