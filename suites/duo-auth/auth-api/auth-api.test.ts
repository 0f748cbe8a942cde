import { expect } from 'vitest';
import { expectHeader, expectState, expectStatus } from '../../support/expect.js';
import { expectDuoError, expectDuoOk } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';

/** The Auth API's ping, check, logo, enroll, enroll_status and preauth (spec §3, §3.1, §3.2). */

useDuoTarget();

duoCheck('DUO.PING', '/ping answers without credentials with the server time in seconds', async ({ duo, driver }) => {
  const time = expectDuoOk<{ time: number }>(await duo.call({ method: 'GET', path: '/auth/v2/ping', unsigned: true }), 'duo-auth/auth#time');
  const now = Math.floor((await driver.now()) / 1000);
  expect(Math.abs(time.time - now), 'ping time within a minute of the target clock, in seconds').toBeLessThan(60);
});

duoCheck('DUO.CHECK', '/check answers the time as JSON (Content-Type application/json exactly)', async ({ duo }) => {
  const res = await duo.call({ method: 'GET', path: '/auth/v2/check' });
  expectDuoOk(res, 'duo-auth/auth#time');
  expectHeader(res, 'content-type', 'application/json', (value) => value === 'application/json');
});

duoCheck('DUO.LOGO', '/logo answers a PNG, or a Duo error when the account has no logo', async ({ duo }) => {
  const res = await duo.call({ method: 'GET', path: '/auth/v2/logo' });
  if (res.status === 200) {
    expectHeader(res, 'content-type', 'image/png', (value) => value === 'image/png');
    return;
  }
  expectDuoError(res, res.status, 40002);
});

duoCheck('DUO.ENROLL.CREATE', '/enroll answers activation data and creates the user', async ({ duo, fixtures }) => {
  const username = fixtures.newUsername();
  const enrolled = expectDuoOk<{ user_id: string; username: string }>(await duo.auth('POST', '/auth/v2/enroll', { username }), 'duo-auth/auth#enroll');
  fixtures.adopt(enrolled.user_id);
  expectState('enrolled username', enrolled.username, username);
  const found = expectDuoOk<{ user_id: string }[]>(await duo.admin('GET', '/admin/v1/users', { username }));
  expectState('users found by the username', found.map((u) => u.user_id).join(','), enrolled.user_id);
});

duoCheck('DUO.ENROLL.DUPLICATE', '/enroll with an existing username answers 400 40002 and creates nothing', async ({ duo, fixtures }) => {
  const user = await fixtures.createUser();
  expectDuoError(await duo.auth('POST', '/auth/v2/enroll', { username: user.username }), 400, 40002);
  const found = expectDuoOk<{ user_id: string }[]>(await duo.admin('GET', '/admin/v1/users', { username: user.username }));
  expectState('users with the username', found.map((u) => u.user_id).join(','), user.user_id);
});

duoCheck('DUO.ENROLL.STATUS', '/enroll_status answers waiting, then success once Duo Mobile claims the code; invalid for another user', async ({ duo, fixtures, driver }) => {
  const enrolled = expectDuoOk<{ user_id: string; activation_code: string }>(await duo.auth('POST', '/auth/v2/enroll', { username: fixtures.newUsername() }), 'duo-auth/auth#enroll');
  fixtures.adopt(enrolled.user_id);
  driver.registerSecret(enrolled.activation_code);
  const status = async (userId: string) => expectDuoOk<string>(await duo.auth('POST', '/auth/v2/enroll_status', { user_id: userId, activation_code: enrolled.activation_code }), 'duo-auth/auth#enrollStatus');
  expectState('enroll_status before Duo Mobile claims the code', await status(enrolled.user_id), 'waiting');
  await driver.duoMobile.activate(enrolled.activation_code);
  expectState('enroll_status once claimed', await status(enrolled.user_id), 'success');
  const other = await fixtures.createUser();
  expectState('enroll_status for another user', await status(other.user_id), 'invalid');
}, { needs: ['duoMobile'] });

duoCheck('DUO.PREAUTH.AUTH', '/preauth for an enrolled user answers auth with its devices and their capabilities', async ({ duo, fixtures }) => {
  const user = await fixtures.createUser();
  const phone = await fixtures.createPhone({ number: '+15555550123', type: 'Mobile', platform: 'Google Android' });
  expectDuoOk(await duo.admin('POST', `/admin/v1/users/${user.user_id}/phones`, { phone_id: phone.phone_id }));
  const pre = expectDuoOk<{ result: string; devices: { device: string; capabilities?: string[] }[] }>(await duo.auth('POST', '/auth/v2/preauth', { username: user.username }), 'duo-auth/auth#preauth');
  expectState('preauth result', pre.result, 'auth');
  const device = pre.devices.find((d) => d.device === phone.phone_id);
  expectState('the phone among the devices', device?.device, phone.phone_id);
  expectState('a phone with a number can receive sms and calls', ['sms', 'phone'].every((c) => device?.capabilities?.includes(c)), true);
  expectState('a phone without Duo Mobile cannot take a push', device?.capabilities?.includes('push'), false);
});

duoCheck('DUO.PREAUTH.ENROLL', '/preauth for an unknown user answers enroll with a portal URL', async ({ duo, fixtures }) => {
  const pre = expectDuoOk<{ result: string }>(await duo.auth('POST', '/auth/v2/preauth', { username: fixtures.newUsername() }), 'duo-auth/auth#preauth');
  expectState('preauth result', pre.result, 'enroll');
});

duoCheck('DUO.PREAUTH.STATUS', '/preauth answers allow for a bypass user and deny for a disabled one', async ({ duo, fixtures }) => {
  const bypass = await fixtures.createUser({ status: 'bypass' });
  const disabled = await fixtures.createUser({ status: 'disabled' });
  for (const user of [bypass, disabled]) {
    const phone = await fixtures.createPhone({ number: '+15555550124', type: 'Mobile', platform: 'Apple iOS' });
    expectDuoOk(await duo.admin('POST', `/admin/v1/users/${user.user_id}/phones`, { phone_id: phone.phone_id }));
  }
  const result = async (username: string) => expectDuoOk<{ result: string }>(await duo.auth('POST', '/auth/v2/preauth', { username }), 'duo-auth/auth#preauth').result;
  expectState('preauth for a bypass user', await result(bypass.username), 'allow');
  expectState('preauth for a disabled user', await result(disabled.username), 'deny');
});

duoCheck('DUO.PREAUTH.PARAMS', '/preauth without a user answers 400 40001 or 40002', async ({ duo }) => {
  const res = await duo.auth('POST', '/auth/v2/preauth', { ipaddr: '127.0.0.1' });
  expectStatus(res, 400);
  expectDuoError(res, 400, [40001, 40002]);
});
