import { AuthApiError, OktaAuth, type AuthnTransaction } from '@okta/okta-auth-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { TotpGenerator } from '../../virtual-authenticators/index.js';
import { useMockOrg } from '../mock-org/helpers.js';

/**
 * The official Okta Auth JS client (its Classic Authentication API transactions) against the mock org: the mock must
 * answer what the client follows, HAL links with `hints.allow` naming exactly the method each takes, and the states
 * and objects the client reads. Codes come from the control protocol (outbox, clock), pushes are approved by its
 * push responder, as the suites do; recovery tokens come from the recovery email in the outbox.
 */

const { mock, call, newUser } = useMockOrg({ token: false, userPrefix: 'authjs' });
let admin: Record<string, string>;

type Json = Record<string, unknown>;

beforeAll(() => {
  admin = { authorization: `SSWS ${mock.token}` };
});

/** A client for the mock's origin (the Authentication API lives at the issuer's origin). */
function client(): OktaAuth {
  return new OktaAuth({ issuer: mock.url });
}

async function control(method: string, path: string, body?: unknown): Promise<Json> {
  const res = await call(method, `/__control/v1${path}`, body, admin);
  expect(res.status, res.text).toBe(200);
  return res.json ?? {};
}

async function setPolicy(factors: { factorType: string; provider: string; enrollment: 'REQUIRED' | 'OPTIONAL' | 'DISABLED' }[]): Promise<void> {
  await control('POST', '/factor-policy', { factors });
}

async function mockNow(): Promise<number> {
  return (await control('GET', '/clock')).epochMs as number;
}

/** Moves the mock's clock on (to the next TOTP step, past the 30-second sms window). */
async function advance(ms: number): Promise<void> {
  await control('POST', '/clock', { advanceMs: ms });
}

async function latestCode(userId: string, channel: 'sms' | 'email'): Promise<string> {
  const res = await call('GET', `/__control/v1/outbox?userId=${userId}&channel=${channel}`, undefined, admin);
  const messages = (res.json as unknown as { messages?: { passCode: string }[] } | undefined)?.messages ?? (res.json as unknown as { passCode: string }[]);
  const last = Array.isArray(messages) ? messages.at(-1) : undefined;
  expect(last, `an ${channel} was sent`).toBeDefined();
  return (last as { passCode: string }).passCode;
}

/** Enrolls and activates a factor through the Factors API (admin), for users who then sign in with MFA. */
async function factorsApi(method: string, path: string, body?: unknown): Promise<Json> {
  const res = await call(method, path, body, admin);
  expect(res.status, res.text).toBeLessThan(300);
  return res.json ?? {};
}

async function activeTotp(userId: string): Promise<TotpGenerator> {
  const factor = await factorsApi('POST', `/api/v1/users/${userId}/factors`, { factorType: 'token:software:totp', provider: 'GOOGLE' });
  const activation = (factor._embedded as Json).activation as { sharedSecret: string; encoding: string; timeStep: number };
  const totp = TotpGenerator.fromOktaActivation(activation);
  await factorsApi('POST', `/api/v1/users/${userId}/factors/${factor.id as string}/lifecycle/activate`, { passCode: totp.code(await mockNow()) });
  // The activation's code is spent: sign-in uses the next step's.
  await advance(30_000);
  return totp;
}

async function activePush(userId: string): Promise<string> {
  const factor = await factorsApi('POST', `/api/v1/users/${userId}/factors`, { factorType: 'push', provider: 'OKTA' });
  const id = factor.id as string;
  await control('POST', `/push/${userId}/${id}`, { action: 'approve' });
  await factorsApi('POST', `/api/v1/users/${userId}/factors/${id}/lifecycle/activate/poll`, {});
  return id;
}

interface ClientFactor {
  id?: string;
  factorType: string;
  provider: string;
  verify(options?: Json): Promise<AuthnTransaction>;
  enroll(options?: Json): Promise<AuthnTransaction>;
}

function factorOf(tx: AuthnTransaction, factorType: string, provider: string): ClientFactor {
  const factors = (tx.factors ?? []) as unknown as ClientFactor[];
  const factor = factors.find((f) => f.factorType === factorType && f.provider === provider);
  expect(factor, `${tx.status} offers ${factorType} (${provider})`).toBeDefined();
  return factor as ClientFactor;
}

/** The transaction's stateToken (the client keeps the raw response in `data`). */
const stateTokenOf = (tx: AuthnTransaction & { data?: { stateToken?: string } }) => tx.data?.stateToken;

describe('MFA_REQUIRED → factor.verify → SUCCESS', () => {
  test('TOTP: factor.verify({passCode})', async () => {
    const user = await newUser();
    const totp = await activeTotp(user.id);
    const tx = await client().signInWithCredentials({ username: user.login, password: user.password });
    expect(tx.status).toBe('MFA_REQUIRED');
    const done = await factorOf(tx, 'token:software:totp', 'GOOGLE').verify({ passCode: totp.code(await mockNow()) });
    expect(done.status).toBe('SUCCESS');
    expect(typeof done.sessionToken).toBe('string');
  });

  test('TOTP: a wrong passCode is an AuthApiError E0000068', async () => {
    const user = await newUser();
    const totp = await activeTotp(user.id);
    const tx = await client().signInWithCredentials({ username: user.login, password: user.password });
    const right = totp.code(await mockNow());
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const error = await factorOf(tx, 'token:software:totp', 'GOOGLE').verify({ passCode: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthApiError);
    expect((error as AuthApiError).errorCode).toBe('E0000068');
  });

  test('sms: factor.verify() → MFA_CHALLENGE, the code from the outbox → SUCCESS; prev() goes back to MFA_REQUIRED', async () => {
    const user = await newUser();
    await factorsApi('POST', `/api/v1/users/${user.id}/factors?activate=true`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15554151337' } });
    const tx = await client().signInWithCredentials({ username: user.login, password: user.password });
    const challenge = await factorOf(tx, 'sms', 'OKTA').verify();
    expect(challenge.status).toBe('MFA_CHALLENGE');
    const back = await challenge.prev!();
    expect(back.status).toBe('MFA_REQUIRED');
    await advance(30_000);
    const again = await factorOf(back, 'sms', 'OKTA').verify();
    expect(again.status).toBe('MFA_CHALLENGE');
    const done = await again.verify!({ passCode: await latestCode(user.id, 'sms') });
    expect(done.status).toBe('SUCCESS');
  });

  test('push: factor.verify() → WAITING, approved by the push responder, poll() → SUCCESS', async () => {
    const user = await newUser();
    const factorId = await activePush(user.id);
    const tx = await client().signInWithCredentials({ username: user.login, password: user.password });
    const waiting = await factorOf(tx, 'push', 'OKTA').verify({ autoPush: true });
    expect(waiting.status).toBe('MFA_CHALLENGE');
    expect(waiting.factorResult).toBe('WAITING');
    await control('POST', `/push/${user.id}/${factorId}`, { action: 'approve' });
    // The device has answered already: the first poll finds it, so no delay is ever waited.
    const done = await waiting.poll!({ delay: 0, autoPush: true });
    expect(done.status).toBe('SUCCESS');
  });
});

describe('MFA_ENROLL → enroll → MFA_ENROLL_ACTIVATE → activate → SUCCESS', () => {
  test('TOTP (Google) through factor.enroll() and tx.activate({passCode}); prev() and cancel() where offered', async () => {
    await setPolicy([{ factorType: 'token:software:totp', provider: 'GOOGLE', enrollment: 'REQUIRED' }]);
    try {
      const user = await newUser();
      const authClient = client();
      const tx = await authClient.signInWithCredentials({ username: user.login, password: user.password });
      expect(tx.status).toBe('MFA_ENROLL');
      const activating = await factorOf(tx, 'token:software:totp', 'GOOGLE').enroll();
      expect(activating.status).toBe('MFA_ENROLL_ACTIVATE');
      const back = await activating.prev!();
      expect(back.status).toBe('MFA_ENROLL');
      const again = await factorOf(back, 'token:software:totp', 'GOOGLE').enroll();
      const activation = (again.factor as unknown as { activation: { sharedSecret: string; encoding: string; timeStep: number } }).activation;
      const totp = TotpGenerator.fromOktaActivation(activation);
      const done = await again.activate!({ passCode: totp.code(await mockNow()) });
      expect(done.status).toBe('SUCCESS');
      expect(typeof done.sessionToken).toBe('string');

      const other = await authClient.signInWithCredentials({ username: user.login, password: user.password });
      expect(other.status).toBe('MFA_REQUIRED');
      await other.cancel!();
      const stateToken = stateTokenOf(other);
      expect((await call('POST', '/api/v1/authn', { stateToken })).status).toBe(401);
    } finally {
      await setPolicy([{ factorType: 'token:software:totp', provider: 'GOOGLE', enrollment: 'OPTIONAL' }]);
    }
  });
});

test('tx.introspect({stateToken}) answers the transaction and changes nothing', async () => {
  const user = await newUser();
  const totp = await activeTotp(user.id);
  const authClient = client();
  const tx = await authClient.signInWithCredentials({ username: user.login, password: user.password });
  const stateToken = stateTokenOf(tx);
  expect(typeof stateToken).toBe('string');
  const seen = await authClient.tx.introspect({ stateToken: stateToken as string });
  expect(seen.status).toBe('MFA_REQUIRED');
  const done = await factorOf(seen, 'token:software:totp', 'GOOGLE').verify({ passCode: totp.code(await mockNow()) });
  expect(done.status).toBe('SUCCESS');
});

test('a wrong password is an AuthApiError E0000004', async () => {
  const user = await newUser();
  const error = await client().signInWithCredentials({ username: user.login, password: `${user.password}x` }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AuthApiError);
  expect((error as AuthApiError).errorCode).toBe('E0000004');
});

async function setPasswordPolicy(changes: Json): Promise<void> {
  await control('POST', '/password-policy', changes);
}

/** The recovery token the latest recovery email carries (the outbox keeps it as the message's code). */
const latestRecoveryToken = (userId: string) => latestCode(userId, 'email');

/** A user with an active sms factor: SMS recovery sends its code to that phone. */
async function userWithSms(): Promise<{ id: string; login: string; password: string }> {
  const user = await newUser();
  await factorsApi('POST', `/api/v1/users/${user.id}/factors?activate=true`, { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15554151337' } });
  return user;
}

const NEW_PASSWORD = 'Zyxwvut9q';

describe('skip() where a skip link is published', () => {
  test('PASSWORD_WARN (warnBeforePasswordExpired): skip() → SUCCESS with a sessionToken', async () => {
    await setPasswordPolicy({ expiration: { passwordExpireDays: 1, expireWarnDays: 1 } });
    try {
      const user = await newUser();
      // The client sends what it is given as the request body; `options` is the Authentication API's.
      const credentials = { username: user.login, password: user.password, options: { warnBeforePasswordExpired: true } };
      const tx = await client().signInWithCredentials(credentials);
      expect(tx.status).toBe('PASSWORD_WARN');
      expect(typeof tx.skip, 'the client offers skip() from the published link').toBe('function');
      const done = await tx.skip!();
      expect(done.status).toBe('SUCCESS');
      expect(typeof done.sessionToken).toBe('string');
    } finally {
      await setPasswordPolicy({ expiration: { passwordExpireDays: 0, expireWarnDays: 0 } });
    }
  });

  test('MFA_ENROLL (multiOptionalFactorEnroll): the required factor enrolled, optional ones left: skip() → SUCCESS', async () => {
    const before = (await control('GET', '/factor-policy')).factors as Parameters<typeof setPolicy>[0];
    await setPolicy([
      { factorType: 'token:software:totp', provider: 'GOOGLE', enrollment: 'REQUIRED' },
      { factorType: 'sms', provider: 'OKTA', enrollment: 'OPTIONAL' },
    ]);
    try {
      const user = await newUser();
      const credentials = { username: user.login, password: user.password, options: { multiOptionalFactorEnroll: true } };
      const tx = await client().signInWithCredentials(credentials);
      expect(tx.status).toBe('MFA_ENROLL');
      expect(tx.skip, 'nothing to skip while a REQUIRED factor is missing').toBeUndefined();
      const activating = await factorOf(tx, 'token:software:totp', 'GOOGLE').enroll();
      const activation = (activating.factor as unknown as { activation: { sharedSecret: string; encoding: string; timeStep: number } }).activation;
      const optional = await activating.activate!({ passCode: TotpGenerator.fromOktaActivation(activation).code(await mockNow()) });
      expect(optional.status).toBe('MFA_ENROLL');
      expect(typeof optional.skip, 'the client offers skip() from the published link').toBe('function');
      const done = await optional.skip!();
      expect(done.status).toBe('SUCCESS');
      expect(typeof done.sessionToken).toBe('string');
    } finally {
      await setPolicy(before);
    }
  });

  test('MFA_REQUIRED publishes no skip link: the client offers no skip()', async () => {
    const user = await newUser();
    await activeTotp(user.id);
    const tx = await client().signInWithCredentials({ username: user.login, password: user.password });
    expect(tx.status).toBe('MFA_REQUIRED');
    expect(tx.skip).toBeUndefined();
  });
});

describe('recovery', () => {
  test('forgotPassword({factorType: SMS}) → RECOVERY_CHALLENGE → verify({passCode}) → PASSWORD_RESET → resetPassword() → SUCCESS', async () => {
    const user = await userWithSms();
    const authClient = client();
    const challenge = await authClient.forgotPassword({ username: user.login, factorType: 'SMS' });
    expect(challenge.status).toBe('RECOVERY_CHALLENGE');
    const reset = await challenge.verify!({ passCode: await latestCode(user.id, 'sms') });
    expect(reset.status).toBe('PASSWORD_RESET');
    const done = await reset.resetPassword!({ newPassword: NEW_PASSWORD });
    expect(done.status).toBe('SUCCESS');
    expect(typeof done.sessionToken).toBe('string');
    await advance(1_100);
    const again = await authClient.signInWithCredentials({ username: user.login, password: NEW_PASSWORD });
    expect(['SUCCESS', 'MFA_REQUIRED']).toContain(again.status);
  });

  test('forgotPassword({factorType: EMAIL}) → RECOVERY_CHALLENGE (WAITING, no stateToken); the emailed token through verifyRecoveryToken → PASSWORD_RESET → SUCCESS', async () => {
    const user = await newUser();
    const authClient = client();
    const challenge = await authClient.forgotPassword({ username: user.login, factorType: 'EMAIL' });
    expect(challenge.status).toBe('RECOVERY_CHALLENGE');
    expect(challenge.factorResult).toBe('WAITING');
    expect(stateTokenOf(challenge)).toBeUndefined();
    const reset = await authClient.verifyRecoveryToken({ recoveryToken: await latestRecoveryToken(user.id) });
    expect(reset.status).toBe('PASSWORD_RESET');
    const done = await reset.resetPassword!({ newPassword: NEW_PASSWORD });
    expect(done.status).toBe('SUCCESS');
  });

  test('verifyRecoveryToken with a user who has a recovery question → RECOVERY → answer() → PASSWORD_RESET', async () => {
    const user = await newUser();
    const question = { question: 'Who is a major player in the cowboy scene?', answer: 'Annie Oakley' };
    await factorsApi('POST', `/api/v1/users/${user.id}`, { credentials: { recovery_question: question } });
    const authClient = client();
    await authClient.forgotPassword({ username: user.login, factorType: 'EMAIL' });
    const recovery = await authClient.verifyRecoveryToken({ recoveryToken: await latestRecoveryToken(user.id) });
    expect(recovery.status).toBe('RECOVERY');
    const reset = await recovery.answer!({ answer: question.answer });
    expect(reset.status).toBe('PASSWORD_RESET');
  });

  test('a wrong recovery token is an AuthApiError E0000011', async () => {
    const error = await client().verifyRecoveryToken({ recoveryToken: 'not-a-recovery-token' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthApiError);
    expect((error as AuthApiError).errorCode).toBe('E0000011');
  });

  test('LOCKED_OUT → unlockAccount({factorType: SMS}) → verify({passCode}) → SUCCESS; the password signs in again', async () => {
    await setPasswordPolicy({ lockout: { maxAttempts: 2, showLockoutFailures: true } });
    try {
      const user = await userWithSms();
      const authClient = client();
      for (let attempt = 0; attempt < 2; attempt++) {
        await authClient.signInWithCredentials({ username: user.login, password: `${user.password}x` }).catch((e: unknown) => e);
        await advance(1_100);
      }
      const locked = await authClient.signInWithCredentials({ username: user.login, password: user.password });
      expect(locked.status).toBe('LOCKED_OUT');
      const challenge = await authClient.unlockAccount({ username: user.login, factorType: 'SMS' });
      expect(challenge.status).toBe('RECOVERY_CHALLENGE');
      const done = await challenge.verify!({ passCode: await latestCode(user.id, 'sms') });
      expect(done.status).toBe('SUCCESS');
      await advance(1_100);
      const again = await authClient.signInWithCredentials({ username: user.login, password: user.password });
      expect(again.status).toBe('MFA_REQUIRED');
    } finally {
      await setPasswordPolicy({ lockout: { maxAttempts: 10, showLockoutFailures: false } });
    }
  });
});
