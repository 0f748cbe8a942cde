import { afterAll, describe, expect, test } from 'vitest';
import { openInProcessIdentityNow, openInProcessMockOrg, startMockOrg, startMockOrgHost, type InProcessIdentityNow, type InProcessMockOrg } from '../../mock-org/index.js';

/**
 * Orgs of one process are served by one fastify app (mock-org/core/org-routes.ts): every request must still reach
 * its own org only, and nothing one org does (users, clock, faults, variants, rate-limit buckets, closing) may be
 * seen by another.
 */

type Json = Record<string, unknown>;

const opened: InProcessMockOrg[] = [];
afterAll(async () => {
  await Promise.all(opened.map((org) => org.close()));
});

async function open(faults: string[] = []): Promise<InProcessMockOrg> {
  const org = await openInProcessMockOrg({ faults });
  opened.push(org);
  return org;
}

async function call(org: InProcessMockOrg, method: string, url: string, body?: Json, headers: Record<string, string> = {}) {
  const response = await org.handle({
    method,
    url,
    headers: {
      authorization: `SSWS ${org.token}`,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = response.body.toString('utf8');
  return { status: response.status, headers: response.headers, json: (text ? JSON.parse(text) : undefined) as Json | undefined };
}

const newUser = (login: string) => ({ profile: { login, email: login, firstName: 'Test', lastName: 'User' }, credentials: { password: { value: 'Abcdefg1x' } } });

describe('in-process orgs of one process', () => {
  test("an org's token, users and clock are its own", async () => {
    const a = await open();
    const b = await open();
    expect(a.token).not.toBe(b.token);

    // b refuses a's token
    const foreign = await call(b, 'GET', '/api/v1/users', undefined, { authorization: `SSWS ${a.token}` });
    expect(foreign.status).toBe(401);
    expect(foreign.json?.errorCode).toBe('E0000011');

    // a user of a is unknown to b, and the same login can be created in b
    const created = await call(a, 'POST', '/api/v1/users?activate=true', newUser('same-login@example.com'));
    expect(created.status).toBe(200);
    const userId = String(created.json?.id);
    expect((await call(a, 'GET', `/api/v1/users/${userId}`)).status).toBe(200);
    expect((await call(b, 'GET', `/api/v1/users/${userId}`)).status).toBe(404);
    expect((await call(b, 'POST', '/api/v1/users?activate=true', newUser('same-login@example.com'))).status).toBe(200);

    // a's clock moves an hour; b's does not
    const before = Number((await call(b, 'GET', '/__control/v1/clock')).json?.epochMs);
    const advanced = await call(a, 'POST', '/__control/v1/clock', { advanceMs: 3_600_000 });
    expect(advanced.status).toBe(200);
    const after = Number((await call(b, 'GET', '/__control/v1/clock')).json?.epochMs);
    expect(after - before).toBeLessThan(60_000);
    expect(Number(advanced.json?.epochMs) - after).toBeGreaterThan(3_500_000);
  });

  test("an org's faults and variants are its own", async () => {
    const faulty = await open(['errors.wrong-method-404', 'variant.extra-headers']);
    const plain = await open();
    // a known path with a method it does not take: 405, or 404 under the fault
    expect((await call(faulty, 'PATCH', '/api/v1/users')).status).toBe(404);
    expect((await call(plain, 'PATCH', '/api/v1/users')).status).toBe(405);
    // the variant's real-org headers on the faulty org's answers only
    expect((await call(faulty, 'GET', '/api/v1/users')).headers['x-okta-request-id']).toBeDefined();
    expect((await call(plain, 'GET', '/api/v1/users')).headers['x-okta-request-id']).toBeUndefined();

    // a fault switched on through the control protocol reaches that org alone
    const switched = await call(plain, 'POST', '/__control/v1/faults', { enable: ['errors.wrong-method-404'] });
    expect(switched.status, JSON.stringify(switched.json)).toBeLessThan(300);
    const other = await open();
    expect((await call(plain, 'PATCH', '/api/v1/users')).status).toBe(404);
    expect((await call(other, 'PATCH', '/api/v1/users')).status).toBe(405);
  });

  test("an org's rate-limit buckets are its own", async () => {
    const busy = await open();
    const quiet = await open();
    const remaining = async (org: InProcessMockOrg) => Number((await call(org, 'GET', '/api/v1/users')).headers['x-rate-limit-remaining']);
    const first = await remaining(busy);
    for (let i = 0; i < 5; i++) await remaining(busy);
    expect(await remaining(busy)).toBe(first - 6);
    expect(await remaining(quiet)).toBe(first);
  });

  test('a request cannot name another org, and a closed org is no longer served', async () => {
    const a = await open();
    const b = await open();
    const created = await call(a, 'POST', '/api/v1/users?activate=true', newUser('only-in-a@example.com'));
    const userId = String(created.json?.id);
    // whatever org key a client sends, b answers for b
    for (const key of ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'oa', 'ob', 'oc']) {
      expect((await call(b, 'GET', `/api/v1/users/${userId}`, undefined, { 'x-mock-org-key': key })).status).toBe(404);
    }
    await a.close();
    await expect(a.handle({ method: 'GET', url: '/api/v1/users', headers: { authorization: `SSWS ${a.token}` } })).rejects.toThrow(/closed/);
    expect((await call(b, 'GET', '/api/v1/users')).status).toBe(200);
  });
});

describe('orgs of a mock host', () => {
  test("a request reaches the org of its path, whatever org key it carries, and a deleted org's path is gone", async () => {
    const host = await startMockOrgHost();
    try {
      const admin = { authorization: `Bearer ${host.adminToken}`, 'content-type': 'application/json' };
      const make = async () => (await (await fetch(`${host.url}/__host/orgs`, { method: 'POST', headers: admin, body: '{}' })).json()) as { id: string; baseUrl: string; token: string };
      const a = await make();
      const b = await make();
      const asA = { authorization: `SSWS ${a.token}`, 'content-type': 'application/json', accept: 'application/json' };
      const created = await fetch(`${a.baseUrl}/api/v1/users?activate=true`, { method: 'POST', headers: asA, body: JSON.stringify(newUser('host-a@example.com')) });
      expect(created.status).toBe(200);
      const userId = String(((await created.json()) as Json).id);
      for (const key of ['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o9', 'oa', 'ob', 'oc']) {
        const viaB = await fetch(`${b.baseUrl}/api/v1/users/${userId}`, { headers: { authorization: `SSWS ${b.token}`, 'x-mock-org-key': key } });
        expect(viaB.status).toBe(404);
        // a's token is b's no more than b's users are a's
        const tokenOfA = await fetch(`${b.baseUrl}/api/v1/users`, { headers: { authorization: `SSWS ${a.token}`, 'x-mock-org-key': key } });
        expect(tokenOfA.status).toBe(401);
      }
      expect((await fetch(`${host.url}/__host/orgs/${a.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);
      expect((await fetch(`${a.baseUrl}/api/v1/users/${userId}`, { headers: asA })).status).toBe(404);
      expect((await fetch(`${b.baseUrl}/api/v1/users`, { headers: { authorization: `SSWS ${b.token}` } })).status).toBe(200);
    } finally {
      await host.close();
    }
  });
});

describe('IdentityNow tenants of one process', () => {
  test("a tenant's clients and tokens are its own", async () => {
    const [a, b] = await Promise.all([startMockOrg({ control: true }), startMockOrg({ control: true })]);
    try {
      const issue = async (at: string, clientId: string, clientSecret: string) =>
        fetch(`${at}/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString(),
        });
      // b knows no client of a
      expect((await issue(b.identityNow.baseUrl, a.identityNow.clientId, a.identityNow.clientSecret)).status).toBe(401);
      const issued = await issue(a.identityNow.baseUrl, a.identityNow.clientId, a.identityNow.clientSecret);
      expect(issued.status).toBe(200);
      const { access_token: token } = (await issued.json()) as { access_token: string };
      const config = (at: string) => fetch(`${at}/v3/mfa/okta-verify/config`, { headers: { authorization: `Bearer ${token}` } });
      expect((await config(a.identityNow.baseUrl)).status).toBe(200);
      // nor a token a issued
      expect((await config(b.identityNow.baseUrl)).status).toBe(401);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('IdentityNow tenants in process', () => {
  // Every in-process site answers on the same origin: a tenant's calls to it must reach the org beside it, no other.
  const ORIGIN = 'http://mock-org.in-process.test';

  async function asTenant(site: InProcessIdentityNow) {
    const send = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
      const response = await site.identityNow.handle({ method, url: `/identitynow${path}`, headers: { host: new URL(ORIGIN).host, ...headers }, ...(body !== undefined ? { body } : {}) });
      return { status: response.status, json: JSON.parse(response.body.toString('utf8')) as Json };
    };
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: site.identityNow.clientId, client_secret: site.identityNow.clientSecret }).toString();
    const issued = await send('POST', '/oauth/token', form, { 'content-type': 'application/x-www-form-urlencoded' });
    const auth = { authorization: `Bearer ${String(issued.json.access_token)}` };
    return {
      configure: async (method: string, config: Json) => (await send('PUT', `/v3/mfa/${method}/config`, JSON.stringify({ mfaMethod: method, ...config }), { ...auth, 'content-type': 'application/json' })).status,
      test: async (method: string) => (await send('GET', `/v3/mfa/${method}/test`, undefined, auth)).json,
    };
  }

  test("a tenant's calls to the in-process origin and its Duo host name reach its own org and account", async () => {
    const [a, b] = await Promise.all([openInProcessIdentityNow({ origin: ORIGIN }), openInProcessIdentityNow({ origin: ORIGIN })]);
    try {
      const tenant = await asTenant(a);
      expect(await tenant.configure('okta-verify', { enabled: true, host: ORIGIN, accessKey: a.token, identityAttribute: 'email' })).toBe(200);
      expect(await tenant.test('okta-verify')).toEqual({ state: 'SUCCESS', error: null });
      // b's token is not one a's org takes: the call went to a's org
      expect(await tenant.configure('okta-verify', { enabled: true, host: ORIGIN, accessKey: b.token, identityAttribute: 'email' })).toBe(200);
      expect(await tenant.test('okta-verify')).toMatchObject({ state: 'FAILED', error: 'The Okta org refused the access key.' });
      const duo = (keys: typeof a.duo, skey = keys.skey) => ({ enabled: true, host: a.duo.host, accessKey: 'a'.repeat(40), identityAttribute: 'name', configProperties: { ikey: keys.ikey, skey } });
      expect(await tenant.configure('duo-web', duo(a.duo))).toBe(200);
      expect(await tenant.test('duo-web')).toEqual({ state: 'SUCCESS', error: null });
      // b's keys at a's host name: a's account refuses them
      expect(await tenant.configure('duo-web', duo(b.duo))).toBe(200);
      expect(await tenant.test('duo-web')).toMatchObject({ state: 'FAILED', error: 'The Duo host refused the integration keys.' });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
