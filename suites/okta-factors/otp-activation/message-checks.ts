import { expect } from 'vitest';
import { check } from '../../support/check.js';
import { expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { allowedMethods, type Factor, expectPasscodeRefused, linkOf, listFactors, readFactor } from '../factors.js';
import {
  activeFactor,
  challenge,
  challengeCode,
  enrollFresh,
  expectOneNewMessage,
  expectRateLimited,
  type MessageChannel,
  messagesOf,
  otherCode,
  pendingWithCode,
  resend,
} from './messages.js';

/**
 * The checks every message factor (sms, call, email) shares, declared once for a channel:
 * enroll, links, auto-activation, activate, resend, challenge, verify, replay and the per-destination
 * throttle (spec §2.2–§2.4, §3, §7). A suite file calls this and adds its channel's own checks.
 */
const THIRTY_MINUTES_MS = 30 * 60_000;

/** "an sms", "a call", "an email" (for check names). */
const an = (channel: MessageChannel['channel']) => `${channel === 'call' ? 'a' : 'an'} ${channel}`;

export function messageFactorChecks(spec: MessageChannel): void {
  const { channel } = spec;
  const id = <const Rest extends string>(rest: Rest) => `FACTORS.${spec.key}.${rest}` as const;

  check(id('ENROLL.PENDING'), `enroll returns a pending ${channel} factor and sends the passcode`, async ({ driver, api }) => {
    const { user, factor, body, to } = await enrollFresh(driver, api, spec);
    expect(factor).toMatchObject({ factorType: channel, provider: 'OKTA', status: 'PENDING_ACTIVATION' });
    spec.expectProfile(factor.profile, body.profile as Record<string, unknown>);
    await expectOneNewMessage(driver, user.id, channel, factor.id, 0, to);

    const stored = await readFactor(api, user.id, factor.id);
    expect(stored.status).toBe('PENDING_ACTIVATION');
    spec.expectProfile(stored.profile, body.profile as Record<string, unknown>);
    const listed = (await listFactors(api, user.id)).filter((f) => f.factorType === channel);
    expect(listed.map((f) => f.id)).toEqual([factor.id]);
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('ENROLL.LINKS'), `a pending ${channel} factor offers activate and resend, not verify`, async ({ driver, api }) => {
    const { user, factor } = await enrollFresh(driver, api, spec);
    for (const seen of [factor, await readFactor(api, user.id, factor.id)]) {
      const activate = linkOf(seen, 'activate');
      expect(activate.href).toMatch(/\/lifecycle\/activate$/);
      expect(allowedMethods(activate) ?? ['POST']).toContain('POST');
      expect(Array.isArray(seen._links?.resend), '`resend` is an array of named links').toBe(true);
      const resendLink = linkOf(seen, 'resend', channel);
      expect(resendLink.name).toBe(channel);
      expect(resendLink.href).toMatch(new RegExp(`/factors/${factor.id}/resend$`));
      expect(allowedMethods(resendLink) ?? ['POST']).toContain('POST');
      const self = linkOf(seen, 'self');
      expect(self.href).toMatch(new RegExp(`/factors/${factor.id}$`));
      expect(allowedMethods(self) ?? [], 'a pending factor is not offered for DELETE').not.toContain('DELETE');
      linkOf(seen, 'user');
      expect(seen._links?.verify, 'no verify link while pending').toBeUndefined();
    }
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' } });

  check(id('ENROLL.AUTO_ACTIVATE'), `?activate=true enrolls the ${channel} factor ACTIVE and sends nothing`, async ({ driver, api }) => {
    const { user, factor, body } = await enrollFresh(driver, api, spec, { activate: true });
    expect(factor).toMatchObject({ factorType: channel, status: 'ACTIVE' });
    spec.expectProfile(factor.profile, body.profile as Record<string, unknown>);
    linkOf(factor, 'verify');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
    expect(await driver.outbox.messages(user.id, channel), 'no activation message').toEqual([]);
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('ACTIVATE.GOOD_CODE'), `activate with the ${channel} passcode makes the factor ACTIVE`, async ({ driver, api }) => {
    const { user, factor, code } = await pendingWithCode(driver, api, spec);
    const res = await api.post<Factor>(linkOf(factor, 'activate').href, { passCode: code });
    expectStatus(res, 200);
    expectSchema('okta-factors/factor', res.body);
    expect(res.body).toMatchObject({ id: factor.id, factorType: channel, status: 'ACTIVE' });
    expect(linkOf(res.body, 'verify').href).toMatch(/\/verify$/);
    expect(allowedMethods(linkOf(res.body, 'self')) ?? ['DELETE']).toContain('DELETE');
    expect(res.body._links?.resend, 'no resend link once active').toBeUndefined();
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('ACTIVATE.BAD_CODE'), `activate with a wrong code is refused and the ${channel} factor stays pending`, async ({ driver, api }) => {
    const { user, factor, code } = await pendingWithCode(driver, api, spec);
    expectOktaError(await api.post(linkOf(factor, 'activate').href, { passCode: otherCode(code) }), 403, 'E0000068');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
    // The refused attempt spoiled nothing: the right code still activates.
    const retry = await api.post<Factor>(linkOf(factor, 'activate').href, { passCode: code });
    expectStatus(retry, 200);
    expect(retry.body.status).toBe('ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('RESEND'), `resend sends a new ${channel} passcode, which activates the factor`, async ({ driver, api }) => {
    const setup = await pendingWithCode(driver, api, spec);
    await driver.clock.advance(spec.throttleWaitMs);
    const res = await resend(api, setup);
    expectStatus(res, 200);
    expectSchema('okta-factors/factor', res.body);
    expect(res.body).toMatchObject({ id: setup.factor.id, factorType: channel, status: 'PENDING_ACTIVATION' });
    const message = await expectOneNewMessage(driver, setup.user.id, channel, setup.factor.id, 1, setup.to);
    const activated = await api.post<Factor>(linkOf(setup.factor, 'activate').href, { passCode: message.passCode });
    expectStatus(activated, 200);
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox', 'clock'] });

  check(id('CHALLENGE'), `verify without a passCode challenges and sends a new ${channel} passcode`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    const res = await challenge(api, setup.factor);
    expectStatus(res, 200);
    expectSchema('okta-factors/factor-verify-result', res.body);
    expect(res.body.factorResult).toBe('CHALLENGE');
    const result = res.body as { _links?: Factor['_links']; profile?: Record<string, unknown> };
    expect(linkOf(result, 'verify').href).toMatch(new RegExp(`/factors/${setup.factor.id}/verify$`));
    expect(linkOf(result, 'factor').href).toMatch(new RegExp(`/factors/${setup.factor.id}$`));
    spec.expectChallengeProfile(result.profile, setup.body.profile as Record<string, unknown>);
    await expectOneNewMessage(driver, setup.user.id, channel, setup.factor.id, 0, setup.to);
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('VERIFY.GOOD_CODE'), `verify with the challenge's ${channel} passcode answers SUCCESS`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    const code = await challengeCode(driver, api, spec, setup);
    const res = await api.post(linkOf(setup.factor, 'verify').href, { passCode: code });
    expectStatus(res, 200);
    expectSchema('okta-factors/factor-verify-result', res.body);
    expect((res.body as { factorResult: string }).factorResult).toBe('SUCCESS');
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('VERIFY.BAD_CODE'), `verify with a wrong ${channel} passcode is refused with E0000068`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    const code = await challengeCode(driver, api, spec, setup);
    expectOktaError(await api.post(linkOf(setup.factor, 'verify').href, { passCode: otherCode(code) }), 403, 'E0000068');
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
    const retry = await api.post(linkOf(setup.factor, 'verify').href, { passCode: code });
    expectStatus(retry, 200);
    expect((retry.body as { factorResult: string }).factorResult).toBe('SUCCESS');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('VERIFY.REPLAY'), `${an(channel)} passcode that verified is refused the second time`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    const code = await challengeCode(driver, api, spec, setup);
    const verify = linkOf(setup.factor, 'verify').href;
    const first = await api.post(verify, { passCode: code });
    expectStatus(first, 200);
    expect((first.body as { factorResult: string }).factorResult).toBe('SUCCESS');
    expectPasscodeRefused(await api.post(verify, { passCode: code }), ['E0000068', 'E0000082'], ['PASSCODE_REPLAYED']);
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('RATE_LIMIT'), `${an(channel)} resend right after enrollment is refused with 429`, async ({ driver, api }) => {
    const setup = await pendingWithCode(driver, api, spec);
    await expectRateLimited(driver, await resend(api, setup), spec.throttleCodes);
    expect(await messagesOf(driver, setup.user.id, channel, setup.factor.id), 'nothing more was sent').toHaveLength(1);
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'PENDING_ACTIVATION');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('RATE_LIMIT'), `a second ${channel} challenge right after the first is refused with 429`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    await challengeCode(driver, api, spec, setup);
    await expectRateLimited(driver, await challenge(api, setup.factor), spec.throttleCodes);
    expect(await messagesOf(driver, setup.user.id, channel, setup.factor.id), 'nothing more was sent').toHaveLength(1);
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox'] });

  check(id('RATE_LIMIT.RECOVERY'), `once the ${channel} throttle window has passed, a challenge goes out again`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    await challengeCode(driver, api, spec, setup);
    await challenge(api, setup.factor); // inside the window: refused (RATE_LIMIT's business)
    await driver.clock.advance(spec.throttleWaitMs);
    const code = await challengeCode(driver, api, spec, setup);
    const res = await api.post(linkOf(setup.factor, 'verify').href, { passCode: code });
    expectStatus(res, 200);
    expect((res.body as { factorResult: string }).factorResult).toBe('SUCCESS');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox', 'clock'] });
}

/** A phone passcode's lifetime is undocumented (spec §11): a check may only say that a 30-minute-old one is refused. */
export function staleCodeCheck(spec: MessageChannel<'SMS' | 'CALL'>): void {
  check(`FACTORS.${spec.key}.OTP.EXPIRY` as const, `${an(spec.channel)} passcode 30 minutes old is refused`, async ({ driver, api }) => {
    const setup = await activeFactor(driver, api, spec);
    const code = await challengeCode(driver, api, spec, setup);
    await driver.clock.advance(THIRTY_MINUTES_MS);
    const res = await api.post(linkOf(setup.factor, 'verify').href, { passCode: code });
    expectPasscodeRefused(res, ['E0000068', 'E0000082', 'E0000083'], ['EXPIRED', 'TIMEOUT', 'TIME_WINDOW_EXCEEDED', 'FAILED']);
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'ACTIVE');
  }, { notOn: spec.notOn, needsFactor: { factorType: spec.channel, provider: 'OKTA' }, needs: ['outbox', 'clock'] });
}
