import type { ApiClient, Driver, TestUser } from '../../../drivers/contract.js';
import type { TotpGenerator } from '../../../virtual-authenticators/otp/totp-generator.js';
import { expectStatus } from '../../support/expect.js';
import { given } from '../../support/given.js';
import { currentCode, enroll, type Factor, factorPath, totpFor } from '../factors.js';

/** token:software:totp set-ups the checks of several files share. */

export const TOTP_FACTOR_TYPE = 'token:software:totp';

export interface EnrolledTotp {
  user: TestUser;
  factor: Factor;
  totp: TotpGenerator;
}

/** Enrolls a TOTP factor (for `user`, or a fresh user) and returns it with its generator. */
export async function enrollTotp(driver: Driver, api: ApiClient, provider: string, user?: TestUser): Promise<EnrolledTotp> {
  return given(
    `a pending ${TOTP_FACTOR_TYPE} factor (${provider})`,
    async () => {
      const owner = user ?? (await driver.fixtures.createUser());
      const factor = await enroll(api, owner.id, { factorType: TOTP_FACTOR_TYPE, provider });
      return { user: owner, factor, totp: totpFor(driver, factor._embedded?.activation) };
    },
    { by: 'FACTORS.TOTP.ENROLL.PENDING' },
  );
}

/** Enrolls and activates; the activation consumes the current time window's code. */
export async function activeTotp(driver: Driver, api: ApiClient, provider: string, user?: TestUser): Promise<EnrolledTotp> {
  const setup = await enrollTotp(driver, api, provider, user);
  return given(
    `the ${TOTP_FACTOR_TYPE} factor activated with the current code (${provider})`,
    async () => {
      const res = await api.post<Factor>(`${factorPath(setup.user.id, setup.factor.id)}/lifecycle/activate`, {
        passCode: await currentCode(driver, setup.totp),
      });
      expectStatus(res, 200);
      return setup;
    },
    { by: 'FACTORS.TOTP.ACTIVATE.GOOD_CODE' },
  );
}
