import { expectState } from '../../support/expect.js';
import { authPasscode, expectDuoError, expectDuoOk, userWithToken, type LogEntry } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';

/** /admin/v2/logs/authentication: paging with next_offset, the time range (spec §4.6). */

useDuoTarget();

interface LogPage {
  authlogs: LogEntry[];
  metadata: { next_offset?: string[] | null };
}

duoCheck('DUO.LOG.PAGING', 'limit pages the log; next_offset answers the following entries, none twice', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const { user, token } = await userWithToken(duo, fixtures, register, 'DUO.ADMIN.TOKEN.CREATE');
  // The range holds this check's attempts only (an account may be shared with other runs' entries before it).
  const before = await driver.clock.now();
  for (let counter = 0; counter < 3; counter++) expectDuoOk(await authPasscode(duo, register, user.username, token.code(counter)));
  await driver.clock.advance(125_000);
  const now = await driver.clock.now();
  const range = { mintime: before - 1, maxtime: now, limit: 2, sort: 'ts:asc' };
  const first = expectDuoOk<LogPage>(await duo.admin('GET', '/admin/v2/logs/authentication', range), 'duo-auth/auth-log#response');
  expectState('entries on a page of limit 2', first.authlogs.length, 2);
  const offset = first.metadata.next_offset;
  expectState('next_offset present while entries remain', Array.isArray(offset) && offset.length === 2, true);
  await driver.clock.advance(61_000); // two log reads a minute (spec §2.3)
  const second = expectDuoOk<LogPage>(await duo.admin('GET', '/admin/v2/logs/authentication', { ...range, next_offset: (offset ?? []).join(',') }), 'duo-auth/auth-log#response');
  const txids = [...first.authlogs, ...second.authlogs].filter((e) => e.user.name === user.username).map((e) => e.txid);
  expectState('entries of the user across both pages', txids.length, 3);
  expectState('no entry twice', new Set(txids).size, 3);
}, { needs: ['clock'] });

duoCheck('DUO.LOG.TIME_RANGE', 'the log answers only entries between mintime and maxtime; without mintime 400', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const { user, token } = await userWithToken(duo, fixtures, register, 'DUO.ADMIN.TOKEN.CREATE');
  const before = await driver.clock.now();
  expectDuoOk(await authPasscode(duo, register, user.username, token.code(0)));
  await driver.clock.advance(125_000);
  const now = await driver.clock.now();
  const read = async (mintime: number, maxtime: number) =>
    expectDuoOk<LogPage>(await duo.admin('GET', '/admin/v2/logs/authentication', { mintime, maxtime }), 'duo-auth/auth-log#response').authlogs.filter((e) => e.user.name === user.username);
  expectState('entries of the user in a range around the attempt', (await read(before - 1000, now)).length, 1);
  await driver.clock.advance(61_000);
  expectState('entries of the user in a range that ends before it', (await read(before - 3_600_000, before - 1000)).length, 0);
  await driver.clock.advance(61_000);
  expectDuoError(await duo.admin('GET', '/admin/v2/logs/authentication', { maxtime: now }), 400, [40001, 40002]);
}, { needs: ['clock'] });
