import { randomBytes, randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient, Driver, DriverWith } from '../../../drivers/contract.js';
import { TotpGenerator } from '../../../virtual-authenticators/otp/totp-generator.js';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { given } from '../../support/given.js';
import { linkOf, listFactors } from '../../okta-factors/factors.js';
import { expectSuccess } from '../authn.js';
import { enrollThroughAuthn, expectFactorStatus, expectRefusedAndUnchanged, postLink, required, withRequired } from '../factor-steps.js';

/**
 * token / RSA (SecurID) through the Authentication API: enrolled with its current passCode and active at once, then
 * verified by passCode (spec §5.1, §5.4). The enroll body carries the passCode at the top level, as [A] shows it.
 * The credential lives in the target's simulated SecurID service (capability `tokenService`): TOTP over 60 s.
 */

useTarget();

const RSA = { factorType: 'token', provider: 'RSA' } as const;
const STEP_SECONDS = 60;
const NEEDS = ['policy', 'tokenService'] as const;

interface SecurIdToken {
  credentialId: string;
  pin: string;
  tokencode: TotpGenerator;
}

async function provisioned(driver: DriverWith<'tokenService'>): Promise<SecurIdToken> {
  return given('a SecurID credential provisioned in the token service', async () => {
    const seed = randomBytes(20);
    const token = {
      credentialId: `authn-securid-${randomBytes(6).toString('hex')}@example.com`,
      pin: String(randomInt(100_000, 1_000_000)),
      tokencode: new TotpGenerator({ secret: new Uint8Array(seed), algorithm: 'SHA1', digits: 6, period: STEP_SECONDS }),
    };
    await driver.tokenService.register('RSA', { credentialId: token.credentialId, sharedSecret: seed.toString('hex'), pin: token.pin });
    return token;
  });
}

/** PIN + tokencode `steps` steps from the target's now, a secret. */
async function passCodeOf(driver: Driver, token: SecurIdToken, steps = 0): Promise<string> {
  const passCode = token.pin + token.tokencode.code(await driver.now(), { windowOffset: steps });
  driver.registerSecret(passCode);
  return passCode;
}

async function enrolledThroughAuthn(driver: DriverWith<'tokenService' | 'policy'>, api: ApiClient) {
  const token = await provisioned(driver);
  const { user, res } = await enrollThroughAuthn(driver, api, RSA, { profile: { credentialId: token.credentialId }, passCode: await passCodeOf(driver, token) });
  expectSuccess(driver, res, user);
  const factor = (await listFactors(api, user.id)).find((f) => f.factorType === RSA.factorType && f.provider === RSA.provider);
  return { user, token, factorId: factor?.id };
}

check('AUTHN.TOKEN.ENROLL', 'enrolling an RSA token with its passCode answers SUCCESS and the factor reads back ACTIVE', async ({ driver, api }) => {
  await withRequired(driver, RSA, async () => {
    const { user, factorId } = await enrolledThroughAuthn(driver, api);
    expect(factorId, 'the Factors API lists the token factor').toBeDefined();
    await expectFactorStatus(api, user.id, factorId as string, 'ACTIVE');
  });
}, { needs: NEEDS });

async function userWithToken(driver: DriverWith<'tokenService' | 'policy'>, api: ApiClient) {
  let enrolled: Awaited<ReturnType<typeof enrolledThroughAuthn>> | undefined;
  await withRequired(driver, RSA, async () => {
    enrolled = await given('an RSA token enrolled through the transaction', () => enrolledThroughAuthn(driver, api), { by: 'AUTHN.TOKEN.ENROLL' });
  });
  return enrolled as Awaited<ReturnType<typeof enrolledThroughAuthn>> & { factorId: string };
}

// The enrollment spent the current step's tokencode; the next step's is within the service's window.
check('AUTHN.TOKEN.VERIFY', 'an RSA passCode in MFA_REQUIRED answers SUCCESS', async ({ driver, api }) => {
  const { user, token, factorId } = await userWithToken(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  expectSuccess(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: await passCodeOf(driver, token, 1) }), user);
}, { needs: NEEDS });

check('AUTHN.TOKEN.VERIFY.BAD_CODE', 'a wrong RSA passCode is 403 E0000068 and the transaction stays MFA_REQUIRED', async ({ driver, api }) => {
  const { user, token, factorId } = await userWithToken(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  const right = await passCodeOf(driver, token, 1);
  const wrong = right.slice(0, -6) + String((Number(right.slice(-6)) + 500_000) % 1_000_000).padStart(6, '0');
  const res = await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: wrong });
  await expectRefusedAndUnchanged(driver, api, res, stateToken, 'MFA_REQUIRED');
}, { needs: NEEDS });
