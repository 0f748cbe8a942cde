import { expect } from 'vitest';
import { check } from '../../support/check.js';
import { expectOktaError, expectStatus } from '../../support/expect.js';
import {
  AUTHN_PATH,
  authnPost,
  currentFactor,
  entryFor,
  expectOktaRefusal,
  expectSuccess,
  expectTransaction,
  factorList,
  follow,
  getState,
  pathOf,
  primaryAuth,
  signIn,
  stateTokenOf,
  type Transaction,
} from '../authn.js';
import { DUO, startDuoEnrollment, withDuoRequired } from '../duo/duo.js';
import { linkOf, listFactors } from '../../okta-factors/factors.js';
import { useTarget } from '../../support/target.js';
import { activeTotp } from '../../okta-factors/totp/totp.js';

/**
 * The Authentication API transaction (spec §5.1–§5.4, §5.7): primary authentication and the states it leads to, the
 * stateToken (get state, sliding expiry, cancel), and the state machine's refusals. A transaction in progress is made
 * by requiring a factor (Duo) in the policy, so these checks need `factor-policy`.
 */

useTarget();

const expiresAtMs = (txn: Transaction) => Date.parse(txn.expiresAt ?? '');

check('AUTHN.PUBLIC_CLIENT', 'primary authentication and get-state are served without an API token', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    // authnPost sends no Authorization header at all: a public application. Primary authentication
    // answering is what this check proves, so it is no precondition here.
    const txn = expectTransaction(driver, await primaryAuth(api, user.login, user.password), 'MFA_ENROLL');
    expectTransaction(driver, await getState(api, stateTokenOf(txn)), 'MFA_ENROLL');
  });
}, { needs: ['policy'], cells: ['start authenticate', 'MFA_ENROLL get-state'] });

check('AUTHN.PRIMARY.SUCCESS', 'a user with nothing to enroll or verify gets SUCCESS with a sessionToken', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'OPTIONAL' }]);
  const txn = expectSuccess(driver, await primaryAuth(api, user.login, user.password), user);
  expect(txn._embedded?.user?.profile?.login?.toLowerCase()).toBe(user.login.toLowerCase());
  expect(expiresAtMs(txn), 'SUCCESS says until when its sessionToken is good').toBeGreaterThan(await driver.now() - 1000);
}, { needs: ['policy'], cells: ['start authenticate'] });

check('AUTHN.PRIMARY.BAD_CREDENTIALS', 'a wrong password or an unknown username is answered 401 E0000004', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const wrong = `${user.password}x`;
  driver.registerSecret(wrong);
  expectOktaError(await primaryAuth(api, user.login, wrong), 401, 'E0000004');
  expectOktaError(await primaryAuth(api, `nobody-${user.login}`, user.password), 401, 'E0000004');
  // The refusals locked nothing: the right password still signs in.
  expectStatus(await primaryAuth(api, user.login, user.password), 200);
}, { cells: ['start authenticate'] });

check('AUTHN.PRIMARY.MFA_ENROLL', 'a REQUIRED factor the user lacks leads to MFA_ENROLL with the factors to enroll', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const txn = await signIn(driver, api, user, 'MFA_ENROLL');
    stateTokenOf(txn);
    expect(expiresAtMs(txn), 'expiresAt is in the future').toBeGreaterThan(await driver.now());
    expect(txn._embedded?.user?.id).toBe(user.id);
    linkOf(txn, 'cancel');
    const duo = entryFor(factorList(txn), DUO.factorType, DUO.provider);
    expect(duo).toMatchObject({ status: 'NOT_SETUP', enrollment: 'REQUIRED' });
    expect(pathOf(linkOf(duo, 'enroll')).endsWith(`${AUTHN_PATH}/factors`), 'the enroll link is the Authn enroll operation').toBe(true);
  });
}, { needs: ['policy'], cells: ['start authenticate'] });

const GOOGLE_TOTP = { factorType: 'token:software:totp', provider: 'GOOGLE' } as const;

check('AUTHN.MFA_ENROLL.DISABLED_FACTOR', 'a factor the policy DISABLES is neither listed in MFA_ENROLL nor enrollable there', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    await driver.policy.setFactorPolicy([{ ...GOOGLE_TOTP, enrollment: 'DISABLED' }]);
    try {
      // Signed in here, not in a given(): a listed DISABLED factor may already break the transaction's schema.
      const txn = expectTransaction(driver, await primaryAuth(api, user.login, user.password), 'MFA_ENROLL');
      const stateToken = stateTokenOf(txn);
      const listed = factorList(txn).filter((f) => f.factorType === GOOGLE_TOTP.factorType && f.provider === GOOGLE_TOTP.provider);
      expect(listed, 'the DISABLED factor is not offered').toEqual([]);
      const enroll = linkOf(entryFor(factorList(txn), DUO.factorType, DUO.provider), 'enroll');
      expectOktaRefusal(await authnPost(api, enroll.href, { stateToken, ...GOOGLE_TOTP }));
      expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');
      const stored = (await listFactors(api, user.id)).filter((f) => f.factorType === GOOGLE_TOTP.factorType && f.provider === GOOGLE_TOTP.provider);
      expect(stored, 'nothing was enrolled').toEqual([]);
    } finally {
      await driver.policy.setFactorPolicy([{ ...GOOGLE_TOTP, enrollment: 'OPTIONAL' }]);
    }
  });
}, { needs: ['policy'], cells: ['MFA_ENROLL enroll'] });

// Whether an enrolled user is challenged is the target's sign-on policy: a target that lets the driver set the factor
// policy is one configured for the suites, where it is. (A real org on Okta's default policy is not.)
check('AUTHN.PRIMARY.MFA_REQUIRED', 'a user with an active factor gets MFA_REQUIRED listing it with a verify link', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const { factor } = await activeTotp(driver, api, 'GOOGLE', user);
  const txn = await signIn(driver, api, user, 'MFA_REQUIRED');
  stateTokenOf(txn);
  expect(txn._embedded?.user?.id).toBe(user.id);
  linkOf(txn, 'cancel');
  const listed = factorList(txn).find((f) => f.id === factor.id);
  expect(listed, 'the active factor is listed by its id').toBeDefined();
  expect(listed).toMatchObject({ factorType: 'token:software:totp', provider: 'GOOGLE' });
  expect(pathOf(linkOf(listed!, 'verify')).endsWith(`${AUTHN_PATH}/factors/${factor.id}/verify`), 'the verify link is the Authn verify operation').toBe(true);
}, { needs: ['policy'], cells: ['start authenticate'] });

check('AUTHN.STATE.GET', 'get-state answers the current state and leaves the token usable', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const started = await signIn(driver, api, user, 'MFA_ENROLL');
    const stateToken = stateTokenOf(started);
    for (let i = 0; i < 2; i++) {
      const again = expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');
      expect(again.stateToken === stateToken, 'the same stateToken').toBe(true);
    }
    // Still the same live transaction: the next operation works with the token.
    const enroll = linkOf(entryFor(factorList(started), DUO.factorType, DUO.provider), 'enroll');
    const activating = expectTransaction(driver, await authnPost(api, enroll.href, { stateToken, ...DUO }), 'MFA_ENROLL_ACTIVATE');
    const state = expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE');
    expect(currentFactor(state).id).toBe(currentFactor(activating).id);
  });
}, { needs: ['policy'], cells: ['MFA_ENROLL get-state', 'MFA_ENROLL_ACTIVATE get-state'] });

check('AUTHN.STATE_TOKEN.EXPIRED', 'past its expiresAt the stateToken is refused 401 E0000011 by every operation', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const txn = await signIn(driver, api, user, 'MFA_ENROLL');
    const stateToken = stateTokenOf(txn);
    await driver.clock.advance(expiresAtMs(txn) - (await driver.now()) + 1000);
    expectOktaError(await getState(api, stateToken), 401, 'E0000011');
    const enroll = linkOf(entryFor(factorList(txn), DUO.factorType, DUO.provider), 'enroll');
    expectOktaError(await authnPost(api, enroll.href, { stateToken, ...DUO }), 401, 'E0000011');
    expectOktaError(await follow(api, txn, 'cancel', stateToken), 401, 'E0000011');
  });
}, { needs: ['policy', 'clock'] });

check('AUTHN.STATE_TOKEN.SLIDING', 'each request moves expiresAt forward; a token in use outlives its first expiry', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const txn = await signIn(driver, api, user, 'MFA_ENROLL');
    const stateToken = stateTokenOf(txn);
    const firstExpiry = expiresAtMs(txn);
    await driver.clock.advance(Math.floor((firstExpiry - (await driver.now())) / 2));
    const touched = expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');
    const slid = expiresAtMs(touched);
    expect(slid, `expiresAt moved forward (${txn.expiresAt} → ${touched.expiresAt})`).toBeGreaterThan(firstExpiry);
    // Past the first expiry, before the new one: still alive.
    const past = firstExpiry - (await driver.now()) + 1000;
    expect(slid - firstExpiry, 'the new expiry is far enough ahead to test').toBeGreaterThan(2000);
    await driver.clock.advance(past);
    expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');
  });
}, { needs: ['policy', 'clock'] });

check('AUTHN.CANCEL', 'cancel revokes the stateToken', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const txn = await signIn(driver, api, user, 'MFA_ENROLL');
    const stateToken = stateTokenOf(txn);
    const res = await follow(api, txn, 'cancel', stateToken);
    expect(res.status === 200 || res.status === 204, `cancel answers 200 or 204, got ${res.status}`).toBe(true);
    expectOktaError(await getState(api, stateToken), 401, 'E0000011');
  });
}, { needs: ['policy'], cells: ['MFA_ENROLL cancel'] });

check('AUTHN.STATE.WRONG_OPERATION', 'an operation the state does not offer is 403 E0000079 and changes nothing', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withDuoRequired(driver, async () => {
    const enrolling = await signIn(driver, api, user, 'MFA_ENROLL');
    const stateToken = stateTokenOf(enrolling);
    // MFA_ENROLL publishes no prev link: going back is not an operation of this state.
    expectOktaError(await authnPost(api, `${AUTHN_PATH}/previous`, { stateToken }), 403, 'E0000079');
    expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');

    // Enrolling is an operation of MFA_ENROLL only.
    const enroll = linkOf(entryFor(factorList(enrolling), DUO.factorType, DUO.provider), 'enroll');
    const activating = expectTransaction(driver, await authnPost(api, enroll.href, { stateToken, ...DUO }), 'MFA_ENROLL_ACTIVATE');
    expectOktaError(await authnPost(api, enroll.href, { stateToken, ...DUO }), 403, 'E0000079');
    const after = expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE');
    expect(currentFactor(after).id, 'the same factor is being activated').toBe(currentFactor(activating).id);
  });
}, { needs: ['policy'], cells: ['MFA_ENROLL previous', 'MFA_ENROLL_ACTIVATE enroll'] });

check('AUTHN.PREVIOUS', 'prev goes back from MFA_ENROLL_ACTIVATE to MFA_ENROLL, where a factor can be enrolled again', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { txn, stateToken } = await startDuoEnrollment(driver, api);
    const back = expectTransaction(driver, await follow(api, txn, 'prev', stateToken), 'MFA_ENROLL');
    const entry = entryFor(factorList(back), DUO.factorType, DUO.provider);
    expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL');
    expectTransaction(driver, await authnPost(api, linkOf(entry, 'enroll').href, { stateToken, ...DUO }), 'MFA_ENROLL_ACTIVATE');
  });
}, { needs: ['policy'], cells: ['MFA_ENROLL_ACTIVATE previous'] });
