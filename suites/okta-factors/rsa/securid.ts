import { randomBytes, randomInt } from 'node:crypto';
import type { Driver, DriverWith } from '../../../drivers/contract.js';
import { TotpGenerator } from '../../../virtual-authenticators/otp/totp-generator.js';
import { given } from '../../support/given.js';

/**
 * A SecurID credential in the target's simulated service (capability `tokenService`), for the RSA checks of the
 * Factors and Authentication APIs: its tokencodes are TOTP (SHA-1, 6 digits) over SecurID's 60-second interval.
 */
export const SECURID_STEP_SECONDS = 60;

export interface SecurIdToken {
  credentialId: string;
  pin: string;
  tokencode: TotpGenerator;
}

/** A new SecurID credential the target's service knows; seed and PIN are driver secrets. */
export async function provisioned(driver: DriverWith<'tokenService'>): Promise<SecurIdToken> {
  return given('a SecurID credential provisioned in the token service', async () => {
    const seed = randomBytes(20);
    const token: SecurIdToken = {
      credentialId: `securid-${randomBytes(6).toString('hex')}@example.com`,
      pin: String(randomInt(100_000, 1_000_000)),
      tokencode: new TotpGenerator({ secret: new Uint8Array(seed), algorithm: 'SHA1', digits: 6, period: SECURID_STEP_SECONDS }),
    };
    await driver.tokenService.register('RSA', { credentialId: token.credentialId, sharedSecret: seed.toString('hex'), pin: token.pin });
    return token;
  });
}

/** PIN + tokencode at the target's time (offset in steps), registered as a secret. */
export async function passCodeOf(driver: Driver, token: SecurIdToken, options: { pin?: string; windowOffset?: number } = {}): Promise<string> {
  const tokencode = token.tokencode.code(await driver.now(), { windowOffset: options.windowOffset ?? 0 });
  const passCode = (options.pin ?? token.pin) + tokencode;
  driver.registerSecret(tokencode);
  driver.registerSecret(passCode);
  return passCode;
}
