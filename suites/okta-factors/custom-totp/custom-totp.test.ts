import { randomBytes } from 'node:crypto';
import { base32nopad } from '@scure/base';
import { expect } from 'vitest';
import { offers, type ApiClient, type CustomTotpProfile, type Driver, type DriverWith, type TestUser } from '../../../drivers/contract.js';
import { TotpGenerator } from '../../../virtual-authenticators/otp/totp-generator.js';
import { checkDigits } from '../../../virtual-authenticators/otp/otp-options.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectClientError, expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { codeOutside, enroll, expectPasscodeRefused, factorPath, factorsPath, type Factor, listFactors, readFactor } from '../factors.js';
import { expectActiveEnrollment, expectBadRequest, expectNotEnrolled, expectVerified, expectVerifyRefused } from '../token-factors.js';
import { useTarget } from '../../support/target.js';

/**
 * token:hotp / CUSTOM, "Custom TOTP" (spec §2.10): TOTP codes with the settings of the factor
 * profile enrolled against. Profiles cannot be listed through the API: the driver reads them
 * (capability `factor-policy`).
 */

useTarget();
checksNeedFactor({ factorType: 'token:hotp', provider: 'CUSTOM' });

const FACTOR_TYPE = 'token:hotp';
const PROVIDER = 'CUSTOM';
const AUTO_ACTIVATE = { activate: 'true' };

async function factorProfiles(driver: DriverWith<'policy'>): Promise<CustomTotpProfile[]> {
  const profiles = await driver.policy.factorProfiles();
  expect(profiles.length, 'the target has a Custom TOTP factor profile').toBeGreaterThan(0);
  return profiles;
}

function encode(bytes: Uint8Array, encoding: CustomTotpProfile['sharedSecretEncoding']): string {
  if (encoding === 'hex') return Buffer.from(bytes).toString('hex');
  if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
  return base32nopad.encode(bytes);
}

/** A new token for the profile: its shared secret as the profile wants it written (a driver secret) and its generator. */
function newToken(driver: Driver, profile: CustomTotpProfile) {
  const key = new Uint8Array(randomBytes(20));
  const sharedSecret = encode(key, profile.sharedSecretEncoding);
  driver.registerSecret(sharedSecret);
  driver.registerSecret(Buffer.from(key).toString('hex'));
  const totp = new TotpGenerator({
    secret: key,
    algorithm: profile.algorithm,
    digits: checkDigits(profile.digits),
    period: profile.timeStepSeconds,
  });
  return { sharedSecret, totp };
}

const enrollBody = (profile: CustomTotpProfile, sharedSecret: string) => ({
  factorType: FACTOR_TYPE, provider: PROVIDER, factorProfileId: profile.id, profile: { sharedSecret },
});

async function enrolledCustom(driver: Driver, api: ApiClient, profile: CustomTotpProfile, user?: TestUser) {
  return given(`a token:hotp factor enrolled with profile ${profile.id}`, async () => {
    const owner = user ?? (await driver.fixtures.createUser());
    const { sharedSecret, totp } = newToken(driver, profile);
    const factor = await enroll(api, owner.id, enrollBody(profile, sharedSecret), AUTO_ACTIVATE);
    return { user: owner, factor, totp, sharedSecret };
  }, { by: 'FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE' });
}

/** The code `steps` time steps from the target's now; registered as a secret. */
async function codeAt(driver: Driver, totp: TotpGenerator, steps = 0): Promise<string> {
  const code = totp.code(await driver.now(), { windowOffset: steps });
  driver.registerSecret(code);
  return code;
}

/** A code of the right length that is none of the codes of the ten steps around now. */
async function wrongCodeFor(driver: Driver, totp: TotpGenerator): Promise<string> {
  const now = await driver.now();
  const near = new Set(Array.from({ length: 21 }, (_, i) => totp.code(now, { windowOffset: i - 10 })));
  return codeOutside(near, totp.code(now));
}

/** Moves the target's clock to one second into a fresh time step, so that codes of neighbouring steps stay neighbours. */
async function alignToStepStart(driver: DriverWith<'clock'>, stepSeconds: number): Promise<void> {
  const stepMs = stepSeconds * 1000;
  const now = await driver.now();
  await driver.clock.advance(stepMs - (now % stepMs) + 1000);
}

const verifyPath = (userId: string, factorId: string) => `${factorPath(userId, factorId)}/verify`;

check('FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE', "enroll with activate=true answers ACTIVE, with the factor profile's vendor, for every factor profile", async ({ driver, api }) => {
  for (const profile of await factorProfiles(driver)) {
    const { user, factor } = await enrolledCustom(driver, api, profile);
    const expected = { factorType: FACTOR_TYPE, provider: PROVIDER, vendorName: profile.vendorName };
    await expectActiveEnrollment(api, user.id, factor, expected);
  }
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.ENROLL.SECRET_WRITE_ONLY', 'the sharedSecret never comes back: enroll, get, list', async ({ driver, api }) => {
  const [profile] = await factorProfiles(driver);
  const user = await driver.fixtures.createUser();
  const { sharedSecret } = newToken(driver, profile!);
  const res = await api.post<Factor>(factorsPath(user.id), enrollBody(profile!, sharedSecret), { query: AUTO_ACTIVATE });
  expectStatus(res, 200);
  const responses = [res, await api.get(factorPath(user.id, res.body.id)), await api.get(factorsPath(user.id))];
  for (const seen of responses) {
    expectStatus(seen, 200);
    expect(seen.text.toLowerCase().includes(sharedSecret.toLowerCase()), 'the shared secret came back').toBe(false);
    expect(/"sharedSecret"\s*:/.test(seen.text), 'a response has a `sharedSecret` field').toBe(false);
  }
  expectSchema('okta-factors/factor', res.body);
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.ENROLL.AUTO_ACTIVATION_ONLY', 'without activate=true the enrollment is refused, or auto-activated, never left pending', async ({ driver, api }) => {
  const [profile] = await factorProfiles(driver);
  const user = await driver.fixtures.createUser();
  const { sharedSecret } = newToken(driver, profile!);
  const res = await api.post<Factor>(factorsPath(user.id), enrollBody(profile!, sharedSecret));
  // "Currently only auto-activation is supported" [F]; what happens without it is undocumented (spec §2.10).
  if (res.status === 200) {
    expectSchema('okta-factors/factor', res.body);
    expect(res.body.status, 'a factor nothing can activate must not be left PENDING_ACTIVATION').toBe('ACTIVE');
    expectState('factor status', (await readFactor(api, user.id, res.body.id)).status, 'ACTIVE');
    return;
  }
  expectBadRequest(res);
  await expectNotEnrolled(api, user.id, FACTOR_TYPE);
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.ENROLL.UNKNOWN_PROFILE', 'a missing or unknown factorProfileId is refused (any 4xx: the docs name no code)', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  const sharedSecret = randomBytes(20).toString('hex');
  driver.registerSecret(sharedSecret);
  const unknown = { factorType: FACTOR_TYPE, provider: PROVIDER, factorProfileId: 'fpr0000000000unknown', profile: { sharedSecret } };
  expectClientError(await api.post(factorsPath(user.id), unknown, { query: AUTO_ACTIVATE }));
  const missing = { factorType: FACTOR_TYPE, provider: PROVIDER, profile: { sharedSecret } };
  expectClientError(await api.post(factorsPath(user.id), missing, { query: AUTO_ACTIVATE }));
  await expectNotEnrolled(api, user.id, FACTOR_TYPE);
});

check('FACTORS.CUSTOM_TOTP.ENROLL.ONE_PER_USER', 'a second Custom TOTP enrollment is refused with 400 E0000001; the first stays', async ({ driver, api }) => {
  const profiles = await factorProfiles(driver);
  const first = profiles[0]!;
  // Another profile where there is one: the rule is one Custom TOTP factor per user, whatever its profile.
  const second = profiles[1] ?? first;
  const { user, factor } = await enrolledCustom(driver, api, first);
  const { sharedSecret } = newToken(driver, second);
  // The docs name no code for it (spec §11): any 4xx error object; the factors left are what must be exact.
  expectClientError(await api.post(factorsPath(user.id), enrollBody(second, sharedSecret), { query: AUTO_ACTIVATE }));
  const mine = (await listFactors(api, user.id)).filter((f) => f.factorType === FACTOR_TYPE);
  expect(mine.map((f) => f.id)).toEqual([factor.id]);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.VERIFY.GOOD_CODE', "verify with the current code answers SUCCESS, for every factor profile's settings", async ({ driver, api }) => {
  for (const profile of await factorProfiles(driver)) {
    const { user, factor, totp } = await enrolledCustom(driver, api, profile);
    await expectVerified(api, user.id, factor.id, { passCode: await codeAt(driver, totp) });
  }
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.VERIFY.BAD_CODE', 'verify with a wrong code is refused with 403 E0000068', async ({ driver, api }) => {
  const [profile] = await factorProfiles(driver);
  const { user, factor, totp } = await enrolledCustom(driver, api, profile!);
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await wrongCodeFor(driver, totp) });
  // The refusal spoiled nothing: the right code still verifies.
  await expectVerified(api, user.id, factor.id, { passCode: await codeAt(driver, totp) });
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.VERIFY.REPLAY', "a used time step's code, or an earlier step's, is refused", async ({ driver, api }) => {
  const [profile] = await factorProfiles(driver);
  const { user, factor, totp } = await enrolledCustom(driver, api, profile!);
  const code = await codeAt(driver, totp);
  await expectVerified(api, user.id, factor.id, { passCode: code });
  expectPasscodeRefused(await api.post(verifyPath(user.id, factor.id), { passCode: code }), ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
  const earlier = await codeAt(driver, totp, -1);
  expectPasscodeRefused(await api.post(verifyPath(user.id, factor.id), { passCode: earlier }), ['E0000068', 'E0000082', 'E0000083'], ['PASSCODE_REPLAYED', 'TIME_WINDOW_EXCEEDED']);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.VERIFY.TIME_WINDOW', "codes one step beyond the profile's clock drift, either side, are refused", async ({ driver, api }) => {
  // A profile's drift may be up to 10 intervals (Okta's default is 3): what lies outside is the profile's, not a fixed number.
  for (const profile of await factorProfiles(driver)) {
    const { user, factor, totp } = await enrolledCustom(driver, api, profile);
    // With a clock, away from a step boundary; without one (a real org) the target's time is real time.
    if (offers(driver, ['clock'])) await alignToStepStart(driver, profile.timeStepSeconds);
    const outside = profile.clockDriftSteps + 1;
    // Ahead first: once it were accepted, the step behind would be a replay and prove nothing.
    expectPasscodeRefused(await api.post(verifyPath(user.id, factor.id), { passCode: await codeAt(driver, totp, outside) }), ['E0000068', 'E0000083'], ['TIME_WINDOW_EXCEEDED']);
    expectPasscodeRefused(await api.post(verifyPath(user.id, factor.id), { passCode: await codeAt(driver, totp, -outside) }), ['E0000068', 'E0000083'], ['TIME_WINDOW_EXCEEDED']);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
    // The refusals spoiled nothing: the current code still verifies.
    await expectVerified(api, user.id, factor.id, { passCode: await codeAt(driver, totp) });
  }
}, { needs: ['policy'] });

check('FACTORS.CUSTOM_TOTP.VERIFY.CLOCK_DRIFT', "codes of the steps at the edge of the profile's clock drift interval are accepted", async ({ driver, api }) => {
  const drifting = (await factorProfiles(driver)).filter((p) => p.clockDriftSteps > 0);
  for (const profile of drifting) {
    const { user, factor, totp } = await enrolledCustom(driver, api, profile);
    await alignToStepStart(driver, profile.timeStepSeconds);
    // The earlier step first: once a later step is used, an earlier one would be a replay.
    await expectVerified(api, user.id, factor.id, { passCode: await codeAt(driver, totp, -profile.clockDriftSteps) });
    await expectVerified(api, user.id, factor.id, { passCode: await codeAt(driver, totp, profile.clockDriftSteps) });
  }
}, { needs: ['policy', 'clock'] });
