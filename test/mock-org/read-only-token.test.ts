import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

/** The mock org's read-only administrator token: reads, and nothing else (E0000006). */

let mock: RunningMockOrg;

beforeAll(async () => {
  mock = await startMockOrg({ control: true });
});
afterAll(() => mock.close());

const as = (token: string, method = 'GET', body?: unknown) => ({
  method,
  headers: { authorization: `SSWS ${token}`, 'content-type': 'application/json', accept: 'application/json' },
  ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
});

test('the control protocol hands it out to the admin, and it differs from the API token', async () => {
  const res = await fetch(`${mock.url}/__control/v1/read-only-token`, as(mock.token));
  const { token } = (await res.json()) as { token: string };
  expect(res.status).toBe(200);
  expect(token).toBe(mock.org.readOnlyToken);
  expect(token).not.toBe(mock.token);
});

test('it may read, not write, and not reach the control protocol', async () => {
  const readOnly = mock.org.readOnlyToken;
  const user = await fetch(`${mock.url}/api/v1/users?activate=true`, as(mock.token, 'POST', {
    profile: { login: 'ro@example.com', email: 'ro@example.com', firstName: 'R', lastName: 'O' },
  }));
  const { id } = (await user.json()) as { id: string };
  expect((await fetch(`${mock.url}/api/v1/users/${id}/factors`, as(readOnly))).status).toBe(200);
  for (const [method, path, body] of [
    ['POST', `/api/v1/users/${id}/factors`, { factorType: 'token:software:totp', provider: 'OKTA' }],
    ['DELETE', `/api/v1/users/${id}`, undefined],
    ['POST', '/__control/v1/clock', { advanceMs: 1000 }],
    ['GET', '/__control/v1/faults', undefined],
  ] as const) {
    const res = await fetch(mock.url + path, as(readOnly, method, body));
    expect(res.status, `${method} ${path}`).toBe(403);
    expect(((await res.json()) as { errorCode: string }).errorCode).toBe('E0000006');
  }
  expect(mock.org.store.factorsOf(id)).toEqual([]);
  expect(mock.org.store.users.get(id)?.status).toBe('ACTIVE');
});
