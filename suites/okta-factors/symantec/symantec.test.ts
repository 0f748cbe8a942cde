import { randomInt } from 'node:crypto';
import type { ApiClient, Driver, DriverWith } from '../../../drivers/contract.js';
import { SymantecVipToken } from '../../../virtual-authenticators/symantec/symantec-vip-token.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { given } from '../../support/given.js';
import { codeOutside, enroll, expectPasscodeRefused, factorPath, factorsPath, readFactor } from '../factors.js';
import { expectActiveEnrollment, expectEnrollRefused, expectNotEnrolled, expectVerified, expectVerifyRefused } from '../token-factors.js';
import { useTarget } from '../../support/target.js';
import { expectState } from '../../support/expect.js';

/**
 * token / SYMANTEC, Symantec VIP (spec §2.8). The target's VIP service must know the credential:
 * the driver provisions it (capability `token-service`); the codes come from a virtual VIP token.
 */

useTarget();
checksNeedFactor({ factorType: 'token', provider: 'SYMANTEC' });

const FACTOR_TYPE = 'token';
const PROVIDER = 'SYMANTEC';
const STEP_MS = 30_000;

/** A new VIP credential the target's service knows; its seed is a driver secret. */
async function provisioned(driver: DriverWith<'tokenService'>): Promise<SymantecVipToken> {
  return given('a VIP credential provisioned in the token service', async () => {
    const vip = SymantecVipToken.create({ credentialId: `VSMT${String(randomInt(0, 100_000_000)).padStart(8, '0')}` });
    const sharedSecret = Buffer.from(vip.secret).toString('hex');
    await driver.tokenService.register(PROVIDER, { credentialId: vip.credentialId, sharedSecret });
    return vip;
  });
}

/** The current and next codes at the target's time (offset in steps), registered as secrets. */
async function codes(driver: Driver, vip: SymantecVipToken, windowOffset = 0) {
  const pair = vip.codes(await driver.now(), { windowOffset });
  driver.registerSecret(pair.passCode);
  driver.registerSecret(pair.nextPassCode);
  return pair;
}

const enrollBody = (credentialId: string, verify: { passCode: string; nextPassCode?: string }) => ({
  factorType: FACTOR_TYPE, provider: PROVIDER, profile: { credentialId }, verify,
});

async function enrolledVip(driver: DriverWith<'tokenService'>, api: ApiClient) {
  return given('a Symantec VIP factor enrolled with two consecutive codes', async () => {
    const user = await driver.fixtures.createUser();
    const vip = await provisioned(driver);
    const enrolledWith = await codes(driver, vip);
    const factor = await enroll(api, user.id, enrollBody(vip.credentialId, enrolledWith));
    return { user, vip, factor, enrolledWith };
  }, { by: 'FACTORS.SYMANTEC.ENROLL.ACTIVE' });
}

/** A 6-digit code that is none of the codes around now. */
async function wrongCode(driver: Driver, vip: SymantecVipToken): Promise<string> {
  const now = await driver.now();
  const near = new Set(Array.from({ length: 11 }, (_, i) => vip.codes(now, { windowOffset: i - 5 }).passCode));
  return codeOutside(near, vip.codes(now).passCode);
}

check('FACTORS.SYMANTEC.ENROLL.ACTIVE', 'enroll with the current and next passcodes answers the factor ACTIVE', async ({ driver, api }) => {
  const { user, vip, factor } = await enrolledVip(driver, api);
  const expected = { factorType: FACTOR_TYPE, provider: PROVIDER, profile: { credentialId: vip.credentialId } };
  await expectActiveEnrollment(api, user.id, factor, expected);
}, { needs: ['tokenService'] });

check('FACTORS.SYMANTEC.ENROLL.BOTH_PASSCODES', 'enroll with the current passcode alone is refused', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  const vip = await provisioned(driver);
  const { passCode } = await codes(driver, vip);
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(vip.credentialId, { passCode })));
  await expectNotEnrolled(api, user.id, FACTOR_TYPE, PROVIDER);
}, { needs: ['tokenService'] });

check('FACTORS.SYMANTEC.ENROLL.BAD_PASSCODES', 'enroll with a wrong passcode, or a next passcode that is not the next, is refused', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  const vip = await provisioned(driver);
  const { passCode, nextPassCode } = await codes(driver, vip);
  const wrong = await wrongCode(driver, vip);
  for (const verify of [
    { passCode: wrong, nextPassCode },
    { passCode, nextPassCode: wrong },
    { passCode, nextPassCode: passCode },
  ]) {
    expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(vip.credentialId, verify)));
  }
  await expectNotEnrolled(api, user.id, FACTOR_TYPE, PROVIDER);
}, { needs: ['tokenService'] });

check('FACTORS.SYMANTEC.ENROLL.UNKNOWN_CREDENTIAL', 'enroll with a credential the VIP service does not know is refused', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  // Never provisioned: the target cannot know it, whatever codes come with it.
  const stranger = SymantecVipToken.create({ credentialId: `VSMT${String(randomInt(0, 100_000_000)).padStart(8, '0')}` });
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(stranger.credentialId, await codes(driver, stranger))));
  await expectNotEnrolled(api, user.id, FACTOR_TYPE, PROVIDER);
});

check('FACTORS.SYMANTEC.VERIFY.GOOD_CODE', 'verify with a fresh security code answers SUCCESS', async ({ driver, api }) => {
  const { user, vip, factor } = await enrolledVip(driver, api);
  // Enrollment used this step's code and the next one's: the one after is fresh.
  await driver.clock.advance(2 * STEP_MS);
  await expectVerified(api, user.id, factor.id, { passCode: (await codes(driver, vip)).passCode });
}, { needs: ['tokenService', 'clock'] });

check('FACTORS.SYMANTEC.VERIFY.BAD_CODE', 'verify with a wrong passcode is refused with 403 E0000068', async ({ driver, api }) => {
  const { user, vip, factor } = await enrolledVip(driver, api);
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await wrongCode(driver, vip) });
}, { needs: ['tokenService'] });

check('FACTORS.SYMANTEC.VERIFY.REPLAY', 'a security code already used, at enrollment or verification, is refused', async ({ driver, api }) => {
  const { user, vip, factor, enrolledWith } = await enrolledVip(driver, api);
  const verify = `${factorPath(user.id, factor.id)}/verify`;
  expectPasscodeRefused(await api.post(verify, { passCode: enrolledWith.nextPassCode }), ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
  await driver.clock.advance(2 * STEP_MS);
  const { passCode } = await codes(driver, vip);
  await expectVerified(api, user.id, factor.id, { passCode });
  expectPasscodeRefused(await api.post(verify, { passCode }), ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { needs: ['tokenService', 'clock'] });
