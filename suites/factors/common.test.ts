import { expect } from 'vitest';
import { check } from '../support/check.js';
import { expectOktaError } from '../support/expect.js';
import { factorPath, factorsPath, listFactors } from '../support/factors.js';
import { useTarget } from '../support/target.js';

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
