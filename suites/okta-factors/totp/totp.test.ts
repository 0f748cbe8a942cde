import { describe, expect } from 'vitest';
import type { ApiClient, Driver } from '../../../drivers/contract.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import {
  allowedMethods,
  currentCode,
  expectFactorGone,
  expectPasscodeRefused,
  factorPath,
  type Factor,
  linkOf,
  listFactors,
  readFactor,
  wrongCode,
} from '../factors.js';
import { useTarget } from '../../support/target.js';
import { activeTotp, enrollTotp, TOTP_FACTOR_TYPE as FACTOR_TYPE } from './totp.js';

/** token:software:totp, Okta Verify OTP (OKTA) and Google Authenticator (GOOGLE): spec §2.5, §3. */

useTarget();
checksNeedFactor({ factorType: 'token:software:totp' });

const STEP_MS = 30_000;
const TEN_MINUTES_MS = 10 * 60_000;

const enrolled = (driver: Driver, api: ApiClient, provider: string) => enrollTotp(driver, api, provider);
const activated = (driver: Driver, api: ApiClient, provider: string) => activeTotp(driver, api, provider);

describe.each(['OKTA', 'GOOGLE'])('token:software:totp / %s', (provider) => {
  check('FACTORS.TOTP.ENROLL.PENDING', `enroll returns a pending factor with its TOTP activation (${provider})`, async ({ driver, api }) => {
    const { user, factor } = await enrolled(driver, api, provider);
    expect(factor).toMatchObject({ factorType: FACTOR_TYPE, provider, status: 'PENDING_ACTIVATION' });
    const activation = factor._embedded?.activation as Record<string, unknown>;
    expect(typeof activation.sharedSecret === 'string' && activation.sharedSecret.length > 0, 'sharedSecret is a non-empty string').toBe(true);
    expect(['base32', 'base64']).toContain(activation.encoding);
    expect(Number(activation.timeStep), 'timeStep is a positive number of seconds').toBeGreaterThan(0);
    // The QR link sits in activation._links, or (Okta Verify example) in _embedded._links: both documented.
    const embeddedLinks = factor._embedded?._links as Factor['_links'];
    const qrcode = (activation._links as Factor['_links'])?.qrcode ?? embeddedLinks?.qrcode;
    expect(qrcode, 'a qrcode link').toBeDefined();
    expect((qrcode as { type?: string }).type).toBe('image/png');

    // Read back: the same factor, still pending, and listed.
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
    expect((await listFactors(api, user.id)).map((f) => f.id)).toContain(factor.id);
  });

  check('FACTORS.TOTP.ENROLL.LINKS', `a pending factor offers activate, not verify (${provider})`, async ({ driver, api }) => {
    const { user, factor } = await enrolled(driver, api, provider);
    for (const seen of [factor, await readFactor(api, user.id, factor.id)]) {
      const activate = linkOf(seen, 'activate');
      expect(activate.href).toMatch(/\/lifecycle\/activate$/);
      expect(allowedMethods(activate) ?? ['POST']).toContain('POST');
      expect(linkOf(seen, 'self').href).toMatch(new RegExp(`/factors/${factor.id}$`));
      linkOf(seen, 'user');
      expect(seen._links?.verify, 'no verify link while pending').toBeUndefined();
    }
  });

  check('FACTORS.TOTP.ACTIVATE.GOOD_CODE', `activate with the current passcode makes the factor ACTIVE (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await enrolled(driver, api, provider);
    const res = await api.post<Factor>(linkOf(factor, 'activate').href, { passCode: await currentCode(driver, totp) });
    expectStatus(res, 200);
    expectSchema('okta-factors/factor', res.body);
    expect(res.body).toMatchObject({ id: factor.id, factorType: FACTOR_TYPE, provider, status: 'ACTIVE' });
    expect(linkOf(res.body, 'verify').href).toMatch(/\/verify$/);
    expect(allowedMethods(linkOf(res.body, 'self')) ?? ['DELETE']).toContain('DELETE');

    const stored = await readFactor(api, user.id, factor.id);
    expect(stored.status).toBe('ACTIVE');
    linkOf(stored, 'verify');
  });

  check('FACTORS.TOTP.ACTIVATE.BAD_CODE', `activate with a bad code is refused and the factor stays pending (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await enrolled(driver, api, provider);
    const res = await api.post(linkOf(factor, 'activate').href, { passCode: await wrongCode(driver, totp) });
    expectOktaError(res, 403, 'E0000068');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');

    // The refused attempt spoiled nothing: the right code still activates.
    const retry = await api.post<Factor>(linkOf(factor, 'activate').href, { passCode: await currentCode(driver, totp) });
    expectStatus(retry, 200);
    expect(retry.body.status).toBe('ACTIVE');
  });

  check('FACTORS.TOTP.VERIFY.GOOD_CODE', `verify with the next window's code answers SUCCESS (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await activated(driver, api, provider);
    await driver.clock.advance(STEP_MS);
    const res = await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode: await currentCode(driver, totp) });
    expectStatus(res, 200);
    expectSchema('okta-factors/factor-verify-result', res.body);
    expect((res.body as { factorResult: string }).factorResult).toBe('SUCCESS');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, { needs: ['clock'] });

  check('FACTORS.TOTP.VERIFY.BAD_CODE', `verify with a bad code is refused with E0000068 (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await activated(driver, api, provider);
    const res = await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode: await wrongCode(driver, totp) });
    expectOktaError(res, 403, 'E0000068');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  });

  check('FACTORS.TOTP.VERIFY.REPLAY', `the same code twice in one window is refused the second time (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await activated(driver, api, provider);
    await driver.clock.advance(STEP_MS);
    const code = await currentCode(driver, totp);
    const verify = `${factorPath(user.id, factor.id)}/verify`;
    const first = await api.post(verify, { passCode: code });
    expectStatus(first, 200);
    expect((first.body as { factorResult: string }).factorResult).toBe('SUCCESS');
    const again = await api.post(verify, { passCode: code });
    expectPasscodeRefused(again, ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, { needs: ['clock'] });

  check('FACTORS.TOTP.VERIFY.TIME_WINDOW', `a code from ten minutes ago is refused (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await activated(driver, api, provider);
    const stale = await currentCode(driver, totp, -TEN_MINUTES_MS);
    const res = await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode: stale });
    expectPasscodeRefused(res, ['E0000068', 'E0000083'], ['TIME_WINDOW_EXCEEDED']);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  });

  check('FACTORS.TOTP.VERIFY.TIME_WINDOW', `a code is refused once the clock has moved ten minutes on (${provider})`, async ({ driver, api }) => {
    const { user, factor, totp } = await activated(driver, api, provider);
    await driver.clock.advance(STEP_MS);
    const code = await currentCode(driver, totp);
    await driver.clock.advance(TEN_MINUTES_MS);
    const res = await api.post(`${factorPath(user.id, factor.id)}/verify`, { passCode: code });
    expectPasscodeRefused(res, ['E0000068', 'E0000083'], ['TIME_WINDOW_EXCEEDED']);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, { needs: ['clock'] });

  check(['FACTORS.GET.FACTOR', 'FACTORS.LIST.ENROLLED'], `get and list return the active factor (${provider})`, async ({ driver, api }) => {
    const { user, factor } = await activated(driver, api, provider);
    const got = await readFactor(api, user.id, factor.id);
    expect(got).toMatchObject({ id: factor.id, factorType: FACTOR_TYPE, provider, status: 'ACTIVE' });
    const listed = (await listFactors(api, user.id)).filter((f) => f.id === factor.id);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ factorType: FACTOR_TYPE, provider, status: 'ACTIVE' });
  });

  check('FACTORS.UNENROLL.DELETE', `unenroll answers 204 and the factor is gone (${provider})`, async ({ driver, api }) => {
    const { user, factor } = await activated(driver, api, provider);
    const res = await api.delete(factorPath(user.id, factor.id));
    expectStatus(res, 204);
    expect(res.text, '204 has no body').toBe('');
    await expectFactorGone(api, user.id, factor.id);
    expect((await listFactors(api, user.id)).map((f) => f.id)).not.toContain(factor.id);
  });
});
