import { randomBytes, randomInt } from 'node:crypto';
import type { ApiClient, Driver, DriverWith } from '../../../drivers/contract.js';
import { TotpGenerator } from '../../../virtual-authenticators/otp/totp-generator.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { given } from '../../support/given.js';
import { codeOutside, enroll, expectPasscodeRefused, factorPath, factorsPath, readFactor } from '../factors.js';
import { expectActiveEnrollment, expectEnrollRefused, expectNotEnrolled, expectVerified, expectVerifyRefused } from '../token-factors.js';
import { useTarget } from '../../support/target.js';
import { passCodeOf, provisioned, SECURID_STEP_SECONDS, type SecurIdToken } from './securid.js';
import { expectState } from '../../support/expect.js';

/**
 * token / RSA, RSA SecurID (spec §2.7). A passcode is the PIN followed by the tokencode. The
 * target's SecurID service is a SIMULATION (capability `token-service`): the real tokencode
 * algorithm is RSA's own, so the provisioned credential's tokencodes are TOTP (SHA-1, 6 digits)
 * over SecurID's 60-second interval, which the test token below reproduces.
 */

useTarget();
checksNeedFactor({ factorType: 'token', provider: 'RSA' });

const FACTOR_TYPE = 'token';
const PROVIDER = 'RSA';
/** A tokencode none of the nearby steps shows, after the right PIN. */
async function wrongPassCode(driver: Driver, token: SecurIdToken): Promise<string> {
  const now = await driver.now();
  const near = new Set(Array.from({ length: 11 }, (_, i) => token.tokencode.code(now, { windowOffset: i - 5 })));
  return token.pin + codeOutside(near, token.tokencode.code(now));
}

const enrollBody = (credentialId: string, passCode: string) => ({
  factorType: FACTOR_TYPE, provider: PROVIDER, profile: { credentialId }, verify: { passCode },
});

async function enrolledSecurId(driver: DriverWith<'tokenService'>, api: ApiClient) {
  return given('an RSA SecurID factor enrolled with the current passcode', async () => {
    const user = await driver.fixtures.createUser();
    const token = await provisioned(driver);
    const factor = await enroll(api, user.id, enrollBody(token.credentialId, await passCodeOf(driver, token)));
    return { user, token, factor };
  }, { by: 'FACTORS.RSA.ENROLL.ACTIVE' });
}

check('FACTORS.RSA.ENROLL.ACTIVE', 'enroll with the current PIN+tokencode answers the factor ACTIVE', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledSecurId(driver, api);
  const expected = { factorType: FACTOR_TYPE, provider: PROVIDER, profile: { credentialId: token.credentialId } };
  await expectActiveEnrollment(api, user.id, factor, expected);
}, { needs: ['tokenService'] });

check('FACTORS.RSA.ENROLL.BAD_PASSCODE', 'enroll with a wrong tokencode, or a wrong PIN, is refused', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  const token = await provisioned(driver);
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(token.credentialId, await wrongPassCode(driver, token))));
  const wrongPin = String((Number(token.pin) + 1) % 1_000_000).padStart(6, '0');
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(token.credentialId, await passCodeOf(driver, token, { pin: wrongPin }))));
  await expectNotEnrolled(api, user.id, FACTOR_TYPE, PROVIDER);
}, { needs: ['tokenService'] });

check('FACTORS.RSA.ENROLL.UNKNOWN_CREDENTIAL', 'enroll with a credential the SecurID service does not know is refused', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  const seed = randomBytes(20);
  const stranger: SecurIdToken = {
    credentialId: `never-provisioned-${randomBytes(6).toString('hex')}@example.com`,
    pin: '482913',
    tokencode: new TotpGenerator({ secret: new Uint8Array(seed), algorithm: 'SHA1', digits: 6, period: SECURID_STEP_SECONDS }),
  };
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(stranger.credentialId, await passCodeOf(driver, stranger))));
  await expectNotEnrolled(api, user.id, FACTOR_TYPE, PROVIDER);
});

check('FACTORS.RSA.VERIFY.GOOD_CODE', 'verify with the PIN and a fresh tokencode answers SUCCESS', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledSecurId(driver, api);
  await driver.clock.advance(SECURID_STEP_SECONDS * 1000);
  await expectVerified(api, user.id, factor.id, { passCode: await passCodeOf(driver, token) });
}, { needs: ['tokenService', 'clock'] });

check('FACTORS.RSA.VERIFY.BAD_CODE', 'verify with the right PIN and a wrong tokencode is refused with 403 E0000068', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledSecurId(driver, api);
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await wrongPassCode(driver, token) });
}, { needs: ['tokenService'] });

check('FACTORS.RSA.VERIFY.WRONG_PIN', 'verify with a fresh tokencode after a wrong PIN is refused with 403 E0000068', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledSecurId(driver, api);
  await driver.clock.advance(SECURID_STEP_SECONDS * 1000);
  const wrongPin = String((Number(token.pin) + 1) % 1_000_000).padStart(6, '0');
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await passCodeOf(driver, token, { pin: wrongPin }) });
  // The tokencode was not used up by the refusal: with the right PIN it verifies.
  await expectVerified(api, user.id, factor.id, { passCode: await passCodeOf(driver, token) });
}, { needs: ['tokenService', 'clock'] });

check('FACTORS.RSA.VERIFY.NO_PIN', 'verify with a fresh tokencode alone, without the PIN, is refused with 403 E0000068', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledSecurId(driver, api);
  await driver.clock.advance(SECURID_STEP_SECONDS * 1000);
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await passCodeOf(driver, token, { pin: '' }) });
  // The refusal did not spend the tokencode: with the PIN before it, it verifies.
  await expectVerified(api, user.id, factor.id, { passCode: await passCodeOf(driver, token) });
}, { needs: ['tokenService', 'clock'] });

check('FACTORS.RSA.VERIFY.REPLAY', 'a passcode already used is refused', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledSecurId(driver, api);
  await driver.clock.advance(SECURID_STEP_SECONDS * 1000);
  const passCode = await passCodeOf(driver, token);
  await expectVerified(api, user.id, factor.id, { passCode });
  expectPasscodeRefused(await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode }), ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { needs: ['tokenService', 'clock'] });
