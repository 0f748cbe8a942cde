import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

/** The IdentityNow tenant beside a mock org, at the HTTP level: token, errors, robustness. */
let mock: RunningMockOrg;
beforeAll(async () => {
  mock = await startMockOrg({ control: true });
});
afterAll(() => mock.close());

async function token(clientId = mock.identityNow.clientId, clientSecret = mock.identityNow.clientSecret): Promise<Response> {
  const form = new FormData();
  form.set('grant_type', 'client_credentials');
  form.set('client_id', clientId);
  form.set('client_secret', clientSecret);
  return fetch(`${mock.identityNow.baseUrl}/oauth/token`, { method: 'POST', body: form });
}

async function bearer(): Promise<string> {
  const body = (await (await token()).json()) as { access_token: string };
  return body.access_token;
}

describe('IdentityNow tenant', () => {
  test('multipart, urlencoded and query client credentials each get a bearer JWT', async () => {
    const multipart = await token();
    expect(multipart.status).toBe(200);
    const issued = (await multipart.json()) as Record<string, unknown>;
    expect(issued.token_type).toBe('bearer');
    expect(String(issued.access_token).split('.')).toHaveLength(3);
    const { clientId, clientSecret, baseUrl } = mock.identityNow;
    const form = await fetch(`${baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'CLIENT_CREDENTIALS', client_id: clientId, client_secret: clientSecret }).toString(),
    });
    expect(form.status).toBe(200);
    const query = await fetch(`${baseUrl}/oauth/token?${new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })}`, { method: 'POST' });
    expect(query.status).toBe(200);
    expect((await token(clientId, 'wrong')).status).toBe(401);
  });

  test('bad input gets SailPoint error shapes, never a 5xx', async () => {
    const auth = { authorization: `Bearer ${await bearer()}` };
    const base = `${mock.identityNow.baseUrl}/v3/mfa`;
    const cases: [string, string, string | undefined, Record<string, string>][] = [
      ['PUT', '/okta-verify/config', '[1,2]', { 'content-type': 'application/json' }],
      ['PUT', '/okta-verify/config', '{not json', { 'content-type': 'application/json' }],
      ['PUT', '/okta-verify/config', 'enabled=true', { 'content-type': 'text/plain' }],
      ['PUT', '/duo-web/config', '{"configProperties": 3}', { 'content-type': 'application/json' }],
      ['POST', '/kba/config/answers', '{"id": 1}', { 'content-type': 'application/json' }],
      ['POST', '/okta-verify/verify', 'null', { 'content-type': 'application/json' }],
      ['POST', '/sms/poll', '{"requestId": "x"}', { 'content-type': 'application/json' }],
      ['GET', '/kba/config?allLanguages=maybe', undefined, {}],
      ['POST', '/token/send', '{"userAlias": "x", "deliveryType": "FAX"}', { 'content-type': 'application/json' }],
    ];
    for (const [method, path, body, headers] of cases) {
      const res = await fetch(base + path, { method, headers: { ...auth, ...headers }, ...(body !== undefined ? { body } : {}) });
      expect(res.status, `${method} ${path} ${body}`).toBe(400);
      const error = (await res.json()) as Record<string, unknown>;
      expect(error.detailCode).toBe('400.1 Bad Request Content');
      expect(error.trackingId).toMatch(/^[0-9a-f]{32}$/);
    }
    const missing = await fetch(`${base}/okta-verify/config`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'JWT is missing' });
    const unknown = await fetch(`${mock.identityNow.baseUrl}/v3/nothing`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Record<string, unknown>).detailCode).toBe('404 Not found');
  });

  test('the accessKey never comes back in clear', async () => {
    const auth = { authorization: `Bearer ${await bearer()}`, 'content-type': 'application/json' };
    const url = `${mock.identityNow.baseUrl}/v3/mfa/okta-verify/config`;
    const key = 'qw123Y3QlA5UqocYpdU3rEkzrK2D497y';
    const put = await fetch(url, { method: 'PUT', headers: auth, body: JSON.stringify({ mfaMethod: 'okta-verify', enabled: true, host: 'example.com', accessKey: key, identityAttribute: 'email' }) });
    expect(put.status).toBe(200);
    expect(((await put.json()) as Record<string, unknown>).accessKey).toBe('q******y');
    const get = await fetch(url, { headers: auth });
    const text = await get.text();
    expect(text).not.toContain(key);
  });
});

describe('IdentityNow token endpoint input', () => {
  test('missing fields, other grants, broken bodies: a 4xx {error}, never a 5xx', async () => {
    const url = `${mock.identityNow.baseUrl}/oauth/token`;
    const cases: [string | undefined, Record<string, string>][] = [
      [undefined, {}],
      ['grant_type=client_credentials', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['grant_type=password&client_id=a&client_secret=b', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['--x\r\nbroken', { 'content-type': 'multipart/form-data; boundary=x' }],
      ['{"grant_type": "client_credentials"}', { 'content-type': 'application/json' }],
      ['%%%', { 'content-type': 'application/x-www-form-urlencoded' }],
    ];
    for (const [body, headers] of cases) {
      const res = await fetch(url, { method: 'POST', headers, ...(body !== undefined ? { body } : {}) });
      expect(res.status, String(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, String(body)).toBeLessThan(500);
      expect(typeof ((await res.json()) as { error?: unknown }).error).toBe('string');
    }
  });
});
