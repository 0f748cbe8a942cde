import { expectState, expectStatus } from '../../support/expect.js';
import { given } from '../../support/given.js';
import { authPasscode, expectDuoError, expectDuoOk, expectResult, newHardwareToken, userWithPhone, userWithToken } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';

/** Admin API factor management: users, phones and their Duo Mobile activation, hardware tokens (spec §4.1–§4.3). */

useDuoTarget();

interface Phone { phone_id: string; activated: boolean; capabilities: string[] }

duoCheck('DUO.ADMIN.USER.CREATE', 'a created user reads back active, and the username lookup finds it', async ({ duo, fixtures }) => {
  const username = fixtures.newUsername();
  const created = expectDuoOk<{ user_id: string; status: string }>(await duo.admin('POST', '/admin/v1/users', { username, realname: 'Conformance User' }), 'duo-auth/admin#user');
  fixtures.adopt(created.user_id);
  expectState('status of a new user', created.status, 'active');
  const found = expectDuoOk<{ user_id: string }[]>(await duo.admin('GET', '/admin/v1/users', { username }));
  expectState('users found by username', found.map((u) => u.user_id).join(','), created.user_id);
  const read = expectDuoOk<{ username: string }>(await duo.admin('GET', `/admin/v1/users/${created.user_id}`), 'duo-auth/admin#user');
  expectState('username read back', read.username, username);
});

duoCheck('DUO.ADMIN.USER.DELETE', 'a deleted user is 404 40401, and deleting it again succeeds', async ({ duo, fixtures }) => {
  const user = await fixtures.createUser();
  const deleted = await duo.admin('DELETE', `/admin/v1/users/${user.user_id}`);
  expectState('delete response', expectDuoOk(deleted), '');
  expectDuoError(await duo.admin('GET', `/admin/v1/users/${user.user_id}`), 404, 40401);
  expectStatus(await duo.admin('DELETE', `/admin/v1/users/${user.user_id}`), 200);
});

duoCheck('DUO.ADMIN.USER.PARAMS', 'creating a user without a username answers 400', async ({ duo }) => {
  expectDuoError(await duo.admin('POST', '/admin/v1/users', { realname: 'No Username' }), 400, [40001, 40002]);
});

duoCheck('DUO.ADMIN.PHONE.ASSOCIATE', "an associated phone is in the user's phones, not activated, with sms and phone", async ({ duo, fixtures }) => {
  const { user, phoneId } = await userWithPhone(duo, fixtures, { by: 'DUO.ADMIN.PHONE.ASSOCIATE' });
  const phones = expectDuoOk<Phone[]>(await duo.admin('GET', `/admin/v1/users/${user.user_id}/phones`));
  const phone = phones.find((p) => p.phone_id === phoneId);
  expectState("the phone among the user's phones", phone?.phone_id, phoneId);
  expectState('activated before Duo Mobile', phone?.activated, false);
  expectState('capabilities of a phone with a number', ['sms', 'phone'].every((c) => phone?.capabilities.includes(c)), true);
});

duoCheck('DUO.ADMIN.PHONE.ACTIVATION', 'activation_url answers the links; once claimed the phone is activated and can take a push', async ({ duo, fixtures, driver }) => {
  const { phoneId } = await userWithPhone(duo, fixtures, { by: 'DUO.ADMIN.PHONE.ASSOCIATE' });
  const links = expectDuoOk<{ activation_url: string }>(await duo.admin('POST', `/admin/v1/phones/${phoneId}/activation_url`, { install: 1, valid_secs: 3600 }), 'duo-auth/admin#activationUrl');
  driver.registerSecret(links.activation_url);
  const before = expectDuoOk<Phone>(await duo.admin('GET', `/admin/v1/phones/${phoneId}`), 'duo-auth/admin#phone');
  expectState('activated before the link is claimed', before.activated, false);
  await driver.duoMobile.activate(links.activation_url);
  const after = expectDuoOk<Phone>(await duo.admin('GET', `/admin/v1/phones/${phoneId}`), 'duo-auth/admin#phone');
  expectState('activated once claimed', after.activated, true);
  expectState('push among the capabilities once claimed', after.capabilities.includes('push'), true);
  // A phone of unknown type or platform cannot be activated (spec §4.2).
  const unknown = await fixtures.createPhone({ number: '+15555550199' });
  expectDuoError(await duo.admin('POST', `/admin/v1/phones/${unknown.phone_id}/activation_url`), 400, 40002);
}, { needs: ['duoMobile'] });

duoCheck('DUO.ADMIN.PHONE.SMS_ACTIVATION', 'send_sms_activation texts the activation link to the phone', async ({ duo, fixtures, driver }) => {
  const { user, phoneId } = await userWithPhone(duo, fixtures, { by: 'DUO.ADMIN.PHONE.ASSOCIATE' });
  expectDuoOk(await duo.admin('POST', `/admin/v1/phones/${phoneId}/send_sms_activation`, { install: 1 }), 'duo-auth/admin#smsActivation');
  const messages = await given('the outbox', () => driver.outbox.messages(user.user_id, 'sms'));
  const sent = messages.filter((m) => m.factorId === phoneId);
  expectState('activation SMS sent to the phone', sent.length, 1);
  await driver.duoMobile.activate(sent[0]?.passCode ?? '');
  const after = expectDuoOk<Phone>(await duo.admin('GET', `/admin/v1/phones/${phoneId}`), 'duo-auth/admin#phone');
  expectState('activated through the texted link', after.activated, true);
}, { needs: ['outbox', 'duoMobile'] });

duoCheck('DUO.ADMIN.TOKEN.CREATE', 'an HOTP token created with its counter authenticates with its codes from there', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const { user, tokenId, token } = await userWithToken(duo, fixtures, register, 'DUO.ADMIN.TOKEN.CREATE');
  const read = expectDuoOk<{ token_id: string; type: string }>(await duo.admin('GET', `/admin/v1/tokens/${tokenId}`), 'duo-auth/admin#token');
  expectState('token type', read.type, 'h6');
  expectResult('the first code', expectDuoOk(await authPasscode(duo, register, user.username, token.code(0)), 'duo-auth/auth#authResult'), 'allow');
  expectResult('the first code again', expectDuoOk(await authPasscode(duo, register, user.username, token.code(0)), 'duo-auth/auth#authResult'), 'deny');
  // A token created part-way through its counter: its codes count from there.
  const other = await fixtures.createUser();
  const hardware = newHardwareToken(register);
  const created = await given('a token created at counter 50', () => fixtures.createToken({ type: 'h6', serial: hardware.serial, secret: hardware.secretHex, counter: '50' }), { by: 'DUO.ADMIN.TOKEN.CREATE' });
  expectDuoOk(await duo.admin('POST', `/admin/v1/users/${other.user_id}/tokens`, { token_id: created.token_id }));
  expectResult('its code at counter 50', expectDuoOk(await authPasscode(duo, register, other.username, hardware.token.code(50)), 'duo-auth/auth#authResult'), 'allow');
});

duoCheck('DUO.ADMIN.TOKEN.RESYNC', 'a token whose counter ran ahead is refused until resynced with three codes', async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const { user, tokenId, token } = await userWithToken(duo, fixtures, register, 'DUO.ADMIN.TOKEN.CREATE');
  // The button was pressed 100 times: far beyond any look-ahead window.
  expectResult('a code 100 presses ahead', expectDuoOk(await authPasscode(duo, register, user.username, token.code(100)), 'duo-auth/auth#authResult'), 'deny');
  const codes = [101, 102, 103].map((c) => token.code(c));
  codes.forEach(register);
  expectDuoOk(await duo.admin('POST', `/admin/v1/tokens/${tokenId}/resync`, { code1: codes[0], code2: codes[1], code3: codes[2] }));
  expectResult('the next code after the resync', expectDuoOk(await authPasscode(duo, register, user.username, token.code(104)), 'duo-auth/auth#authResult'), 'allow');
});
