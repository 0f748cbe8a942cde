import type { DuoApiClient } from '../../../drivers/duo/client.js';
import { expectState } from '../../support/expect.js';
import { given } from '../../support/given.js';
import { authPasscode, expectDuoError, expectDuoOk, expectLogged, expectResult, logEntriesOf, userWithPhone, userWithToken } from '../support/duo.js';
import { duoCheck, useDuoTarget } from '../support/target.js';

/** /auth and /auth_status with each factor, each outcome read back in the authentication log (spec §3.3, §3.4, §4.6, D11). */

useDuoTarget();

type Status = { result: string; status: string; status_msg: string };

async function startAsync(duo: DuoApiClient, username: string, factor: 'push' | 'phone'): Promise<string> {
  const params = { username, factor, device: 'auto', async: 1, ...(factor === 'push' ? { type: 'Login', display_username: 'Conformance', pushinfo: 'from=mfa-conformance' } : {}) };
  return expectDuoOk<{ txid: string }>(await duo.auth('POST', '/auth/v2/auth', params), 'duo-auth/auth#asyncAuth').txid;
}

async function authStatus(duo: DuoApiClient, txid: string): Promise<Status> {
  return expectDuoOk<Status>(await duo.auth('GET', '/auth/v2/auth_status', { txid }), 'duo-auth/auth#authStatus');
}

duoCheck('DUO.AUTH.PUSH.APPROVE', 'an async push waits until approved, then allows; the log says success, user_approved, duo_push', async ({ duo, fixtures, driver }) => {
  const { user } = await userWithPhone(duo, fixtures, { activate: driver.duoMobile.activate, by: 'DUO.ADMIN.PHONE.ACTIVATION' });
  const txid = await startAsync(duo, user.username, 'push');
  expectResult('auth_status before the user answers', await authStatus(duo, txid), 'waiting', 'pushed');
  await driver.duoMobile.respond(txid, 'approve');
  expectResult('auth_status after approval', await authStatus(duo, txid), 'allow', 'allow');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'duo_push', result: 'success', reason: 'user_approved' });
}, { needs: ['duoMobile', 'clock'] });

duoCheck('DUO.AUTH.PUSH.DENY', 'a denied push ends deny/deny; the log says denied', async ({ duo, fixtures, driver }) => {
  const { user } = await userWithPhone(duo, fixtures, { activate: driver.duoMobile.activate, by: 'DUO.ADMIN.PHONE.ACTIVATION' });
  const txid = await startAsync(duo, user.username, 'push');
  await driver.duoMobile.respond(txid, 'deny');
  expectResult('auth_status after the user denied', await authStatus(duo, txid), 'deny', 'deny');
  const entries = await logEntriesOf(duo, driver.clock, user.username);
  // Duo logs a plain denial as user_mistake (observed); the check asks only for the result.
  expectState('logged results', entries.map((e) => `${e.factor}/${e.result.toLowerCase()}`).join(','), 'duo_push/denied');
}, { needs: ['duoMobile', 'clock'] });

duoCheck('DUO.AUTH.PUSH.FRAUD', 'a push reported as fraud ends deny/fraud; the log says fraud, user_marked_fraud', async ({ duo, fixtures, driver }) => {
  const { user } = await userWithPhone(duo, fixtures, { activate: driver.duoMobile.activate, by: 'DUO.ADMIN.PHONE.ACTIVATION' });
  const txid = await startAsync(duo, user.username, 'push');
  await driver.duoMobile.respond(txid, 'fraud');
  expectResult('auth_status after a fraud report', await authStatus(duo, txid), 'deny', 'fraud');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'duo_push', result: 'fraud', reason: 'user_marked_fraud' });
}, { needs: ['duoMobile', 'clock'] });

duoCheck('DUO.AUTH.PUSH.TIMEOUT', 'an unanswered push ends deny/timeout after 60 s; the log says denied, no_response', async ({ duo, fixtures, driver }) => {
  const { user } = await userWithPhone(duo, fixtures, { activate: driver.duoMobile.activate, by: 'DUO.ADMIN.PHONE.ACTIVATION' });
  const txid = await startAsync(duo, user.username, 'push');
  await driver.duoMobile.respond(txid, 'ignore');
  await driver.clock.advance(30_000);
  expectResult('auth_status 30 s after the push', await authStatus(duo, txid), 'waiting', 'pushed');
  await driver.clock.advance(31_000);
  expectResult('auth_status 61 s after the push', await authStatus(duo, txid), 'deny', 'timeout');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'duo_push', result: 'denied', reason: 'no_response' });
}, { needs: ['duoMobile', 'clock'] });

duoCheck('DUO.AUTH.NO_CAPABLE_DEVICE', 'a push to a phone without Duo Mobile answers 400 40002', async ({ duo, fixtures }) => {
  const { user, phoneId } = await userWithPhone(duo, fixtures, { by: 'DUO.ADMIN.PHONE.ASSOCIATE' });
  expectDuoError(await duo.auth('POST', '/auth/v2/auth', { username: user.username, factor: 'push', device: phoneId, async: 1 }), 400, 40002);
  expectDuoError(await duo.auth('POST', '/auth/v2/auth', { username: user.username, factor: 'push', device: 'auto', async: 1 }), 400, 40002);
});

duoCheck('DUO.AUTH.PHONE', 'a phone call is calling until answered and approved, then allows; the log says phone_call, user_approved', async ({ duo, fixtures, driver }) => {
  const { user } = await userWithPhone(duo, fixtures, { by: 'DUO.ADMIN.PHONE.ASSOCIATE' });
  const txid = await startAsync(duo, user.username, 'phone');
  const waiting = await authStatus(duo, txid);
  expectResult('auth_status while dialing', waiting, 'waiting');
  expectState('auth_status while dialing: status', ['calling', 'answered'].includes(waiting.status), true);
  await driver.duoMobile.respond(txid, 'approve');
  expectResult('auth_status after the user pressed a key', await authStatus(duo, txid), 'allow', 'allow');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'phone_call', result: 'success', reason: 'user_approved' });
}, { needs: ['duoMobile', 'clock'] });

duoCheck('DUO.AUTH.SMS', 'factor sms sends passcodes (deny/sent); one authenticates once; the log says sms_passcode, valid_passcode', async ({ duo, fixtures, driver }) => {
  const { user, phoneId } = await userWithPhone(duo, fixtures, { by: 'DUO.ADMIN.PHONE.ASSOCIATE' });
  const sent = expectDuoOk<Status>(await duo.auth('POST', '/auth/v2/auth', { username: user.username, factor: 'sms', device: phoneId }), 'duo-auth/auth#authResult');
  expectResult('factor sms', sent, 'deny', 'sent');
  const messages = await given('the SMS passcodes in the outbox', async () => driver.outbox.messages(user.user_id, 'sms'));
  const passcode = messages[0]?.passCode ?? '';
  expectState('SMS passcodes sent', passcode.length > 0, true);
  expectResult('the first SMS passcode', expectDuoOk<Status>(await authPasscode(duo, (s) => driver.registerSecret(s), user.username, passcode), 'duo-auth/auth#authResult'), 'allow');
  expectResult('the same SMS passcode again', expectDuoOk<Status>(await authPasscode(duo, (s) => driver.registerSecret(s), user.username, passcode), 'duo-auth/auth#authResult'), 'deny');
  expectLogged(await logEntriesOf(duo, driver.clock, user.username), { factor: 'sms_passcode', result: 'success', reason: 'valid_passcode' });
}, { needs: ['outbox', 'clock'] });

duoCheck('DUO.AUTH.PASSCODE', "a hardware token's code allows and a wrong code denies, each logged as it happened", async ({ duo, fixtures, driver }) => {
  const register = (s: string) => driver.registerSecret(s);
  const { user, token } = await userWithToken(duo, fixtures, register, 'DUO.ADMIN.TOKEN.CREATE');
  const good = token.code(0);
  const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
  expectResult('a wrong passcode', expectDuoOk<Status>(await authPasscode(duo, register, user.username, wrong), 'duo-auth/auth#authResult'), 'deny', 'deny');
  expectResult("the token's code", expectDuoOk<Status>(await authPasscode(duo, register, user.username, good), 'duo-auth/auth#authResult'), 'allow', 'allow');
  const entries = await logEntriesOf(duo, driver.clock, user.username);
  expectLogged(entries, { factor: 'hardware_token', result: 'success', reason: 'valid_passcode' });
  const denied = entries.filter((e) => e.result.toLowerCase() === 'denied' && e.reason === 'invalid_passcode');
  expectState('logged invalid_passcode entries', denied.length, 1);
}, { needs: ['clock'] });

duoCheck('DUO.AUTH.STATUS_TXID', '/auth_status with a txid never issued answers 400 40002', async ({ duo }) => {
  expectDuoError(await duo.auth('GET', '/auth/v2/auth_status', { txid: '00000000-0000-4000-8000-000000000000' }), 400, 40002);
});
