import { expect } from 'vitest';
import type { DuoApiClient } from '../../../drivers/duo/client.js';
import { expectNoSecret, expectSchema, expectState } from '../../support/expect.js';
import { given } from '../../support/given.js';
import { authPasscode, expectDuoError, expectDuoOk, expectLogged, expectResult, logEntriesOf } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';

/** Bypass codes: shown once, metadata after; single use; expiry; count limits (spec §4.4, §3.5). */

useDuoTarget();

async function createCodes(duo: DuoApiClient, register: (s: string) => void, userId: string, params: Record<string, string | number>): Promise<string[]> {
  const codes = expectDuoOk<string[]>(await duo.admin('POST', `/admin/v1/users/${userId}/bypass_codes`, params), 'duo-auth/admin#bypassCodes');
  for (const code of codes) register(code);
  return codes;
}

duoCheck('DUO.BYPASS.CREATE', 'creating bypass codes answers the codes once; listing answers metadata without them', async ({ duo, fixtures, driver }) => {
  const user = await fixtures.createUser();
  const codes = await createCodes(duo, (s) => driver.registerSecret(s), user.user_id, { count: 2 });
  expectState('number of codes', codes.length, 2);
  expect(codes.every((c) => /^\d{9}$/.test(c)), 'codes are 9-digit strings').toBe(true);
  const res = await duo.admin<unknown[]>('GET', `/admin/v1/users/${user.user_id}/bypass_codes`);
  const listed = expectDuoOk(res);
  expectState('listed bypass codes', listed.length, 2);
  for (const entry of listed) expectSchema('duo-auth/admin#bypassCodeMetadata', entry);
  for (const code of codes) expectNoSecret('a bypass code', res.text, code);
});

duoCheck('DUO.BYPASS.SINGLE_USE', 'a bypass code with reuse_count 1 authenticates once; the log says bypass_code, valid_passcode', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const user = await fixtures.createUser();
  const [code = ''] = await given('a bypass code', () => createCodes(duo, register, user.user_id, { count: 1, reuse_count: 1 }), { by: 'DUO.BYPASS.CREATE' });
  expectResult('the bypass code', expectDuoOk(await authPasscode(duo, register, user.username, code), 'duo-auth/auth#authResult'), 'allow');
  expectResult('the bypass code again', expectDuoOk(await authPasscode(duo, register, user.username, code), 'duo-auth/auth#authResult'), 'deny');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'bypass_code', result: 'success', reason: 'valid_passcode' });
}, { needs: ['clock'] });

duoCheck('DUO.BYPASS.EXPIRY', 'a bypass code is refused once valid_secs have passed', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const user = await fixtures.createUser();
  const [first = '', second = ''] = await given('two bypass codes valid 60 s', () => createCodes(duo, register, user.user_id, { count: 2, valid_secs: 60, reuse_count: 1 }), { by: 'DUO.BYPASS.CREATE' });
  expectResult('a code within its 60 s', expectDuoOk(await authPasscode(duo, register, user.username, first), 'duo-auth/auth#authResult'), 'allow');
  await driver.clock.advance(61_000);
  expectResult('a code after its 60 s', expectDuoOk(await authPasscode(duo, register, user.username, second), 'duo-auth/auth#authResult'), 'deny');
}, { needs: ['clock'] });

duoCheck('DUO.BYPASS.LIMITS', 'count above 10, or count with codes, answers 400 40002 and creates nothing', async ({ duo, fixtures }) => {
  const user = await fixtures.createUser();
  expectDuoError(await duo.admin('POST', `/admin/v1/users/${user.user_id}/bypass_codes`, { count: 11 }), 400, 40002);
  expectDuoError(await duo.admin('POST', `/admin/v1/users/${user.user_id}/bypass_codes`, { count: 1, codes: '123456789' }), 400, 40002);
  const listed = expectDuoOk<unknown[]>(await duo.admin('GET', `/admin/v1/users/${user.user_id}/bypass_codes`));
  expectState('bypass codes after the refused calls', listed.length, 0);
});
