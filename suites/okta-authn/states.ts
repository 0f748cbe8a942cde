import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, DriverWith, PasswordPolicyChange, TestUser } from '../../drivers/contract.js';
import { expectStatus } from '../support/expect.js';
import { given } from '../support/given.js';
import { AUTHN_PATH, authnPost, expectTransaction, stateTokenOf, type Transaction } from './authn.js';
import { enroll } from '../okta-factors/factors.js';
import { randomPhone } from '../okta-factors/otp-activation/messages.js';

/**
 * How the checks bring a fresh user's transaction into the password and recovery states (spec §5.3), through the
 * public API (Users API, Factors API, Authentication API) and the `policy` capability, never by reaching into a target.
 */

/** A transaction in progress: its body and its stateToken. */
export interface InState {
  txn: Transaction;
  stateToken: string;
}

/** Runs `body` with the password policy changed, then puts back what was there. */
export async function withPasswordPolicy(driver: DriverWith<'policy'>, change: PasswordPolicyChange, body: () => Promise<void>): Promise<void> {
  const before = await driver.policy.passwordPolicy();
  await driver.policy.setPasswordPolicy(change);
  try {
    await body();
  } finally {
    await driver.policy.setPasswordPolicy(before);
  }
}

/** A1 as a public application, with `options` (and any other field) as given. */
export function primaryWith(api: ApiClient, user: TestUser, extra: Record<string, unknown>): Promise<ApiResponse<Transaction>> {
  return authnPost(api, AUTHN_PATH, { username: user.login, password: user.password, ...extra });
}

/** A password the default policies take, new each time (a secret). */
export function newPassword(driver: Driver): string {
  const password = `Nw${randomBytes(9).toString('hex')}7!`;
  driver.registerSecret(password);
  return password;
}

/** The user's recovery question and answer, set as Okta's Users API takes it (`credentials.recovery_question`). */
export async function giveRecoveryQuestion(driver: Driver, api: ApiClient, user: TestUser): Promise<string> {
  const answer = `answer ${randomBytes(6).toString('hex')}`;
  driver.registerSecret(answer);
  await given('the user has a recovery question (Users API credentials.recovery_question)', async () => {
    const res = await api.post(`/api/v1/users/${user.id}`, { credentials: { recovery_question: { question: 'Who is the harness?', answer } } });
    expectStatus(res, 200);
  });
  return answer;
}

/** The user's active sms factor (activated at once, `activate=true`): the phone SMS and CALL recovery go to. */
export async function givePhone(api: ApiClient, user: TestUser): Promise<string> {
  const phone = randomPhone();
  await given('the user has an active sms factor', () => enroll(api, user.id, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone } }, { activate: true }));
  return phone;
}

/** PASSWORD_EXPIRED: the Users API expires the password, then the user signs in. */
export async function passwordExpired(driver: Driver, api: ApiClient, user: TestUser): Promise<InState> {
  return given(
    'the user signs in with an expired password (PASSWORD_EXPIRED)',
    async () => {
      expectStatus(await api.post(`/api/v1/users/${user.id}/lifecycle/expire_password`, {}), 200);
      const txn = expectTransaction(driver, await primaryWith(api, user, {}), 'PASSWORD_EXPIRED');
      return { txn, stateToken: stateTokenOf(txn) };
    },
    { by: 'AUTHN.PASSWORD.EXPIRED' },
  );
}

/** The expiry the checks set for PASSWORD_WARN: the password expires in a day and the warning starts at once. */
export const WARN_NOW: PasswordPolicyChange = { expiration: { passwordExpireDays: 1, expireWarnDays: 1 } };

/** PASSWORD_WARN (inside withPasswordPolicy(WARN_NOW)): the client asks to be warned. */
export async function passwordWarn(driver: Driver, api: ApiClient, user: TestUser): Promise<InState> {
  return given(
    'the user signs in with a password about to expire, asking to be warned (PASSWORD_WARN)',
    async () => {
      const txn = expectTransaction(driver, await primaryWith(api, user, { options: { warnBeforePasswordExpired: true } }), 'PASSWORD_WARN');
      return { txn, stateToken: stateTokenOf(txn) };
    },
    { by: 'AUTHN.PASSWORD.WARN' },
  );
}

/** A trusted application's recovery (API token, no factorType): RECOVERY with the recoveryToken itself. */
export function trustedRecovery(api: ApiClient, username: string, kind: 'password' | 'unlock' = 'password'): Promise<ApiResponse<Transaction>> {
  return api.post<Transaction>(`${AUTHN_PATH}/recovery/${kind}`, { username });
}

/** A18: the recovery token exchanged for a RECOVERY transaction (public application). */
export function exchangeRecoveryToken(api: ApiClient, recoveryToken: string): Promise<ApiResponse<Transaction>> {
  return authnPost(api, `${AUTHN_PATH}/recovery/token`, { recoveryToken });
}

/** RECOVERY: a trusted application's recovery token, exchanged (the user has a recovery question). */
export async function recovery(driver: Driver, api: ApiClient, user: TestUser): Promise<InState> {
  return given(
    'a recovery token exchanged for a RECOVERY transaction',
    async () => {
      const trusted = expectTransaction(driver, await trustedRecovery(api, user.login), 'RECOVERY');
      expect(typeof trusted.recoveryToken === 'string', 'the trusted recovery carries a recoveryToken').toBe(true);
      const txn = expectTransaction(driver, await exchangeRecoveryToken(api, trusted.recoveryToken as string), 'RECOVERY');
      return { txn, stateToken: stateTokenOf(txn) };
    },
    { by: 'AUTHN.RECOVERY.TRUSTED' },
  );
}

/** PASSWORD_RESET: RECOVERY, then the recovery question answered. */
export async function passwordReset(driver: Driver, api: ApiClient, user: TestUser, answer: string): Promise<InState> {
  const { txn, stateToken } = await recovery(driver, api, user);
  return given(
    'the recovery question answered (PASSWORD_RESET)',
    async () => {
      const reset = expectTransaction(driver, await authnPost(api, linkHref(txn, 'next'), { stateToken, answer }), 'PASSWORD_RESET');
      return { txn: reset, stateToken };
    },
    { by: 'AUTHN.RECOVERY.ANSWER' },
  );
}

/** RECOVERY_CHALLENGE by SMS (the user has a phone): the public application's forgot-password. */
export async function recoveryChallenge(driver: Driver, api: ApiClient, user: TestUser, factorType: 'SMS' | 'CALL' = 'SMS', kind: 'password' | 'unlock' = 'password'): Promise<InState> {
  return given(
    `forgot password by ${factorType} (RECOVERY_CHALLENGE)`,
    async () => {
      const txn = expectTransaction(driver, await authnPost(api, `${AUTHN_PATH}/recovery/${kind}`, { username: user.login, factorType }), 'RECOVERY_CHALLENGE');
      return { txn, stateToken: stateTokenOf(txn) };
    },
    { by: 'AUTHN.RECOVERY.SMS' },
  );
}

function linkHref(txn: Transaction, rel: string): string {
  const link = txn._links?.[rel];
  const one = Array.isArray(link) ? link[0] : link;
  expect(typeof one?.href === 'string', `the ${txn.status} transaction has a ${rel} link`).toBe(true);
  return one?.href as string;
}
