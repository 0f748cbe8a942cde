import { expect } from 'vitest';
import { check } from '../../support/check.js';
import { expectOktaError, expectSchema } from '../../support/expect.js';
import { expectRateLimitHeaders, factorPath, factorsPath, listFactors } from '../factors.js';
import { useTarget } from '../../support/target.js';

/** What every Factors API operation shares: authentication, unknown ids, bad input (spec §1, §6). */

useTarget();

check('API.AUTH.TOKEN_REQUIRED', 'no API token, or a bad one, is answered 401 E0000011', async ({ api, newUser }) => {
  const user = await newUser();
  expectOktaError(await api.get(factorsPath(user.id), { authorization: null }), 401, 'E0000011');
  expectOktaError(await api.get(factorsPath(user.id), { authorization: 'SSWS not-a-valid-token' }), 401, 'E0000011');
  const enroll = await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'OKTA' }, { authorization: null });
  expectOktaError(enroll, 401, 'E0000011');
  expect(await listFactors(api, user.id), 'nothing was enrolled').toEqual([]);
});

check('API.INPUT.MALFORMED_JSON', 'a body that is not JSON is answered 400 E0000003 and enrolls nothing', async ({ api, newUser }) => {
  const user = await newUser();
  const res = await api.post(factorsPath(user.id), '{"factorType": "token:software:totp", "provider": ', { rawBody: true });
  expectOktaError(res, 400, 'E0000003');
  expect(await listFactors(api, user.id)).toEqual([]);
});

check('FACTORS.ENROLL.UNKNOWN_TYPE', 'an unknown factorType or provider is answered 400 E0000001 and enrolls nothing', async ({ api, newUser }) => {
  const user = await newUser();
  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:nonesuch', provider: 'OKTA' }), 400, 'E0000001');
  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'NONESUCH' }), 400, 'E0000001');
  expect(await listFactors(api, user.id)).toEqual([]);
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
  expectOktaError(await api.request('PUT', factorsPath(user.id), { body: {} }), 405, 'E0000022');
  expectOktaError(await api.request('PATCH', `${factorsPath(user.id)}/catalog`, { body: {} }), 405, 'E0000022');
  expect(await listFactors(api, user.id)).toEqual([]);
});

check('API.INPUT.MEDIA_TYPE', 'a body that is not JSON by its Content-Type is refused with E0000021', async ({ api, newUser }) => {
  const user = await newUser();
  const res = await api.post(factorsPath(user.id), 'factorType=token:software:totp&provider=OKTA', {
    rawBody: true,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect([400, 415], `HTTP ${res.status}`).toContain(res.status);
  expectOktaError(res, res.status, 'E0000021');
  expect(await listFactors(api, user.id)).toEqual([]);
});

check('FACTORS.ACCESS.OTHER_USER', "another user's factor id is 404 for every operation, and the owner's factor is untouched", async ({ api, newUser }) => {
  const owner = await newUser();
  const other = await newUser();
  const enrolled = await api.post<{ id: string }>(factorsPath(owner.id), { factorType: 'token:software:totp', provider: 'GOOGLE' });
  expect(enrolled.status).toBe(200);
  const foreign = factorPath(other.id, enrolled.body.id);
  expectOktaError(await api.get(foreign), 404, 'E0000007');
  expectOktaError(await api.post(`${foreign}/lifecycle/activate`, { passCode: '123456' }), 404, 'E0000007');
  expectOktaError(await api.post(`${foreign}/verify`, { passCode: '123456' }), 404, 'E0000007');
  expectOktaError(await api.delete(foreign), 404, 'E0000007');
  expect(await listFactors(api, other.id)).toEqual([]);
  const mine = await api.get<{ status: string }>(factorPath(owner.id, enrolled.body.id));
  expect(mine.status).toBe(200);
  expect(mine.body.status).toBe('PENDING_ACTIVATION');
});

check('FACTORS.INPUT.WRONG_TYPES', 'body fields of the wrong JSON type are refused with 400 and change nothing', async ({ api, newUser }) => {
  const user = await newUser();
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
  expect(await listFactors(api, user.id)).toEqual([]);

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

  const listed = await api.get<{ id: string }[]>(factorsPath(user.id), readOnly);
  expect(listed.status, 'a read-only token may read').toBe(200);
  expect(listed.body.map((f) => f.id)).toEqual([enrolled.body.id]);

  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'token:software:totp', provider: 'OKTA' }, readOnly), 403, 'E0000006');
  expectOktaError(await api.delete(factorPath(user.id, enrolled.body.id), readOnly), 403, 'E0000006');
  // Nothing changed: still exactly the one factor, still there.
  expect((await listFactors(api, user.id)).map((f) => f.id)).toEqual([enrolled.body.id]);
}, { needs: ['readOnlyToken'] });
