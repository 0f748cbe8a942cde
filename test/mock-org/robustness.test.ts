import { describe, expect, test } from 'vitest';
import { expectOktaError, useMockOrg } from './helpers.js';

/**
 * Bad input to the mock org gets the API's own error shape and status, never a 500 or a
 * crash, and nothing it holds changes.
 */

const { mock, call, newUser, authHeaders } = useMockOrg({ userPrefix: 'robust' });

describe('bad input', () => {
  const badBodies: [string, string, string][] = [
    ['malformed JSON', '{"factorType": ', 'E0000003'],
    ['a JSON array', '[1, 2]', 'E0000003'],
    ['a JSON string', '"token:software:totp"', 'E0000003'],
    ['factorType of the wrong type', '{"factorType": {"x": 1}, "provider": "OKTA"}', 'E0000001'],
    ['profile of the wrong type', '{"factorType": "token:software:totp", "provider": "OKTA", "profile": "x"}', 'E0000001'],
    ['an unknown factor type', '{"factorType": "nonesuch", "provider": "OKTA"}', 'E0000001'],
    ['an unknown provider', '{"factorType": "token:software:totp", "provider": "NONESUCH"}', 'E0000001'],
    ['missing fields', '{}', 'E0000001'],
    ['an overlong factorType', JSON.stringify({ factorType: 'x'.repeat(10_000), provider: 'OKTA' }), 'E0000001'],
    ['an oversized body', JSON.stringify({ factorType: 'token:software:totp', provider: 'OKTA', pad: 'x'.repeat(2_000_000) }), 'E0000003'],
    ['a prototype-polluting body', '{"__proto__": {"polluted": true}, "factorType": "nonesuch", "provider": "OKTA"}', 'E0000001'],
  ];

  test.each(badBodies)('enroll with %s → 400 %s, nothing enrolled', async (_what, body, code) => {
    const userId = (await newUser()).id;
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors`, body), 400, code);
    expect((await call('GET', `/api/v1/users/${userId}/factors`)).json).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('activate and verify with wrong types leave the factor as it was', async () => {
    const userId = (await newUser()).id;
    const enrolled = await call('POST', `/api/v1/users/${userId}/factors`, '{"factorType":"token:software:totp","provider":"OKTA"}');
    const factorId = enrolled.json?.id as string;
    for (const body of ['{"passCode": {"a": 1}}', '{"passCode": [1]}', '{"passCode": "' + '9'.repeat(100) + '"}', '[]', '{bad']) {
      const res = await call('POST', `/api/v1/users/${userId}/factors/${factorId}/lifecycle/activate`, body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.json?.errorCode).toMatch(/^E\d{7}$/);
    }
    expect((await call('GET', `/api/v1/users/${userId}/factors/${factorId}`)).json?.status).toBe('PENDING_ACTIVATION');
  });

  test('a wrong Content-Type is answered 400 E0000021', async () => {
    const userId = (await newUser()).id;
    const res = await call('POST', `/api/v1/users/${userId}/factors`, 'factorType=sms', { 'content-type': 'application/x-www-form-urlencoded' });
    expectOktaError(res, 400, 'E0000021');
  });

  test('a wrong method on a known path is 405 E0000022; an unknown path is 404 E0000007', async () => {
    expectOktaError(await call('PUT', '/api/v1/users/00u1/factors'), 405, 'E0000022');
    expectOktaError(await call('GET', '/api/v1/nonesuch'), 404, 'E0000007');
  });

  test('an unknown user is 404 E0000007', async () => {
    expectOktaError(await call('GET', '/api/v1/users/00unonesuch/factors'), 404, 'E0000007');
  });

  test('another user\'s factor id is 404 for this user', async () => {
    const owner = (await newUser()).id;
    const other = (await newUser()).id;
    const enrolled = await call('POST', `/api/v1/users/${owner}/factors`, '{"factorType":"token:software:totp","provider":"GOOGLE"}');
    expectOktaError(await call('GET', `/api/v1/users/${other}/factors/${enrolled.json?.id as string}`), 404, 'E0000007');
    expectOktaError(await call('DELETE', `/api/v1/users/${other}/factors/${enrolled.json?.id as string}`), 404, 'E0000007');
    expect((await call('GET', `/api/v1/users/${owner}/factors/${enrolled.json?.id as string}`)).status).toBe(200);
  });
});

describe('control protocol', () => {
  test('refuses callers without the admin token', async () => {
    const res = await fetch(`${mock.url}/__control/v1/capabilities`);
    expect(res.status).toBe(401);
  });

  test('moves the clock forward only, and the Date header follows it', async () => {
    const before = (await call('GET', '/__control/v1/clock')).json?.epochMs as number;
    const moved = await call('POST', '/__control/v1/clock', JSON.stringify({ advanceMs: 3_600_000 }));
    expect(moved.json?.epochMs).toBeGreaterThanOrEqual(before + 3_600_000);
    expectOktaError(await call('POST', '/__control/v1/clock', JSON.stringify({ advanceMs: -1 })), 400, 'E0000001');
    expectOktaError(await call('POST', '/__control/v1/clock', JSON.stringify({ advanceMs: 'soon' })), 400, 'E0000001');
    const res = await fetch(`${mock.url}/api/v1/users/nonesuch`, { headers: authHeaders() });
    expect(Date.parse(res.headers.get('date') ?? '')).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
  });

  test('switches known faults and refuses unknown ones without changing any', async () => {
    expectOktaError(await call('POST', '/__control/v1/faults', JSON.stringify({ enable: ['totp.allow-replay', 'nonesuch'] })), 400, 'E0000001');
    const listed = (await call('GET', '/__control/v1/faults')).json?.faults as { id: string; enabled: boolean }[];
    expect(listed.filter((f) => f.enabled)).toEqual([]);
    const on = await call('POST', '/__control/v1/faults', JSON.stringify({ enable: ['totp.allow-replay'] }));
    expect((on.json?.faults as { id: string; enabled: boolean }[]).find((f) => f.id === 'totp.allow-replay')?.enabled).toBe(true);
    await call('POST', '/__control/v1/faults', JSON.stringify({ disable: ['totp.allow-replay'] }));
  });
});
