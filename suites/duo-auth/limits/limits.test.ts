import { expectState } from '../../support/expect.js';
import { authPasscode, expectDuoError, expectDuoOk, expectLogged, expectResult, logEntriesOf, userWithToken } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';

/** Lockout after consecutive failures, and the 429 of a rate limit (spec §3.5, §2.3). */

useDuoTarget();

duoCheck('DUO.LOCKOUT', 'ten wrong passcodes lock the user out: status locked out, deny/locked_out even with a good code, logged', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const { user, token } = await userWithToken(duo, fixtures, register, 'DUO.ADMIN.TOKEN.CREATE');
  const good = token.code(0);
  const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
  for (let attempt = 0; attempt < 10; attempt++) expectDuoOk(await authPasscode(duo, register, user.username, wrong));
  const read = expectDuoOk<{ status: string }>(await duo.admin('GET', `/admin/v1/users/${user.user_id}`), 'duo-auth/admin#user');
  expectState('user status after 10 failures', read.status, 'locked out');
  expectResult('a good code while locked out', expectDuoOk(await authPasscode(duo, register, user.username, good), 'duo-auth/auth#authResult'), 'deny', 'locked_out');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'passcode', result: 'denied', reason: 'locked_out' });
}, { needs: ['clock'] });

duoCheck('DUO.RATE_LIMIT', 'past its rate limit the authentication log answers 429 42901, and answers again after the window', async ({ duo, driver }) => {
  const read = async () => {
    const now = await driver.clock.now();
    return duo.admin('GET', '/admin/v2/logs/authentication', { mintime: now - 3_600_000, maxtime: now });
  };
  await driver.clock.advance(61_000);
  let limited = await read();
  // Duo documents two calls a minute for the log; the check calls until refused (at most ten times).
  for (let i = 0; i < 10 && limited.status === 200; i++) limited = await read();
  expectDuoError(limited, 429, 42901);
  await driver.clock.advance(61_000);
  expectDuoOk(await read(), 'duo-auth/auth-log#response');
}, { needs: ['clock'] });
