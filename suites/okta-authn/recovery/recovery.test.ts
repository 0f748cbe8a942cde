import { expect } from 'vitest';
import type { DriverWith, TestUser } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { expectOktaError, expectStatus } from '../../support/expect.js';
import { given } from '../../support/given.js';
import { useTarget } from '../../support/target.js';
import { linkOf } from '../../okta-factors/factors.js';
import { AUTHN_PATH, authnPost, expectSuccess, expectTransaction, follow, getState, primaryAuth, stateTokenOf, type Transaction } from '../authn.js';
import {
  exchangeRecoveryToken,
  giveRecoveryQuestion,
  givePhone,
  newPassword,
  passwordReset,
  recovery,
  recoveryChallenge,
  trustedRecovery,
  withPasswordPolicy,
} from '../states.js';

/**
 * Self-service recovery (spec §5.1 A12–A20, §5.4): forgot password and unlock by SMS, CALL and EMAIL, the recovery
 * challenge and its resend, recovery tokens, the recovery question, reset password, trusted applications, and no
 * account enumeration. Codes and recovery tokens are read from the target's outbox.
 */

useTarget();

/** The recovery messages the user received on `channel`, newest last. */
async function recoveryMessages(driver: DriverWith<'outbox'>, user: TestUser, channel: 'sms' | 'call' | 'email') {
  return (await driver.outbox.messages(user.id, channel)).filter((m) => m.recoveryType !== undefined);
}

/** The last recovery code sent to the user on `channel`. */
async function lastCode(driver: DriverWith<'outbox'>, user: TestUser, channel: 'sms' | 'call' | 'email'): Promise<string> {
  const messages = await recoveryMessages(driver, user, channel);
  expect(messages.length > 0, `a recovery message went out by ${channel}`).toBe(true);
  return (messages.at(-1) as { passCode: string }).passCode;
}

/** A different code of the same length. */
const otherCode = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

check('AUTHN.RECOVERY.SMS', 'forgot password by SMS: RECOVERY_CHALLENGE with verify, resend and cancel; the code goes to the phone', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const phone = await givePhone(api, user);
  const txn = expectTransaction(driver, await authnPost(api, `${AUTHN_PATH}/recovery/password`, { username: user.login, factorType: 'SMS' }), 'RECOVERY_CHALLENGE');
  const stateToken = stateTokenOf(txn);
  expect(String(txn.factorType).toUpperCase()).toBe('SMS');
  expect(txn.recoveryType).toBe('PASSWORD');
  expect(new URL(linkOf(txn, 'next').href).pathname.toLowerCase().endsWith(`${AUTHN_PATH}/recovery/factors/sms/verify`), 'next verifies the SMS code').toBe(true);
  expect(new URL(linkOf(txn, 'resend').href).pathname.toLowerCase().endsWith(`${AUTHN_PATH}/recovery/factors/sms/resend`), 'resend').toBe(true);
  linkOf(txn, 'cancel');
  const sent = await recoveryMessages(driver, user, 'sms');
  expect(sent.length, 'one recovery SMS').toBe(1);
  expect(sent[0]?.to.replace(/\D/g, '')).toBe(phone.replace(/\D/g, ''));
  expectTransaction(driver, await getState(api, stateToken), 'RECOVERY_CHALLENGE');
}, { needs: ['outbox'], cells: ['start forgot-password', 'RECOVERY_CHALLENGE get-state'] });

check('AUTHN.RECOVERY.VERIFY', 'the right recovery code moves to RECOVERY with the recovery question and an answer link', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await givePhone(api, user);
  await giveRecoveryQuestion(driver, api, user);
  const { txn, stateToken } = await recoveryChallenge(driver, api, user);
  const code = await given('the recovery code from the outbox', () => lastCode(driver, user, 'sms'), { by: 'AUTHN.RECOVERY.SMS' });
  const recovered = expectTransaction(driver, await follow(api, txn, 'next', stateToken, { passCode: code }), 'RECOVERY');
  expect(recovered.stateToken === stateToken, 'the same transaction').toBe(true);
  const question = (recovered._embedded?.user as { recovery_question?: { question?: string } } | undefined)?.recovery_question?.question;
  expect(question).toBe('Who is the harness?');
  expect(linkOf(recovered, 'next').name).toBe('answer');
  expectTransaction(driver, await getState(api, stateToken), 'RECOVERY');
}, { needs: ['outbox'], cells: ['RECOVERY_CHALLENGE recovery-verify', 'RECOVERY get-state'] });

check('AUTHN.RECOVERY.VERIFY.BAD_CODE', 'a wrong recovery code is 403 E0000068 and the transaction stays RECOVERY_CHALLENGE', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await givePhone(api, user);
  const { txn, stateToken } = await recoveryChallenge(driver, api, user);
  const code = await given('the recovery code from the outbox', () => lastCode(driver, user, 'sms'), { by: 'AUTHN.RECOVERY.SMS' });
  expectOktaError(await follow(api, txn, 'next', stateToken, { passCode: otherCode(code) }), 403, 'E0000068');
  expectTransaction(driver, await getState(api, stateToken), 'RECOVERY_CHALLENGE');
}, { needs: ['outbox'], cells: ['RECOVERY_CHALLENGE recovery-verify'] });

check('AUTHN.RECOVERY.RESEND', 'resend sends a new code and stays; a second resend within 30 s is 429', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await givePhone(api, user);
  const { txn, stateToken } = await recoveryChallenge(driver, api, user);
  await driver.clock.advance(31_000);
  const again = expectTransaction(driver, await follow(api, txn, 'resend', stateToken), 'RECOVERY_CHALLENGE');
  expect(again.stateToken === stateToken, 'the same transaction').toBe(true);
  expect((await recoveryMessages(driver, user, 'sms')).length, 'a second recovery SMS').toBe(2);
  expectOktaError(await follow(api, txn, 'resend', stateToken), 429, ['E0000109', 'E0000047']);
  expect((await recoveryMessages(driver, user, 'sms')).length, 'no third SMS').toBe(2);
  expectTransaction(driver, await getState(api, stateToken), 'RECOVERY_CHALLENGE');
}, { needs: ['outbox', 'clock'], cells: ['RECOVERY_CHALLENGE recovery-resend'] });

check('AUTHN.RECOVERY.CALL', 'forgot password by CALL: RECOVERY_CHALLENGE, the code by voice call, and it verifies', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await givePhone(api, user);
  await giveRecoveryQuestion(driver, api, user);
  await withPasswordPolicy(driver, { recovery: { call: true } }, async () => {
    const { txn, stateToken } = await recoveryChallenge(driver, api, user, 'CALL');
    expect(String(txn.factorType).toUpperCase()).toBe('CALL');
    const code = await lastCode(driver, user, 'call');
    expectTransaction(driver, await follow(api, txn, 'next', stateToken, { passCode: code }), 'RECOVERY');
  });
}, { needs: ['outbox', 'policy'], cells: ['start forgot-password', 'RECOVERY_CHALLENGE recovery-verify'] });

check('AUTHN.RECOVERY.EMAIL', 'forgot password by EMAIL: WAITING without a stateToken; the emailed recovery token leads to RECOVERY', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await giveRecoveryQuestion(driver, api, user);
  const res = await authnPost(api, `${AUTHN_PATH}/recovery/password`, { username: user.login, factorType: 'EMAIL' });
  const txn = expectTransaction(driver, res, 'RECOVERY_CHALLENGE');
  expect(txn.factorResult).toBe('WAITING');
  expect(txn.stateToken === undefined, 'an EMAIL recovery answers without a stateToken').toBe(true);
  expect(String(txn.factorType).toUpperCase()).toBe('EMAIL');
  const token = await lastCode(driver, user, 'email');
  const recovered = expectTransaction(driver, await exchangeRecoveryToken(api, token), 'RECOVERY');
  expect(recovered.recoveryType).toBe('PASSWORD');
  expect(linkOf(recovered, 'next').name).toBe('answer');
}, { needs: ['outbox'], cells: ['start forgot-password', 'start recovery-token'] });

check('AUTHN.RECOVERY.TOKEN.ONE_TIME', 'a recovery token exchanged twice: the second is 401 E0000011, as is an unknown one', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await giveRecoveryQuestion(driver, api, user);
  const trusted = await given('a trusted recovery token', async () => expectTransaction(driver, await trustedRecovery(api, user.login), 'RECOVERY'), { by: 'AUTHN.RECOVERY.TRUSTED' });
  const token = trusted.recoveryToken as string;
  expectTransaction(driver, await exchangeRecoveryToken(api, token), 'RECOVERY');
  expectOktaError(await exchangeRecoveryToken(api, token), 401, 'E0000011');
  expectOktaError(await exchangeRecoveryToken(api, `${token}x`), 401, 'E0000011');
}, { cells: ['start recovery-token'] });

check('AUTHN.RECOVERY.ANSWER', 'the right answer moves to PASSWORD_RESET; a wrong one is 403 E0000087, state unchanged', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const answer = await giveRecoveryQuestion(driver, api, user);
  const { txn, stateToken } = await recovery(driver, api, user);
  const wrong = `${answer}x`;
  driver.registerSecret(wrong);
  expectOktaError(await follow(api, txn, 'next', stateToken, { answer: wrong }), 403, 'E0000087');
  expectTransaction(driver, await getState(api, stateToken), 'RECOVERY');
  const reset = expectTransaction(driver, await follow(api, txn, 'next', stateToken, { answer }), 'PASSWORD_RESET');
  expect(typeof reset._embedded?.policy === 'object', 'PASSWORD_RESET embeds the password policy').toBe(true);
  expect(new URL(linkOf(reset, 'next').href).pathname.endsWith(`${AUTHN_PATH}/credentials/reset_password`), 'next resets the password').toBe(true);
  expectTransaction(driver, await getState(api, stateToken), 'PASSWORD_RESET');
}, { cells: ['RECOVERY recovery-answer', 'RECOVERY get-state', 'PASSWORD_RESET get-state'] });

check('AUTHN.RECOVERY.RESET', 'reset_password ends with SUCCESS and the new password; a refused password changes nothing', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const answer = await giveRecoveryQuestion(driver, api, user);
  const { txn, stateToken } = await passwordReset(driver, api, user, answer);
  driver.registerSecret('short');
  expectOktaError(await follow(api, txn, 'next', stateToken, { newPassword: 'short' }), 403, ['E0000014', 'E0000080']);
  expectTransaction(driver, await getState(api, stateToken), 'PASSWORD_RESET');
  const fresh = newPassword(driver);
  expectSuccess(driver, await follow(api, txn, 'next', stateToken, { newPassword: fresh }), user);
  expectOktaError(await primaryAuth(api, user.login, user.password), 401, 'E0000004');
  expectSuccess(driver, await primaryAuth(api, user.login, fresh), user);
}, { cells: ['PASSWORD_RESET reset-password'] });

check('AUTHN.RECOVERY.UNKNOWN_USER', 'recovery for an unknown username is answered as for a known one', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await givePhone(api, user);
  const unknown = `nobody-${user.login}`;
  for (const factorType of ['SMS', 'EMAIL']) {
    const known = expectTransaction(driver, await authnPost(api, `${AUTHN_PATH}/recovery/password`, { username: user.login, factorType }), 'RECOVERY_CHALLENGE');
    const stranger = expectTransaction(driver, await authnPost(api, `${AUTHN_PATH}/recovery/password`, { username: unknown, factorType }), 'RECOVERY_CHALLENGE');
    expect(Object.keys(stranger).sort(), `${factorType}: the same fields`).toEqual(Object.keys(known).sort());
    expect(Object.keys(stranger._links ?? {}).sort(), `${factorType}: the same links`).toEqual(Object.keys(known._links ?? {}).sort());
    await driver.clock.advance(31_000);
  }
}, { needs: ['clock'], cells: ['start forgot-password'] });

check('AUTHN.RECOVERY.TRUSTED', 'a trusted application gets RECOVERY with the recoveryToken; an unknown user is 403 E0000095', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await giveRecoveryQuestion(driver, api, user);
  const txn = expectTransaction(driver, await trustedRecovery(api, user.login), 'RECOVERY');
  expect(typeof txn.recoveryToken === 'string' && txn.recoveryToken.length > 0, 'RECOVERY carries the recoveryToken').toBe(true);
  expect(txn._embedded?.user?.id).toBe(user.id);
  const next = linkOf(txn, 'next');
  expect(next.name).toBe('recovery');
  expect(new URL(next.href).pathname.endsWith(`${AUTHN_PATH}/recovery/token`), 'next exchanges the recovery token').toBe(true);
  expectOktaError(await trustedRecovery(api, `nobody-${user.login}`), 403, 'E0000095');
  expectOktaError(await trustedRecovery(api, `nobody-${user.login}`, 'unlock'), 403, 'E0000095');
}, { cells: ['start forgot-password', 'start unlock'] });

check('AUTHN.UNLOCK', 'a locked-out user unlocks by SMS and signs in again with the password', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await givePhone(api, user);
  const answer = await giveRecoveryQuestion(driver, api, user);
  const wrong = `${user.password}x`;
  driver.registerSecret(wrong);
  await withPasswordPolicy(driver, { lockout: { maxAttempts: 2, showLockoutFailures: true } }, async () => {
    await given('the user is locked out (LOCKED_OUT)', async () => {
      for (let i = 0; i < 2; i++) await primaryAuth(api, user.login, wrong);
      await driver.clock.advance(1_100);
      expectTransaction(driver, await primaryAuth(api, user.login, user.password), 'LOCKED_OUT');
    }, { by: 'AUTHN.LOCKOUT' });
    const { txn, stateToken } = await recoveryChallenge(driver, api, user, 'SMS', 'unlock');
    expect(txn.recoveryType).toBe('UNLOCK');
    const code = await lastCode(driver, user, 'sms');
    const recovered = expectTransaction(driver, await follow(api, txn, 'next', stateToken, { passCode: code }), 'RECOVERY');
    const done = await follow(api, recovered, 'next', stateToken, { answer });
    expectStatus(done, 200);
    expect((done.body as Transaction).status, 'the unlock completes').toBe('SUCCESS');
    await driver.clock.advance(1_100);
    // Unlocked: the password signs in again (to the user's sms factor, MFA_REQUIRED, or SUCCESS where no MFA is asked).
    const after = await primaryAuth(api, user.login, user.password);
    expectStatus(after, 200);
    expect(['SUCCESS', 'MFA_REQUIRED'], 'signed in, not LOCKED_OUT').toContain(after.body.status);
  });
}, { needs: ['outbox', 'policy', 'clock'], cells: ['start unlock', 'RECOVERY recovery-answer'] });
