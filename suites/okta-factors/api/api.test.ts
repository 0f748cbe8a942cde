import { expect } from 'vitest';
import type { ApiResponse } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { expectHeader, expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { expectFactorsUnchanged, expectRateLimitHeaders, factorIds, factorPath, factorsPath, listFactors } from '../factors.js';
import { useTarget } from '../../support/target.js';

/** What every Factors API operation shares: authentication, unknown ids, bad input (spec §1, §6). */

useTarget();

/**
 * No Authorization header at all: a bad token's 401 E0000011, or Okta's fallback to session authentication,
 * which finds no session: 403 E0000005 "Invalid session" (okta-powershell-cli issue 86; okta-real-org §1.5).
 */
function expectNoCredentials(res: ApiResponse): void {
  if (res.status === 403) expectOktaError(res, 403, 'E0000005');
  else expectOktaError(res, 401, 'E0000011');
}

check('API.AUTH.TOKEN_REQUIRED', 'no API token is refused (401 E0000011 or 403 E0000005), a bad one 401 E0000011', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  expectNoCredentials(await api.get(factorsPath(user.id), { authorization: null }));
  expectOktaError(await api.get(factorsPath(user.id), { authorization: 'SSWS not-a-valid-token' }), 401, 'E0000011');
  expectNoCredentials(await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'OKTA' }, { authorization: null }));
  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'OKTA' }, { authorization: 'SSWS not-a-valid-token' }), 401, 'E0000011');
  await expectFactorsUnchanged(api, user.id, before);
});

check('API.INPUT.MALFORMED_JSON', 'a body that is not JSON is answered 400 E0000003 and enrolls nothing', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  const res = await api.post(factorsPath(user.id), '{"factorType": "token:software:totp", "provider": ', { rawBody: true });
  expectOktaError(res, 400, 'E0000003');
  await expectFactorsUnchanged(api, user.id, before);
});

check('FACTORS.ENROLL.UNKNOWN_TYPE', 'an unknown factorType or provider is answered 400 E0000001 and enrolls nothing', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:nonesuch', provider: 'OKTA' }), 400, 'E0000001');
  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'NONESUCH' }), 400, 'E0000001');
  await expectFactorsUnchanged(api, user.id, before);
});

check('FACTORS.GET.UNKNOWN', 'an unknown factor id is answered 404 E0000007', async ({ api, newUser }) => {
  const user = await newUser();
  expectOktaError(await api.get(factorPath(user.id, 'ostf00000000000000000')), 404, 'E0000007');
  expectOktaError(await api.delete(factorPath(user.id, 'ostf00000000000000000')), 404, 'E0000007');
});

check('FACTORS.GET.UNKNOWN', "an unknown user's factor catalog is answered 404 E0000007", async ({ api }) => {
  expectOktaError(await api.get(`${factorsPath('00u0000000000nonesuch')}/catalog`), 404, 'E0000007');
});

check('API.RATE_LIMIT.HEADERS', 'responses carry consistent X-Rate-Limit-* headers, errors included', async ({ api, newUser, driver }) => {
  const user = await newUser();
  const responses = [await api.get(factorsPath(user.id)), await api.get(factorPath(user.id, 'ostf00000000000000000'))];
  for (const res of responses) {
    expectRateLimitHeaders(res, (Date.parse(res.headers.date ?? '') || (await driver.now())) / 1000);
  }
});

check('API.METHOD.NOT_ALLOWED', 'a method the endpoint does not support is answered 405 E0000022', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  expectOktaError(await api.request('PUT', factorsPath(user.id), { body: {} }), 405, 'E0000022');
  expectOktaError(await api.request('PATCH', `${factorsPath(user.id)}/catalog`, { body: {} }), 405, 'E0000022');
  await expectFactorsUnchanged(api, user.id, before);
});

check('API.INPUT.MEDIA_TYPE', 'a body that is not JSON by its Content-Type is refused with E0000021 or E0000019', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  const res = await api.post(factorsPath(user.id), 'factorType=token:software:totp&provider=OKTA', {
    rawBody: true,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect([400, 415], `HTTP ${res.status}`).toContain(res.status);
  // The catalog's E0000021, or E0000019: the code of the only live recording of that summary.
  expectOktaError(res, res.status, ['E0000021', 'E0000019']);
  await expectFactorsUnchanged(api, user.id, before);
});

check('FACTORS.ACCESS.OTHER_USER', "another user's factor id is 404 for every operation, and the owner's factor is untouched", async ({ api, newUser }) => {
  const owner = await newUser();
  const other = await newUser();
  const othersBefore = await factorIds(api, other.id);
  const enrolled = await api.post<{ id: string }>(factorsPath(owner.id), { factorType: 'token:software:totp', provider: 'GOOGLE' });
  expect(enrolled.status).toBe(200);
  const foreign = factorPath(other.id, enrolled.body.id);
  expectOktaError(await api.get(foreign), 404, 'E0000007');
  expectOktaError(await api.post(`${foreign}/lifecycle/activate`, { passCode: '123456' }), 404, 'E0000007');
  expectOktaError(await api.post(`${foreign}/verify`, { passCode: '123456' }), 404, 'E0000007');
  expectOktaError(await api.delete(foreign), 404, 'E0000007');
  await expectFactorsUnchanged(api, other.id, othersBefore);
  const mine = await api.get<{ status: string }>(factorPath(owner.id, enrolled.body.id));
  expect(mine.status).toBe(200);
  expect(mine.body.status).toBe('PENDING_ACTIVATION');
});

check('FACTORS.INPUT.WRONG_TYPES', 'body fields of the wrong JSON type are refused with 400 and change nothing', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  const enrollBodies = [
    { factorType: ['token:software:totp'], provider: 'OKTA' },
    { factorType: 'token:software:totp', provider: { name: 'OKTA' } },
    { factorType: 'token:software:totp', provider: 'OKTA', profile: 'not an object' },
    { factorType: 'token:software:totp', provider: 'OKTA', verify: ['123456'] },
  ];
  for (const body of enrollBodies) {
    const res = await api.post(factorsPath(user.id), body);
    expect(res.status, `enroll ${JSON.stringify(body)}: HTTP ${res.status}`).toBe(400);
    expectSchema('okta-factors/error', res.body);
  }
  await expectFactorsUnchanged(api, user.id, before);

  const enrolled = await api.post<{ id: string }>(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'OKTA' });
  expect(enrolled.status).toBe(200);
  const factor = factorPath(user.id, enrolled.body.id);
  for (const passCode of [{ code: '123456' }, ['123456'], true]) {
    const res = await api.post(`${factor}/lifecycle/activate`, { passCode });
    expect(res.status, `activate with passCode ${JSON.stringify(passCode)}: HTTP ${res.status}`).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectSchema('okta-factors/error', res.body);
  }
  const read = await api.get<{ status: string }>(factor);
  expect(read.body.status).toBe('PENDING_ACTIVATION');
});

check('API.AUTH.PERMISSION', "a read-only administrator's token reads factors but may not change them (403 E0000006)", async ({ driver, api, newUser }) => {
  const user = await newUser();
  const enrolled = await api.post<{ id: string }>(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'GOOGLE' });
  expect(enrolled.status).toBe(200);
  const readOnly = { authorization: `SSWS ${await driver.readOnlyToken.token()}` };

  const before = await factorIds(api, user.id);
  const listed = await api.get<{ id: string }[]>(factorsPath(user.id), readOnly);
  expect(listed.status, 'a read-only token may read').toBe(200);
  expect(listed.body.map((f) => f.id).sort(), 'the read-only token reads the same list').toEqual(before);
  expect(before).toContain(enrolled.body.id);

  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'OKTA' }, readOnly), 403, 'E0000006');
  expectOktaError(await api.delete(factorPath(user.id, enrolled.body.id), readOnly), 403, 'E0000006');
  // Nothing changed: the same factors, the enrolled one still there.
  await expectFactorsUnchanged(api, user.id, before);
}, { needs: ['readOnlyToken'] });

check('FACTORS.USER.UNKNOWN', 'every Factors API operation on an unknown user is answered 404 E0000007', async ({ api }) => {
  const user = '00u0000000000nonesuch';
  const factor = 'ostf00000000000000000';
  const operations: [method: string, path: string, body?: unknown][] = [
    ['GET', factorsPath(user)],
    ['POST', factorsPath(user), { factorType: 'token:software:totp', provider: 'GOOGLE' }],
    ['GET', factorPath(user, factor)],
    ['POST', `${factorPath(user, factor)}/lifecycle/activate`, { passCode: '123456' }],
    ['POST', `${factorPath(user, factor)}/verify`, { passCode: '123456' }],
    ['GET', `${factorsPath(user)}/questions`],
    ['GET', `${factorsPath(user)}/catalog`],
    ['POST', `/api/v1/users/${user}/lifecycle/reset_factors`],
  ];
  for (const [method, path, body] of operations) {
    expectOktaError(await api.request(method, path, body === undefined ? {} : { body }), 404, 'E0000007');
  }
});

check('API.AUTH.PERMISSION', 'a read-only token may not activate, verify, resend or reset factors either (403 E0000006)', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const pending = await api.post<{ id: string }>(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'GOOGLE' });
  expectStatus(pending, 200);
  const readOnly = { authorization: `SSWS ${await driver.readOnlyToken.token()}` };
  const before = await factorIds(api, user.id);
  const factor = factorPath(user.id, pending.body.id);
  expectOktaError(await api.post(`${factor}/lifecycle/activate`, { passCode: '123456' }, readOnly), 403, 'E0000006');
  expectOktaError(await api.post(`${factor}/verify`, { passCode: '123456' }, readOnly), 403, 'E0000006');
  expectOktaError(await api.post(`${factor}/resend`, { factorType: 'token:software:totp', provider: 'GOOGLE' }, readOnly), 403, 'E0000006');
  expectOktaError(await api.post(`/api/v1/users/${user.id}/lifecycle/reset_factors`, undefined, readOnly), 403, 'E0000006');
  await expectFactorsUnchanged(api, user.id, before);
  expectState('factor status', (await api.get<{ status: string }>(factor)).body.status, 'PENDING_ACTIVATION');
}, { needs: ['readOnlyToken'] });

check('API.CONTENT_TYPE', 'JSON answers, successes and errors alike, carry Content-Type application/json', async ({ api, newUser }) => {
  const user = await newUser();
  const enrolled = await api.post<{ id: string }>(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'GOOGLE' });
  const answers = [
    enrolled,
    await api.get(factorsPath(user.id)),
    await api.get(factorPath(user.id, enrolled.body.id)),
    await api.get(`${factorsPath(user.id)}/catalog`),
    await api.get(factorPath(user.id, 'ostf00000000000000000')),
    await api.post(factorsPath(user.id), { factorType: 'nonesuch', provider: 'OKTA' }),
  ];
  for (const res of answers) {
    expectHeader(res, 'Content-Type', 'application/json', (value) => value !== undefined && /^application\/json\s*(;|$)/i.test(value));
  }
});

