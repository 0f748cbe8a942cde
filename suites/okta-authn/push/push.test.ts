import { expect } from 'vitest';
import type { ApiClient, DriverWith } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { given } from '../../support/given.js';
import { expectStatus } from '../../support/expect.js';
import { enroll, type Factor, type Link, linkOf } from '../../okta-factors/factors.js';
import { advanceKeepingAlive, currentFactor, expectSuccess, expectTransaction, getState, pathOf, type Transaction } from '../authn.js';
import { activating, expectFactorStatus, expectNext, postLink, required, withRequired } from '../factor-steps.js';

/**
 * Okta Verify push through the Authentication API (spec §5.4, §5.5): enrollment waits for the device while the client
 * polls `next`, the activation link can be sent by email or sms (A6/A7), verification starts a push the client polls at
 * the verify URL until the device (the target's push responder) approves or rejects it.
 */

useTarget();

const PUSH = { factorType: 'push', provider: 'OKTA' } as const;
/** Where the activation SMS goes (a 555 number). */
const PHONE = '+12065550199';

type Links = Record<string, Link | Link[]>;

function activationOf(txn: Transaction): { expiresAt?: string; factorResult?: string; _links?: Links } {
  const activation = currentFactor(txn)._embedded?.activation as { expiresAt?: string; factorResult?: string; _links?: Links } | undefined;
  expect(activation, 'the push factor embeds its activation').toBeDefined();
  return activation ?? {};
}

check('AUTHN.PUSH.ENROLL', 'enrolling push answers MFA_ENROLL_ACTIVATE, WAITING, with the activation (send links to Authn) and next poll', async ({ driver, api }) => {
  await withRequired(driver, PUSH, async () => {
    const { user, txn, factor } = await activating(driver, api, PUSH, 'AUTHN.PUSH.ENROLL');
    expect(txn.factorResult).toBe('WAITING');
    expectNext(txn, 'poll', `/api/v1/authn/factors/${factor.id}/lifecycle/activate/poll`);
    const activation = activationOf(txn);
    expect(activation.factorResult).toBe('WAITING');
    expect(Number.isNaN(Date.parse(activation.expiresAt ?? '')), 'the activation has its expiresAt').toBe(false);
    for (const channel of ['email', 'sms']) {
      const send = linkOf(activation, 'send', channel);
      expect(pathOf(send).endsWith(`/api/v1/authn/factors/${factor.id}/lifecycle/activate/${channel}`), `send ${channel} is A6/A7 (${pathOf(send)})`).toBe(true);
    }
    linkOf(txn, 'prev');
    linkOf(txn, 'cancel');
    await expectFactorStatus(api, user.id, factor.id, 'PENDING_ACTIVATION');
  });
}, { needs: ['policy'] });

check('AUTHN.PUSH.ACTIVATE', 'polling the activation stays WAITING until the device completes it, then SUCCESS; the factor reads back ACTIVE', async ({ driver, api }) => {
  await withRequired(driver, PUSH, async () => {
    const { user, txn, stateToken, factor } = await activating(driver, api, PUSH, 'AUTHN.PUSH.ENROLL');
    const early = expectTransaction(driver, await postLink(api, linkOf(txn, 'next'), stateToken), 'MFA_ENROLL_ACTIVATE');
    expect(early.factorResult).toBe('WAITING');
    await driver.push.respond(user.id, factor.id, 'approve');
    expectSuccess(driver, await postLink(api, linkOf(early, 'next'), stateToken), user);
    await expectFactorStatus(api, user.id, factor.id, 'ACTIVE');
  });
}, { needs: ['policy', 'push'] });

check('AUTHN.PUSH.SEND', 'the activation send links deliver the activation link by email and sms; the transaction stays WAITING', async ({ driver, api }) => {
  await withRequired(driver, PUSH, async () => {
    const { user, txn, stateToken, factor } = await activating(driver, api, PUSH, 'AUTHN.PUSH.ENROLL');
    const activation = activationOf(txn);
    for (const [channel, extra, to] of [['email', {}, user.email], ['sms', { profile: { phoneNumber: PHONE } }, PHONE]] as const) {
      const before = (await driver.outbox.messages(user.id, channel)).filter((m) => m.factorId === factor.id).length;
      const after = expectTransaction(driver, await postLink(api, linkOf(activation, 'send', channel), stateToken, extra), 'MFA_ENROLL_ACTIVATE');
      expect(after.factorResult).toBe('WAITING');
      const sent = (await driver.outbox.messages(user.id, channel)).filter((m) => m.factorId === factor.id);
      expect(sent.length, `one ${channel} with the activation link`).toBe(before + 1);
      expect(sent.at(-1)?.to.replace(/\D/g, '') === to.replace(/\D/g, '') || sent.at(-1)?.to.toLowerCase() === to.toLowerCase(), `the ${channel} went to ${to}`).toBe(true);
    }
    expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE');
  });
}, { needs: ['policy', 'outbox'], cells: ['MFA_ENROLL_ACTIVATE send-activation'] });

/** A user with an active push factor (enrolled and activated through the Factors API with the device's approval). */
async function activePush(driver: DriverWith<'push'>, api: ApiClient) {
  return given('an active push factor (device approved the activation)', async () => {
    const user = await driver.fixtures.createUser();
    const pending = await enroll(api, user.id, PUSH);
    await driver.push.respond(user.id, pending.id, 'approve');
    const res = await api.post<Factor>(linkOf(pending, 'poll').href);
    expectStatus(res, 200);
    expect(res.body.status).toBe('ACTIVE');
    return { user, factorId: pending.id };
  }, { by: 'FACTORS.PUSH.ACTIVATE.APPROVE' });
}

/** The user signs in and starts a push (MFA_CHALLENGE, WAITING). */
async function pushStarted(driver: DriverWith<'push'>, api: ApiClient, query = '') {
  const { user, factorId } = await activePush(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  const res = await postLink(api, { ...linkOf(entry, 'verify'), href: linkOf(entry, 'verify').href + query }, stateToken);
  return { user, factorId, stateToken, res };
}

/** A push started and waiting (a precondition resting on AUTHN.PUSH.VERIFY.WAITING). */
async function pushWaiting(driver: DriverWith<'push'>, api: ApiClient, query = '') {
  const started = await pushStarted(driver, api, query);
  return given('a push started (MFA_CHALLENGE, WAITING)', () => {
    const txn = expectTransaction(driver, started.res, 'MFA_CHALLENGE');
    expect(txn.factorResult).toBe('WAITING');
    return { ...started, txn };
  }, { by: 'AUTHN.PUSH.VERIFY.WAITING' });
}

check('AUTHN.PUSH.VERIFY.WAITING', 'verifying push answers MFA_CHALLENGE WAITING with next poll at the verify URL; polls stay WAITING', async ({ driver, api }) => {
  const { factorId, stateToken, res } = await pushStarted(driver, api);
  const txn = expectTransaction(driver, res, 'MFA_CHALLENGE');
  expect(txn.factorResult).toBe('WAITING');
  expectNext(txn, 'poll', `/api/v1/authn/factors/${factorId}/verify`);
  const polled = expectTransaction(driver, await postLink(api, linkOf(txn, 'next'), stateToken), 'MFA_CHALLENGE');
  expect(polled.factorResult, 'no answer from the device yet').toBe('WAITING');
}, { needs: ['push'] });

/** The number the user must pick on the device: `_embedded.factor._embedded.challenge.correctAnswer` (spec §5.5). */
const correctAnswerOf = (txn: Transaction): unknown => (currentFactor(txn)._embedded?.challenge as { correctAnswer?: unknown } | undefined)?.correctAnswer;

// Okta shows a number challenge when it sees a risky sign-in (spec §5.5); the check asks for one as the Factors API
// does (`useNumberMatchingChallenge`), which the reference mock takes in the Authentication API too.
check('AUTHN.PUSH.VERIFY.NUMBER_CHALLENGE', 'a number challenge push: MFA_CHALLENGE WAITING carries the correctAnswer on every poll; approved, SUCCESS', async ({ driver, api }) => {
  const { user, factorId } = await activePush(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  const txn = expectTransaction(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { useNumberMatchingChallenge: true }), 'MFA_CHALLENGE');
  expect(txn.factorResult).toBe('WAITING');
  const answer = correctAnswerOf(txn);
  expect(Number.isInteger(answer), `_embedded.factor._embedded.challenge.correctAnswer is an integer (${String(answer)})`).toBe(true);
  const polled = expectTransaction(driver, await postLink(api, linkOf(txn, 'next'), stateToken), 'MFA_CHALLENGE');
  expect(polled.factorResult).toBe('WAITING');
  expect(correctAnswerOf(polled), 'the same number while the push waits').toBe(answer);
  expect(correctAnswerOf(expectTransaction(driver, await getState(api, stateToken), 'MFA_CHALLENGE')), 'read back: the same number').toBe(answer);
  // The responder approving stands for the user picking the right number.
  await driver.push.respond(user.id, factorId, 'approve');
  expectSuccess(driver, await postLink(api, linkOf(polled, 'next'), stateToken), user);
}, { needs: ['push'], cells: ['MFA_CHALLENGE verify'] });

check('AUTHN.PUSH.VERIFY.SUCCESS', 'after the device approves, polling answers SUCCESS; ?autoPush=true shows as autoPushEnabled next time', async ({ driver, api }) => {
  const { user, factorId, stateToken, txn } = await pushWaiting(driver, api, '?autoPush=true');
  await driver.push.respond(user.id, factorId, 'approve');
  const next = linkOf(txn, 'next');
  expectSuccess(driver, await postLink(api, { ...next, href: `${next.href}?autoPush=true` }, stateToken), user);
  const again = await required(driver, api, user, factorId);
  const policy = again.txn._embedded?.policy as { factorsPolicyInfo?: Record<string, { autoPushEnabled?: boolean }> | null } | undefined;
  expect(policy?.factorsPolicyInfo?.[factorId]?.autoPushEnabled, 'the autoPush preference is remembered').toBe(true);
}, { needs: ['push'] });

check('AUTHN.PUSH.VERIFY.REJECTED', 'after the device rejects, polling answers REJECTED with next verify, which starts a new push', async ({ driver, api }) => {
  const { user, factorId, stateToken, txn } = await pushWaiting(driver, api);
  await driver.push.respond(user.id, factorId, 'reject');
  const rejected = expectTransaction(driver, await postLink(api, linkOf(txn, 'next'), stateToken), 'MFA_CHALLENGE');
  expect(rejected.factorResult).toBe('REJECTED');
  const next = expectNext(rejected, 'verify', `/api/v1/authn/factors/${factorId}/verify`);
  const restarted = expectTransaction(driver, await postLink(api, next, stateToken), 'MFA_CHALLENGE');
  expect(restarted.factorResult, 'a new push waits').toBe('WAITING');
}, { needs: ['push'] });

/** Longer than any push challenge lives (the transaction shows no expiry for it; Okta's last minutes, spec §7). */
const PAST_ANY_CHALLENGE_MS = 30 * 60_000;

check('AUTHN.PUSH.VERIFY.TIMEOUT', 'a push nobody answers polls TIMEOUT, with next verify', async ({ driver, api }) => {
  const { factorId, stateToken, txn } = await pushWaiting(driver, api);
  await advanceKeepingAlive(driver, api, stateToken, PAST_ANY_CHALLENGE_MS);
  const timedOut = expectTransaction(driver, await postLink(api, linkOf(txn, 'next'), stateToken), 'MFA_CHALLENGE');
  expect(timedOut.factorResult).toBe('TIMEOUT');
  expectNext(timedOut, 'verify', `/api/v1/authn/factors/${factorId}/verify`);
}, { needs: ['push', 'clock'] });
