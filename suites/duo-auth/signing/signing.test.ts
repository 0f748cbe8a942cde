import { expectDuoError, expectDuoOk } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';
import { expectState } from '../../support/expect.js';

/** Duo's request signing: both versions accepted, each part of the request covered, credentials and dates refused (spec §1, §2.2). */

useDuoTarget();

duoCheck('DUO.SIGN.V2', 'v2 signatures (HMAC-SHA1 and HMAC-SHA512) are accepted on GET query and POST form parameters', async ({ duo, fixtures }) => {
  for (const version of ['v2-sha1', 'v2-sha512'] as const) {
    expectDuoOk(await duo.call({ method: 'GET', path: '/auth/v2/check', version }), 'duo-auth/auth#time');
    // Parameters with characters that must be percent-encoded: space, unicode, reserved punctuation.
    const preauth = await duo.call({ method: 'POST', path: '/auth/v2/preauth', version, params: { username: `${fixtures.newUsername()} é&=+`, ipaddr: '127.0.0.1' } });
    expectDuoOk(preauth, 'duo-auth/auth#preauth');
    const list = await duo.call({ method: 'GET', path: '/admin/v1/users', integration: 'admin', version, params: { username: fixtures.newUsername(), limit: 10 } });
    expectDuoOk(list);
  }
});

duoCheck('DUO.SIGN.V5', 'v5 signatures (JSON body and X-Duo-* headers hashed) are accepted', async ({ duo, fixtures }) => {
  expectDuoOk(await duo.call({ method: 'GET', path: '/auth/v2/check', version: 'v5' }), 'duo-auth/auth#time');
  expectDuoOk(await duo.call({ method: 'POST', path: '/auth/v2/preauth', version: 'v5', params: { username: fixtures.newUsername() } }), 'duo-auth/auth#preauth');
  const withHeader = await duo.call({ method: 'POST', path: '/auth/v2/preauth', version: 'v5', params: { username: fixtures.newUsername() }, headers: { 'X-Duo-Request-Id': 'mfa-conformance' } });
  expectDuoOk(withHeader, 'duo-auth/auth#preauth');
});

duoCheck('DUO.SIGN.MISSING', 'a signed endpoint without credentials answers 401 40101', async ({ duo }) => {
  expectDuoError(await duo.call({ method: 'GET', path: '/auth/v2/check', unsigned: true }), 401, 40101);
  expectDuoError(await duo.call({ method: 'GET', path: '/admin/v1/users', integration: 'admin', unsigned: true }), 401, 40101);
});

duoCheck('DUO.SIGN.IKEY', 'an unknown integration key, or the other integration\'s, answers 401 40102', async ({ duo }) => {
  expectDuoError(await duo.call({ method: 'GET', path: '/auth/v2/check', keys: { ikey: 'DIXXXXXXXXXXXXXXXXXX', skey: 'x'.repeat(40) } }), 401, 40102);
  // The Admin API integration's keys do not open the Auth API.
  expectDuoError(await duo.call({ method: 'GET', path: '/auth/v2/check', integration: 'admin' }), 401, 40102);
});

duoCheck('DUO.SIGN.TAMPERED', 'a request that differs from what was signed, or signed with another secret, answers 401 40103 and changes nothing', async ({ duo, fixtures }) => {
  const check = { method: 'GET' as const, path: '/auth/v2/check' };
  expectDuoError(await duo.call({ ...check, signAs: { method: 'POST' } }), 401, 40103);
  expectDuoError(await duo.call({ ...check, signAs: { host: 'api-other.duo.test' } }), 401, 40103);
  expectDuoError(await duo.call({ ...check, signAs: { path: '/auth/v2/ping' } }), 401, 40103);
  expectDuoError(await duo.call({ ...check, signAs: { date: 'Tue, 21 Aug 2012 17:29:18 -0000' } }), 401, 40103);
  for (const version of ['v2-sha1', 'v2-sha512', 'v5'] as const) {
    expectDuoError(await duo.call({ ...check, version, keys: { ikey: duo.integrationKey('auth'), skey: 'y'.repeat(40) } }), 401, 40103);
  }
  // Parameters and body: a user is created only when what was sent is what was signed.
  const username = fixtures.newUsername();
  const create = { method: 'POST' as const, path: '/admin/v1/users', integration: 'admin' as const };
  expectDuoError(await duo.call({ ...create, params: { username }, signAs: { params: [['username', `${username}x`]] } }), 401, 40103);
  expectDuoError(await duo.call({ ...create, version: 'v5', params: { username }, signAs: { body: JSON.stringify({ username: `${username}x` }) } }), 401, 40103);
  expectDuoError(await duo.call({ ...create, version: 'v5', params: { username }, headers: { 'X-Duo-Extra': 'sent' }, signAs: { duoHeaders: { 'X-Duo-Extra': 'signed' } } }), 401, 40103);
  const found = expectDuoOk<unknown[]>(await duo.admin('GET', '/admin/v1/users', { username }));
  expectState('users with the username after the refused creations', found.length, 0);
});

duoCheck('DUO.SIGN.DATE', 'no date answers 401 40104; a date outside the allowed skew answers 401', async ({ duo, driver }) => {
  expectDuoError(await duo.call({ method: 'GET', path: '/auth/v2/check', dateMs: null }), 401, 40104);
  const now = await driver.now();
  // Duo publishes no window; its own test server allows 300 s (spec §1.5). An hour is outside any.
  expectDuoError(await duo.call({ method: 'GET', path: '/auth/v2/check', dateMs: now - 3_600_000 }), 401, [40105, 40103]);
  expectDuoError(await duo.call({ method: 'GET', path: '/auth/v2/check', dateMs: now + 3_600_000 }), 401, [40105, 40103]);
});

