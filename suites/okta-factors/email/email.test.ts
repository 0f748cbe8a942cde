import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { readsChannel, type ApiClient, type Driver, type DriverWith } from '../../../drivers/contract.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { expectClientError, expectOktaError, expectState, expectStatus } from '../../support/expect.js';
import { enroll, expectFactorsUnchanged, expectPasscodeRefused, type Factor, factorIds, factorsPath, linkOf, readFactor } from '../factors.js';
import { messageFactorChecks } from '../otp-activation/message-checks.js';
import { EMAIL } from '../otp-activation/message-channels.js';
import { activeFactor, challenge, challengeCode, expectOneNewMessage, messagesOf, pendingWithCode } from '../otp-activation/messages.js';
import { given } from '../../support/given.js';
import { useTarget } from '../../support/target.js';

/** email / OKTA: spec §2.4, §3, §7. The passcode lifetime (tokenLifetimeSeconds) is documented, so it is checked exactly. */

useTarget();
checksNeedFactor({ factorType: 'email', provider: 'OKTA' });

const SECOND_MS = 1000;
const DEFAULT_LIFETIME_S = 300;
/** Codes refused for being expired: E0000068 is what the docs name for a passcode that does not match. */
const EXPIRED_CODES = ['E0000068', 'E0000083'];
const EXPIRED_RESULTS = ['EXPIRED', 'TIMEOUT', 'TIME_WINDOW_EXCEEDED', 'FAILED'];

messageFactorChecks(EMAIL);

/** Enrolls (with `query`), moves the clock `afterMs`, and activates with the enrollment's code. */
async function activateAfter(driver: DriverWith<'clock' | 'outbox'>, api: ApiClient, afterMs: number, query?: Record<string, string>) {
  const setup = await pendingWithCode(driver, api, EMAIL, query);
  await driver.clock.advance(afterMs);
  const res = await api.post<Factor>(linkOf(setup.factor, 'activate').href, { passCode: setup.code });
  return { ...setup, res };
}

/** The code is accepted a second before `lifetimeS` ends and refused a second after (two users, one each). */
async function expectEnrollmentLifetime(driver: DriverWith<'clock' | 'outbox'>, api: ApiClient, lifetimeS: number, query?: Record<string, string>) {
  const early = await activateAfter(driver, api, (lifetimeS - 1) * SECOND_MS, query);
  expectStatus(early.res, 200);
  expect(early.res.body.status, `accepted ${lifetimeS - 1} s after it was sent`).toBe('ACTIVE');

  const late = await activateAfter(driver, api, (lifetimeS + 1) * SECOND_MS, query);
  expectOktaError(late.res, 403, EXPIRED_CODES);
  expect((await readFactor(api, late.user.id, late.factor.id)).status, `refused ${lifetimeS + 1} s after it was sent`).toBe('PENDING_ACTIVATION');
}

check('FACTORS.EMAIL.ENROLL.UNVERIFIED_ADDRESS', "an address that is not the user's own is refused with 400 E0000001", async ({ driver, api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  const stranger = `someone-else-${randomBytes(6).toString('hex')}@example.com`;
  const res = await api.post(factorsPath(user.id), { factorType: 'email', provider: 'OKTA', profile: { email: stranger } });
  expectOktaError(res, 400, 'E0000001');
  await expectFactorsUnchanged(api, user.id, before);
  if (driver.outbox && readsChannel(driver.outbox, 'email')) expect(await driver.outbox.messages(user.id, 'email'), 'no email was sent').toEqual([]);
});

check('FACTORS.EMAIL.ENROLL.INVALID_INPUT', 'a missing, overlong or mistyped profile.email is refused with 400 E0000001', async ({ api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  const longAddress = `${'a'.repeat(95)}@example.com`;
  const profiles: unknown[] = [{}, { email: longAddress }, { email: { address: user.email } }, { email: [user.email] }, { email: true }, 'email'];
  // A field of the wrong JSON type may be refused by Okta's JSON binding instead: E0000003.
  for (const profile of profiles) {
    expectOktaError(await api.post(factorsPath(user.id), { factorType: 'email', provider: 'OKTA', profile }), 400, ['E0000001', 'E0000003']);
  }
  expectOktaError(await api.post(factorsPath(user.id), { factorType: 'email', provider: 'OKTA' }), 400, 'E0000001');
  await expectFactorsUnchanged(api, user.id, before);
});

check('FACTORS.EMAIL.LIFETIME.DEFAULT', 'without tokenLifetimeSeconds the enrollment code lives 300 s', async ({ driver, api }) => {
  await expectEnrollmentLifetime(driver, api, DEFAULT_LIFETIME_S);
}, { notOn: EMAIL.notOn, needs: ['outbox', 'clock'] });

check('FACTORS.EMAIL.LIFETIME.ENROLL', 'enroll ?tokenLifetimeSeconds=120: the code lives 120 s', async ({ driver, api }) => {
  await expectEnrollmentLifetime(driver, api, 120, { tokenLifetimeSeconds: '120' });
}, { notOn: EMAIL.notOn, needs: ['outbox', 'clock'] });

check('FACTORS.EMAIL.LIFETIME.CHALLENGE', 'challenge ?tokenLifetimeSeconds=600: the code lives 600 s', async ({ driver, api }) => {
  const setup = await activeFactor(driver, api, EMAIL);
  const verify = linkOf(setup.factor, 'verify').href;

  const first = await challengeCode(driver, api, EMAIL, setup, { tokenLifetimeSeconds: '600' });
  await driver.clock.advance(599 * SECOND_MS);
  const early = await api.post(verify, { passCode: first });
  expectStatus(early, 200);
  expect((early.body as { factorResult: string }).factorResult, 'accepted 599 s after it was sent').toBe('SUCCESS');

  const second = await challengeCode(driver, api, EMAIL, setup, { tokenLifetimeSeconds: '600' });
  await driver.clock.advance(601 * SECOND_MS);
  expectPasscodeRefused(await api.post(verify, { passCode: second }), EXPIRED_CODES, EXPIRED_RESULTS);
  expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
}, { notOn: EMAIL.notOn, needs: ['outbox', 'clock'] });

check('FACTORS.EMAIL.LIFETIME.RANGE', 'a tokenLifetimeSeconds outside 1..86400 or not an integer is refused with a 4xx', async ({ driver, api, newUser }) => {
  const bad = ['0', '86401', '-5', '1.5', 'abc'];
  const user = await newUser();
  const before = await factorIds(api, user.id);
  // The range is documented, the code of the refusal is not: any 4xx error object.
  for (const value of bad) expectClientError(await api.post(factorsPath(user.id), EMAIL.enrollBody(user).body, { query: { tokenLifetimeSeconds: value } }));
  await expectFactorsUnchanged(api, user.id, before);

  const setup = await activeFactor(driver, api, EMAIL);
  for (const value of bad) expectClientError(await challenge(api, setup.factor, { tokenLifetimeSeconds: value }));
  expect(await messagesOf(driver, setup.user.id, 'email', setup.factor.id), 'no email was sent').toEqual([]);
  // The upper bound itself is accepted.
  expect((await challengeCode(driver, api, EMAIL, setup, { tokenLifetimeSeconds: '86400' })).length).toBeGreaterThan(0);
}, { notOn: EMAIL.notOn, needs: ['outbox'] });

check('FACTORS.EMAIL.LIFETIME.BOUNDS', 'enroll ?tokenLifetimeSeconds=1 and =86400 (the documented bounds) are accepted and honoured', async ({ driver, api }) => {
  for (const lifetimeS of [1, 86_400]) {
    // Enrolled in the check itself (not as a precondition): accepting the bound is what is checked.
    const query = { tokenLifetimeSeconds: String(lifetimeS) };
    for (const [afterS, accepted] of [[lifetimeS - 1, true], [lifetimeS + 1, false]] as const) {
      const user = await driver.fixtures.createUser();
      const { body, to } = EMAIL.enrollBody(user);
      const factor = await enroll(api, user.id, body, query);
      expectState('factor status', factor.status, 'PENDING_ACTIVATION');
      const { passCode } = await expectOneNewMessage(driver, user.id, 'email', factor.id, 0, to);
      await driver.clock.advance(afterS * SECOND_MS);
      const res = await api.post<Factor>(linkOf(factor, 'activate').href, { passCode });
      if (accepted) expectStatus(res, 200);
      else expectOktaError(res, 403, EXPIRED_CODES);
      const status = (await readFactor(api, user.id, factor.id)).status;
      expectState(`factor status after activating ${afterS} s later (tokenLifetimeSeconds=${lifetimeS})`, status, accepted ? 'ACTIVE' : 'PENDING_ACTIVATION');
    }
  }
}, { notOn: EMAIL.notOn, needs: ['outbox', 'clock'] });

check('FACTORS.EMAIL.ENROLL.SECONDARY', "the user's secondary address can be enrolled, and its code activates the factor", async ({ driver, api, newUser }) => {
  const user = await newUser();
  const secondEmail = `second-${randomBytes(6).toString('hex')}@example.com`;
  await given('the user has a secondary address (profile.secondEmail)', async () => {
    expectStatus(await api.post(`/api/v1/users/${encodeURIComponent(user.id)}`, { profile: { secondEmail } }), 200);
  });
  const factor = await enroll(api, user.id, { factorType: 'email', provider: 'OKTA', profile: { email: secondEmail } });
  expectState('factor status', factor.status, 'PENDING_ACTIVATION');
  EMAIL.expectProfile(factor.profile, { email: secondEmail });
  const message = await expectOneNewMessage(driver, user.id, 'email', factor.id, 0, secondEmail);
  const res = await api.post<Factor>(linkOf(factor, 'activate').href, { passCode: message.passCode });
  expectStatus(res, 200);
  expectState('factor status after activation', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { notOn: EMAIL.notOn, needs: ['outbox'] });

check('FACTORS.EMAIL.ACTIVATE.CODE_SPENT', 'the enrollment code, once it activated the factor, does not verify it again', async ({ driver, api }) => {
  const setup = await pendingWithCode(driver, api, EMAIL);
  const activated = await api.post<Factor>(linkOf(setup.factor, 'activate').href, { passCode: setup.code });
  expectStatus(activated, 200);
  expectState('factor status after activation', activated.body.status, 'ACTIVE');
  const verify = linkOf(activated.body, 'verify').href;
  expectPasscodeRefused(await api.post(verify, { passCode: setup.code }), ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
  expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
}, { notOn: EMAIL.notOn, needs: ['outbox'] });
