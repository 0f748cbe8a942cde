import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { AUTHN_OPERATIONS, type AuthnOperation, cellId, isDocumentedCell, type TransitionCellId } from '../../../requirements/authn-transitions.js';
import { check } from '../../support/check.js';
import { expectOktaError, expectStatus } from '../../support/expect.js';
import { useTarget } from '../../support/target.js';
import { expectRateLimitHeaders, linkOf } from '../../okta-factors/factors.js';
import { activeTotp } from '../../okta-factors/totp/totp.js';
import { AUTHN_PATH, authnPost, currentFactor, entryFor, expectSuccess, expectTransaction, factorList, follow, getState, primaryAuth, signIn, stateTokenOf } from '../authn.js';
import { DUO, duoApproves, expectCallbackAccepted, pollUntilDone, postDuoCallback, startDuoChallenge, userWithActiveDuo, withDuoRequired } from '../duo/duo.js';
import { inState, TOUR_NEEDS, TOUR_STATES } from '../tour.js';
import { passwordExpired, passwordWarn, primaryWith, WARN_NOW, withPasswordPolicy } from '../states.js';

/**
 * The state machine across every state (spec §5.3, §5.4), driven by the one transition table
 * (requirements/authn-transitions.ts): get-state and cancel wherever a stateToken is carried, every operation a state
 * does not offer refused 403 E0000079 with the state unchanged, skip and previous where published, the tokens after
 * SUCCESS, the per-user rate limit, trusted-application context, relayState and the sign-on policy.
 */

useTarget();

/** A request for each operation with a fixed URL, to try it where the table says it is not offered. */
const PROBES: Partial<Record<AuthnOperation, { path: string; body: Record<string, unknown> }>> = {
  'change-password': { path: '/credentials/change_password', body: { oldPassword: 'Not-the-password-1', newPassword: 'Another-password-1' } },
  'reset-password': { path: '/credentials/reset_password', body: { newPassword: 'Another-password-1' } },
  enroll: { path: '/factors', body: { ...DUO } },
  'recovery-verify': { path: '/recovery/factors/SMS/verify', body: { passCode: '000000' } },
  'recovery-resend': { path: '/recovery/factors/SMS/resend', body: {} },
  'recovery-answer': { path: '/recovery/answer', body: { answer: 'not the answer' } },
  previous: { path: '/previous', body: {} },
  skip: { path: '/skip', body: {} },
  'step-up': { path: '', body: { username: 'nobody@example.com', password: 'Another-password-1' } },
};
const PROBED = Object.keys(PROBES) as AuthnOperation[];
const forbiddenIn = (state: string) => PROBED.filter((op) => AUTHN_OPERATIONS[op].stateToken && !isDocumentedCell(`${state} ${op}`));
const FORBIDDEN_PROBED: TransitionCellId[] = TOUR_STATES.flatMap((state) => forbiddenIn(state).map((op) => cellId(state, op)));

check('AUTHN.STATE.FORBIDDEN_CELLS', 'in every state each operation it does not offer is 403 E0000079 and the state stays', async ({ driver, api, newUser }) => {
  for (const state of TOUR_STATES) {
    await inState(driver, api, newUser, state, async ({ stateToken }) => {
      for (const op of forbiddenIn(state)) {
        const probe = PROBES[op]!;
        const res = await authnPost(api, `${AUTHN_PATH}${probe.path}`, { stateToken, ...probe.body });
        expect(res.status, `${state}: ${op} is not offered`).toBe(403);
        expectOktaError(res, 403, 'E0000079');
        const after = expectTransaction(driver, await getState(api, stateToken), state);
        expect(after.stateToken === stateToken, `${state}: the same transaction after ${op}`).toBe(true);
      }
    });
  }
}, { needs: [...TOUR_NEEDS], cells: FORBIDDEN_PROBED });

check('AUTHN.STATE.GET_EVERY_STATE', 'get-state answers every state with its stateToken, the same state and token', async ({ driver, api, newUser }) => {
  for (const state of TOUR_STATES) {
    await inState(driver, api, newUser, state, async ({ stateToken }) => {
      for (let i = 0; i < 2; i++) {
        const txn = expectTransaction(driver, await getState(api, stateToken), state);
        expect(txn.stateToken === stateToken, `${state}: the same stateToken`).toBe(true);
      }
    });
  }
}, { needs: [...TOUR_NEEDS], cells: TOUR_STATES.map((state) => cellId(state, 'get-state')) });

check('AUTHN.CANCEL.EVERY_STATE', 'every state that publishes cancel is cancelled by it: the stateToken is refused after', async ({ driver, api, newUser }) => {
  for (const state of TOUR_STATES) {
    await inState(driver, api, newUser, state, async ({ txn, stateToken }) => {
      const res = await follow(api, txn, 'cancel', stateToken);
      expect(res.status === 200 || res.status === 204, `${state}: cancel answers 200 or 204, got ${res.status}`).toBe(true);
      expectOktaError(await getState(api, stateToken), 401, 'E0000011');
    });
  }
}, { needs: [...TOUR_NEEDS], cells: TOUR_STATES.map((state) => cellId(state, 'cancel')) });

check('AUTHN.SKIP.UNPUBLISHED', 'skip where no skip link is published is 403 E0000079 and changes nothing', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const enrolling = await signIn(driver, api, user, 'MFA_ENROLL');
    expect(enrolling._links?.skip === undefined, 'MFA_ENROLL with a REQUIRED factor missing publishes no skip').toBe(true);
    const stateToken = stateTokenOf(enrolling);
    expectOktaError(await authnPost(api, `${AUTHN_PATH}/skip`, { stateToken }), 403, 'E0000079');
    expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');
  });
  const expired = await passwordExpired(driver, api, await newUser());
  expectOktaError(await authnPost(api, `${AUTHN_PATH}/skip`, { stateToken: expired.stateToken }), 403, 'E0000079');
  expectTransaction(driver, await getState(api, expired.stateToken), 'PASSWORD_EXPIRED');
}, { needs: ['policy'], cells: ['MFA_ENROLL skip', 'PASSWORD_EXPIRED skip'] });

check('AUTHN.MFA_ENROLL.SKIP', 'multiOptionalFactorEnroll: after the required factor, MFA_ENROLL with skip; skip is SUCCESS', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const enrolling = expectTransaction(driver, await primaryWith(api, user, { options: { multiOptionalFactorEnroll: true } }), 'MFA_ENROLL');
    const stateToken = stateTokenOf(enrolling);
    const enroll = linkOf(entryFor(factorList(enrolling), DUO.factorType, DUO.provider), 'enroll');
    const activating = expectTransaction(driver, await authnPost(api, enroll.href, { stateToken, ...DUO }), 'MFA_ENROLL_ACTIVATE');
    const widget = currentFactor(activating)._embedded?.activation as Parameters<typeof duoApproves>[1];
    expectCallbackAccepted(await postDuoCallback(driver, api, widget, stateToken, await duoApproves(driver, widget)));
    const optional = expectTransaction(driver, await pollUntilDone(api, activating, stateToken), 'MFA_ENROLL');
    expect(new URL(linkOf(optional, 'skip').href).pathname.endsWith(`${AUTHN_PATH}/skip`), 'a skip link').toBe(true);
    expectSuccess(driver, await follow(api, optional, 'skip', stateToken), user);
  });
}, { needs: ['policy', 'duo'], cells: ['MFA_ENROLL skip', 'MFA_ENROLL_ACTIVATE activate'] });

check('AUTHN.PREVIOUS.CHALLENGE', 'prev in MFA_CHALLENGE goes back to MFA_REQUIRED', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user } = await userWithActiveDuo(driver, api);
    const { txn, stateToken } = await startDuoChallenge(driver, api, user);
    const back = expectTransaction(driver, await follow(api, txn, 'prev', stateToken), 'MFA_REQUIRED');
    entryFor(factorList(back), DUO.factorType, DUO.provider);
    expectTransaction(driver, await getState(api, stateToken), 'MFA_REQUIRED');
  });
}, { needs: ['policy', 'duo'], cells: ['MFA_CHALLENGE previous'] });

check('AUTHN.SUCCESS.STATE_TOKEN_SPENT', 'after SUCCESS the stateToken is refused 401 E0000011', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withPasswordPolicy(driver, WARN_NOW, async () => {
    const { txn, stateToken } = await passwordWarn(driver, api, user);
    expectSuccess(driver, await follow(api, txn, 'skip', stateToken), user);
    expectOktaError(await getState(api, stateToken), 401, 'E0000011');
    expectOktaError(await follow(api, txn, 'next', stateToken, { oldPassword: user.password, newPassword: `${user.password}Z9` }), 401, 'E0000011');
  });
}, { needs: ['policy'], cells: ['PASSWORD_WARN skip'] });

check('AUTHN.SESSION_TOKEN.ONE_TIME', 'each SUCCESS has a sessionToken of its own', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'OPTIONAL' }]);
  const first = expectSuccess(driver, await primaryAuth(api, user.login, user.password), user);
  const second = expectSuccess(driver, await primaryAuth(api, user.login, user.password), user);
  expect(first.sessionToken !== second.sessionToken, 'two sign-ins, two sessionTokens').toBe(true);
}, { needs: ['policy'], cells: ['start authenticate'] });

check('AUTHN.RATE_LIMIT.USER', 'beyond the per-user limit: 429 E0000047 with X-Rate-Limit-*; served again after the window', async ({ driver, api, newUser }) => {
  const user = await newUser();
  let limited;
  for (let i = 0; i < 20 && !limited; i++) {
    const res = await primaryAuth(api, user.login, user.password);
    if (res.status === 429) limited = res;
    else expectStatus(res, 200);
  }
  expect(limited !== undefined, 'one user signing in 20 times within the second is rate-limited').toBe(true);
  expectOktaError(limited!, 429, 'E0000047');
  expectRateLimitHeaders(limited!, (await driver.now()) / 1000);
  await driver.clock.advance(60_000);
  expectStatus(await primaryAuth(api, user.login, user.password), 200);
}, { needs: ['clock'], cells: ['start authenticate'] });

check('AUTHN.PRIMARY.TRUSTED_CONTEXT', "a trusted application's sign-in with deviceToken, X-Device-Fingerprint, X-Forwarded-For is served", async ({ driver, api, newUser }) => {
  const user = await newUser();
  await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'OPTIONAL' }]);
  const deviceToken = randomBytes(16).toString('hex');
  const res = await api.post(AUTHN_PATH, { username: user.login, password: user.password, context: { deviceToken } }, {
    headers: { 'x-device-fingerprint': randomBytes(12).toString('base64url'), 'x-forwarded-for': '203.0.113.7' },
  });
  expectSuccess(driver, res, user);
}, { needs: ['policy'], cells: ['start authenticate'] });

check('AUTHN.PRIMARY.RELAY_STATE', 'relayState comes back with the transaction', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'OPTIONAL' }]);
  const relayState = `/app/${randomBytes(6).toString('hex')}`;
  const txn = expectSuccess(driver, await primaryWith(api, user, { relayState }), user);
  expect(txn.relayState).toBe(relayState);
}, { needs: ['policy'], cells: ['start authenticate'] });

check('AUTHN.SIGN_ON.MFA_NOT_REQUIRED', 'a sign-on policy without MFA signs an enrolled user in; with MFA it asks for the factor', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await activeTotp(driver, api, 'GOOGLE', user);
  await driver.policy.setSignOnPolicy({ mfa: 'NOT_REQUIRED' });
  try {
    expectSuccess(driver, await primaryAuth(api, user.login, user.password), user);
  } finally {
    await driver.policy.setSignOnPolicy({ mfa: 'REQUIRED' });
  }
  expectTransaction(driver, await primaryAuth(api, user.login, user.password), 'MFA_REQUIRED');
}, { needs: ['policy'], cells: ['start authenticate'] });

check('AUTHN.STEP_UP', 'a step-up transaction takes the credentials with its stateToken; wrong ones leave it UNAUTHENTICATED', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'OPTIONAL' }]);
  const stateToken = await driver.stepUp.start('Expense reports');
  const txn = expectTransaction(driver, await getState(api, stateToken), 'UNAUTHENTICATED');
  expect(txn.type).toBe('SESSION_STEP_UP');
  const next = linkOf(txn, 'next');
  expect(next.name).toBe('authenticate');
  const wrong = `${user.password}x`;
  driver.registerSecret(wrong);
  expectOktaError(await authnPost(api, next.href, { stateToken, username: user.login, password: wrong }), 401, 'E0000004');
  expectTransaction(driver, await getState(api, stateToken), 'UNAUTHENTICATED');
  const done = expectSuccess(driver, await authnPost(api, next.href, { stateToken, username: user.login, password: user.password }), user);
  expect(linkOf(done, 'next').name).toBe('original');
  await activeTotp(driver, api, 'GOOGLE', user);
  const again = await driver.stepUp.start();
  expectTransaction(driver, await authnPost(api, AUTHN_PATH, { stateToken: again, username: user.login, password: user.password }), 'MFA_REQUIRED');
}, { needs: ['policy', 'stepUp'], cells: ['UNAUTHENTICATED step-up', 'UNAUTHENTICATED get-state'] });
