import { expect } from 'vitest';
import type { ApiResponse } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { expectClientError, expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import {
  currentCode, enroll, expectFactorGone, expectFactorsUnchanged, expectNotActiveRefused, factorIds, factorPath, factorsPath, listFactors, onlyThese, readFactor,
} from '../factors.js';
import { useTarget } from '../../support/target.js';
import { activeTotp, enrollTotp, TOTP_FACTOR_TYPE } from '../totp/totp.js';

/** The factor lifecycle across types: reset all, re-enroll, and what each status allows (spec §3). */

useTarget();

/** A refusal: a 4xx with a valid error object. Where the docs name no code, any code is accepted. */
function expectRefused(res: ApiResponse): void {
  expect(res.status, `refused with a 4xx, got ${res.status}`).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expectSchema('okta-factors/error', res.body);
}

check('FACTORS.LIFECYCLE.RESET_FACTORS', 'reset_factors unenrolls every factor and leaves the user ACTIVE', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const mine = [(await activeTotp(driver, api, 'OKTA', user)).factor.id, (await enrollTotp(driver, api, 'GOOGLE', user)).factor.id];
  expect(onlyThese(await listFactors(api, user.id), mine), 'both factors enrolled').toHaveLength(2);
  const res = await api.post(`/api/v1/users/${user.id}/lifecycle/reset_factors`);
  expectStatus(res, 200);
  // Every factor the check enrolled is gone (an Identity Engine org may keep the primary email it enrolled itself).
  expectState('factors left after reset_factors', onlyThese(await listFactors(api, user.id), mine), [[]]);
  for (const id of mine) await expectFactorGone(api, user.id, id);
  const read = await api.get<{ status: string }>(`/api/v1/users/${user.id}`);
  expectStatus(read, 200);
  expectSchema('okta-factors/user', read.body);
  expect(read.body.status).toBe('ACTIVE');
});

check('FACTORS.LIFECYCLE.RESET_FACTORS_LINK', 'the user publishes resetFactors exactly while it has a factor', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const resetFactorsLink = async (): Promise<string | undefined> => {
    const read = await api.get<{ _links?: Record<string, { href?: string } | undefined> }>(`/api/v1/users/${user.id}`);
    expectStatus(read, 200);
    return read.body._links?.resetFactors?.href;
  };
  // Compared with the factor list rather than with "none": an Identity Engine user starts with its email factor.
  const hasFactors = async (): Promise<boolean> => (await listFactors(api, user.id)).length > 0;
  expect(Boolean(await resetFactorsLink()), 'resetFactors link before the first enrollment, as the factor list says').toBe(await hasFactors());
  await activeTotp(driver, api, 'GOOGLE', user);
  expect(await resetFactorsLink(), 'resetFactors link once a factor is active').toMatch(new RegExp(`/api/v1/users/${user.id}/lifecycle/reset_factors$`));
  expectStatus(await api.post(`/api/v1/users/${user.id}/lifecycle/reset_factors`), 200);
  expect(Boolean(await resetFactorsLink()), 'resetFactors link after reset_factors, as the factor list says').toBe(await hasFactors());
});

check('FACTORS.LIFECYCLE.REENROLL', 'after unenroll, the same type enrolls again as a new pending factor', async ({ driver, api }) => {
  const { user, factor } = await activeTotp(driver, api, 'GOOGLE');
  expectStatus(await api.delete(factorPath(user.id, factor.id)), 204);
  const again = await enroll(api, user.id, { factorType: TOTP_FACTOR_TYPE, provider: 'GOOGLE' });
  expect(again.id).not.toBe(factor.id);
  expect(again.status).toBe('PENDING_ACTIVATION');
  const ids = (await listFactors(api, user.id)).map((f) => f.id);
  expect(ids, 'the new enrollment is listed').toContain(again.id);
  expect(ids, 'the unenrolled factor is not').not.toContain(factor.id);
});

check('FACTORS.LIFECYCLE.ENROLL_TWICE', 'enrolling an active factor type again is refused and the active one is untouched', async ({ driver, api }) => {
  const { user, factor } = await activeTotp(driver, api, 'OKTA');
  const before = await factorIds(api, user.id);
  // The docs name no code for it (spec §11): any 4xx error object; what is left is what must be exact.
  expectClientError(await api.post(factorsPath(user.id), { factorType: TOTP_FACTOR_TYPE, provider: 'OKTA' }));
  await expectFactorsUnchanged(api, user.id, before);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
});

check('FACTORS.LIFECYCLE.ACTIVATE_ACTIVE', 'activating an active factor is refused', async ({ driver, api }) => {
  const { user, factor, totp } = await activeTotp(driver, api, 'GOOGLE');
  const active = await readFactor(api, user.id, factor.id);
  expect(active._links?.activate, 'an active factor offers no activate link').toBeUndefined();
  const res = await api.post(`${factorPath(user.id, factor.id)}/lifecycle/activate`, { passCode: await currentCode(driver, totp) });
  expectRefused(res);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
});

check('FACTORS.LIFECYCLE.VERIFY_PENDING', 'verifying a factor pending activation is refused and it stays pending', async ({ driver, api }) => {
  const { user, factor, totp } = await enrollTotp(driver, api, 'OKTA');
  const res = await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode: await currentCode(driver, totp) });
  expectNotActiveRefused(res);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
});

check('FACTORS.LIFECYCLE.INACTIVE_USER', "a deactivated user's factors can be neither enrolled, activated, verified nor unenrolled", async ({ driver, api }) => {
  const { user, factor, totp } = await activeTotp(driver, api, 'GOOGLE');
  const pending = await enrollTotp(driver, api, 'OKTA', user);
  expectStatus(await api.post(`/api/v1/users/${user.id}/lifecycle/deactivate`), [200, 204]);
  const before = await factorIds(api, user.id);
  expectClientError(await api.post(factorsPath(user.id), { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'deactivated' } }));
  expectClientError(await api.post(`${factorPath(user.id, pending.factor.id)}/lifecycle/activate`, { passCode: await currentCode(driver, pending.totp) }));
  expectClientError(await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode: await currentCode(driver, totp) }));
  expectClientError(await api.delete(factorPath(user.id, factor.id)));
  await expectFactorsUnchanged(api, user.id, before);
  expectState('pending factor status', (await readFactor(api, user.id, pending.factor.id)).status, 'PENDING_ACTIVATION');
});

check('FACTORS.LIFECYCLE.ACTIVATE_QUERY', '?activate=true leaves token:software:totp and push pending (or is refused), never ACTIVE', async ({ api, newUser }) => {
  for (const body of [{ factorType: TOTP_FACTOR_TYPE, provider: 'GOOGLE' }, { factorType: 'push', provider: 'OKTA' }]) {
    const user = await newUser();
    const before = await factorIds(api, user.id);
    const res = await api.post<{ id: string; status: string }>(factorsPath(user.id), body, { query: { activate: true } });
    if (res.status !== 200) {
      expectClientError(res);
      await expectFactorsUnchanged(api, user.id, before);
      continue;
    }
    expectSchema('okta-factors/factor', res.body);
    expectState(`${body.factorType} status after enroll with activate=true`, res.body.status, 'PENDING_ACTIVATION');
    expectState(`${body.factorType} status read back`, (await readFactor(api, user.id, res.body.id)).status, 'PENDING_ACTIVATION');
  }
});

