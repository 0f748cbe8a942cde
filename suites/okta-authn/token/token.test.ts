import { randomBytes, randomInt } from 'node:crypto';
import { expect } from 'vitest';
import { base32nopad } from '@scure/base';
import type { ApiClient, Driver, DriverWith, TestUser } from '../../../drivers/contract.js';
import { TotpGenerator } from '../../../virtual-authenticators/otp/totp-generator.js';
import { SymantecVipToken } from '../../../virtual-authenticators/symantec/symantec-vip-token.js';
import { YubiKeyOtpToken } from '../../../virtual-authenticators/yubikey/yubikey-otp-token.js';
import { expectStatus } from '../../support/expect.js';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { given } from '../../support/given.js';
import { codeOutside, enroll, linkOf, listFactors } from '../../okta-factors/factors.js';
import { passCodeOf, provisioned } from '../../okta-factors/rsa/securid.js';
import { expectSuccess } from '../authn.js';
import { enrollThroughAuthn, expectFactorStatus, expectRefusedAndUnchanged, postLink, required, withRequired } from '../factor-steps.js';

/**
 * token / RSA (SecurID) through the Authentication API: enrolled with its current passCode and active at once, then
 * verified by passCode (spec §5.1, §5.4). The enroll body carries the passCode at the top level, as [A] shows it.
 * The credential lives in the target's simulated SecurID service (capability `tokenService`): TOTP over 60 s.
 */

useTarget();

const RSA = { factorType: 'token', provider: 'RSA' } as const;
const NEEDS = ['policy', 'tokenService'] as const;
const YUBIKEY_TOKENS = '/api/v1/org/factors/yubikey_token/tokens';

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
  expectSuccess(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: await passCodeOf(driver, token, { windowOffset: 1 }) }), user);
}, { needs: NEEDS });

check('AUTHN.TOKEN.VERIFY.BAD_CODE', 'a wrong RSA passCode is 403 E0000068 and the transaction stays MFA_REQUIRED', async ({ driver, api }) => {
  const { user, token, factorId } = await userWithToken(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  const right = await passCodeOf(driver, token, { windowOffset: 1 });
  const wrong = right.slice(0, -6) + String((Number(right.slice(-6)) + 500_000) % 1_000_000).padStart(6, '0');
  const res = await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: wrong });
  await expectRefusedAndUnchanged(driver, api, res, stateToken, 'MFA_REQUIRED');
}, { needs: NEEDS });

// ---- the other token types, verified through the transaction after a Factors API enrollment ----

/** A wrong passCode for the user's factor, through the transaction: 403 E0000068, MFA_REQUIRED read back. */
async function expectWrongPassCodeRefused(driver: Driver, api: ApiClient, user: TestUser, factorId: string, passCode: string): Promise<void> {
  driver.registerSecret(passCode);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  await expectRefusedAndUnchanged(driver, api, await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode }), stateToken, 'MFA_REQUIRED');
}

check('AUTHN.TOKEN.VERIFY.BAD_CODE', 'Symantec VIP: a wrong passCode in MFA_REQUIRED is 403 E0000068', async ({ driver, api }) => {
  const { user, factorId, vip } = await given('a Symantec VIP factor enrolled (Factors API)', async () => {
    const owner = await driver.fixtures.createUser();
    const token = SymantecVipToken.create({ credentialId: `VSMT${String(randomInt(0, 100_000_000)).padStart(8, '0')}` });
    driver.registerSecret(Buffer.from(token.secret).toString('hex'));
    await driver.tokenService.register('SYMANTEC', { credentialId: token.credentialId, sharedSecret: Buffer.from(token.secret).toString('hex') });
    const codes = token.codes(await driver.now());
    driver.registerSecret(codes.passCode);
    driver.registerSecret(codes.nextPassCode);
    const factor = await enroll(api, owner.id, { factorType: 'token', provider: 'SYMANTEC', profile: { credentialId: token.credentialId }, verify: codes });
    return { user: owner, factorId: factor.id, vip: token };
  }, { by: 'FACTORS.SYMANTEC.ENROLL.ACTIVE' });
  const now = await driver.now();
  const near = new Set(Array.from({ length: 11 }, (_, i) => vip.codes(now, { windowOffset: i - 5 }).passCode));
  await expectWrongPassCodeRefused(driver, api, user, factorId, codeOutside(near, vip.codes(now).passCode));
}, { needs: ['tokenService'] });

check('AUTHN.TOKEN.VERIFY.BAD_CODE', "YubiKey (token:hardware): another token's OTP in MFA_REQUIRED is 403 E0000068", async ({ driver, api }) => {
  const keys = () => {
    const yubikey = YubiKeyOtpToken.create();
    driver.registerSecret(yubikey.secrets.privateId);
    driver.registerSecret(yubikey.secrets.aesKey);
    return yubikey;
  };
  const { user, factorId, other } = await given('a YubiKey factor enrolled and another token uploaded (Factors API)', async () => {
    const owner = await driver.fixtures.createUser();
    const [mine, stranger] = [keys(), keys()];
    for (const yubikey of [mine, stranger]) expectStatus(await api.post(YUBIKEY_TOKENS, yubikey.secrets), 200);
    const otp = mine.otp({ at: await driver.now() });
    driver.registerSecret(otp);
    const factor = await enroll(api, owner.id, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: otp } });
    return { user: owner, factorId: factor.id, other: stranger };
  }, { by: 'FACTORS.YUBIKEY.ENROLL.ACTIVE' });
  await expectWrongPassCodeRefused(driver, api, user, factorId, other.otp({ at: await driver.now() }));
}, { needs: ['yubikeyUpload'] });

check('AUTHN.TOKEN.VERIFY.BAD_CODE', 'Custom TOTP (token:hotp): a wrong passCode in MFA_REQUIRED is 403 E0000068', async ({ driver, api }) => {
  const { user, factorId, totp } = await given('a token:hotp factor enrolled (Factors API, ?activate=true)', async () => {
    const [profile] = await driver.policy.factorProfiles();
    expect(profile, 'the target has a Custom TOTP factor profile').toBeDefined();
    const { id, algorithm, digits, timeStepSeconds, sharedSecretEncoding } = profile as NonNullable<typeof profile>;
    const key = new Uint8Array(randomBytes(20));
    const sharedSecret = sharedSecretEncoding === 'hex' ? Buffer.from(key).toString('hex') : sharedSecretEncoding === 'base64' ? Buffer.from(key).toString('base64') : base32nopad.encode(key);
    driver.registerSecret(sharedSecret);
    const owner = await driver.fixtures.createUser();
    const factor = await enroll(api, owner.id, { factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: id, profile: { sharedSecret } }, { activate: 'true' });
    return { user: owner, factorId: factor.id, totp: new TotpGenerator({ secret: key, algorithm, digits: digits as 6 | 7 | 8, period: timeStepSeconds }) };
  }, { by: 'FACTORS.CUSTOM_TOTP.ENROLL.ACTIVE' });
  const now = await driver.now();
  const near = new Set(Array.from({ length: 21 }, (_, i) => totp.code(now, { windowOffset: i - 10 })));
  await expectWrongPassCodeRefused(driver, api, user, factorId, codeOutside(near, totp.code(now)));
}, { needs: ['policy'] });
