import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { preflight } from '../../drivers/okta/preflight.js';
import { adminClient, cleanupRun, findLeftovers } from '../../drivers/okta/sweep.js';
import { OktaUserFixtures } from '../../drivers/okta/fixtures.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

let mock: RunningMockOrg;
let html: Server;
let htmlUrl: string;

beforeAll(async () => {
  mock = await startMockOrg();
  html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>'));
  await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
  htmlUrl = `http://127.0.0.1:${(html.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => html.close(resolve));
});

describe('preflight: one line naming the cause, before any check', () => {
  test('a good token passes', async () => {
    expect(await preflight({ kind: 'http', baseUrl: mock.url, token: mock.token })).toEqual({ ok: true });
  });

  test('a refused token names E0000011 and the fix', async () => {
    const result = await preflight({ kind: 'http', baseUrl: mock.url, token: 'not-the-token' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/E0000011.*--token/) });
  });

  test('a URL that serves HTML does not speak the API', async () => {
    const result = await preflight({ kind: 'http', baseUrl: htmlUrl, token: 'x' });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/does not speak the Okta API.*HTML page/) });
  });

  test('an unresolvable host and a closed port are named as such, quickly', async () => {
    const started = Date.now();
    expect(await preflight({ kind: 'http', baseUrl: 'http://nowhere.invalid', token: 'x' })).toMatchObject({ message: expect.stringMatching(/cannot resolve nowhere\.invalid/) });
    expect(await preflight({ kind: 'http', baseUrl: 'http://127.0.0.1:1', token: 'x' })).toMatchObject({ message: expect.stringMatching(/ECONNREFUSED/) });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('run cleanup and sweep against the mock users list', () => {
  test('users of a run are found by prefix and marker, deleted, and no other user is touched', async () => {
    const api = adminClient({ kind: 'http', baseUrl: mock.url, token: mock.token });
    const fixtures = new OktaUserFixtures(api, () => {}, (t) => t, { id: 'rtest1' });
    const other = new OktaUserFixtures(api, () => {}, (t) => t, { id: 'rother' });
    for (let i = 0; i < 3; i++) await fixtures.createUser();
    await other.createUser();
    // a user that is not the harness's, with a look-alike login but no marker
    await api.post('/api/v1/users', { profile: { login: 'mfa-conformance-rtest1-x@example.com', email: 'a@example.com', firstName: 'A', lastName: 'B' } });

    expect((await findLeftovers(api, 'rtest1')).map((u) => u.login)).toHaveLength(3);
    expect(await findLeftovers(api)).toHaveLength(4);
    const { removed, failed } = await cleanupRun(api, 'rtest1', undefined);
    expect({ removed, failed }).toEqual({ removed: 3, failed: [] });
    expect(await findLeftovers(api, 'rtest1')).toEqual([]);
    expect(await findLeftovers(api)).toHaveLength(1);
    expect(mock.org.store.users.size).toBe(2);
    await api.close();
  });

  test('the users list pages with limit and a Link rel="next" cursor', async () => {
    const api = adminClient({ kind: 'http', baseUrl: mock.url, token: mock.token });
    const fixtures = new OktaUserFixtures(api, () => {}, (t) => t, { id: 'rpage' });
    for (let i = 0; i < 5; i++) await fixtures.createUser();
    const first = await api.get<unknown[]>('/api/v1/users', { query: { search: 'profile.nickName eq "mfa-conformance:rpage"', limit: 2 } });
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link ?? '')?.[1];
    expect(next).toContain('after=');
    const second = await api.get<unknown[]>(next ?? '');
    expect(second.body).toHaveLength(2);
    const bad = await api.get('/api/v1/users', { query: { search: 'profile.login sw' } });
    expect(bad.status).toBe(400);
    expect(await findLeftovers(api, 'rpage')).toHaveLength(5);
    await fixtures.cleanup();
    await api.close();
  });
});
