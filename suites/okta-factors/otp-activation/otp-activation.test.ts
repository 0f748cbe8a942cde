import { describe, expect } from 'vitest';
import type { ApiClient, Capability, Driver, DriverWith } from '../../../drivers/contract.js';
import { check, type FactorNeed } from '../../support/check.js';
import { expectClientError, expectOktaError, expectState, expectStatus } from '../../support/expect.js';
import { currentCode, enroll, type Factor, linkOf, readFactor, wrongCode } from '../factors.js';
import { CALL, EMAIL, SMS } from './message-channels.js';
import { expectOneNewMessage, expectRateLimited, type MessageChannel, messagesOf, otherCode, pendingWithCode, resend } from './messages.js';
import { enrollTotp } from '../totp/totp.js';
import { given } from '../../support/given.js';
import { useTarget } from '../../support/target.js';

/**
 * Activation attempts of the OTP factors (sms, call, email, token:software:totp): five per user
 * per five minutes, then 429 E0000047; meanwhile no resend; five minutes on, it works again
 * (spec §3.3, §7).
 */

useTarget();

const ALLOWED_ATTEMPTS = 5;
const WINDOW_MS = 5 * 60_000;

/** A pending OTP factor, whatever carries its code. */
interface PendingOtp {
  factor: Factor;
  userId: string;
  /** A code that activates it now. */
  rightCode(): Promise<string>;
  /** A code that does not. */
  badCode(): Promise<string>;
  /** A code that activates it after a long wait (message codes expire: a resend brings a new one). */
  freshCode(): Promise<string>;
}

interface OtpFactorType {
  name: string;
  needs: Capability[];
  factor: FactorNeed;
  notOn?: MessageChannel['notOn'];
  enroll(driver: DriverWith<'outbox'>, api: ApiClient): Promise<PendingOtp>;
}

function messageType(spec: MessageChannel): OtpFactorType {
  return {
    name: spec.channel,
    needs: ['outbox'],
    factor: { factorType: spec.channel, provider: 'OKTA' },
    ...(spec.notOn ? { notOn: spec.notOn } : {}),
    async enroll(driver, api) {
      const setup = await pendingWithCode(driver, api, spec);
      const { factor, user } = setup;
      return {
        factor,
        userId: user.id,
        rightCode: async () => setup.code,
        badCode: async () => otherCode(setup.code),
        async freshCode() {
          const before = (await messagesOf(driver, user.id, spec.channel, factor.id)).length;
          expectStatus(await resend(api, setup), 200);
          return (await expectOneNewMessage(driver, user.id, spec.channel, factor.id, before, setup.to)).passCode;
        },
      };
    },
  };
}

const TOTP: OtpFactorType = {
  name: 'token:software:totp',
  needs: [],
  factor: { factorType: 'token:software:totp', provider: 'OKTA' },
  async enroll(driver, api) {
    const { user, factor, totp } = await enrollTotp(driver, api, 'OKTA');
    const rightCode = () => currentCode(driver, totp);
    return { factor, userId: user.id, rightCode, badCode: () => wrongCode(driver, totp), freshCode: rightCode };
  },
};

/** Enrolls, spends the five attempts on wrong codes, and returns the factor. */
async function exhausted(driver: DriverWith<'outbox'>, api: ApiClient, type: OtpFactorType): Promise<PendingOtp> {
  const pending = await type.enroll(driver, api);
  const activate = linkOf(pending.factor, 'activate').href;
  for (let attempt = 1; attempt <= ALLOWED_ATTEMPTS; attempt++) {
    expectOktaError(await api.post(activate, { passCode: await pending.badCode() }), 403, 'E0000068');
  }
  return pending;
}

describe.each([messageType(SMS), messageType(CALL), messageType(EMAIL), TOTP])('activation attempts: $name', (type) => {
  check('FACTORS.OTP_ACTIVATION.RATE_LIMIT', `a sixth activation in five minutes is refused with 429, even with the right code (${type.name})`, async ({ driver, api }) => {
    const pending = await exhausted(driver, api, type);
    const res = await api.post(linkOf(pending.factor, 'activate').href, { passCode: await pending.rightCode() }, { noRetry: true });
    await expectRateLimited(driver, res, ['E0000047']);
    expectState('factor status', (await readFactor(api, pending.userId, pending.factor.id)).status, 'PENDING_ACTIVATION');
  }, { needs: type.needs, needsFactor: type.factor, notOn: type.notOn });

  check('FACTORS.OTP_ACTIVATION.RECOVERY', `five minutes after the attempts ran out the factor activates (${type.name})`, async ({ driver, api }) => {
    const pending = await exhausted(driver, api, type);
    await api.post(linkOf(pending.factor, 'activate').href, { passCode: await pending.badCode() }, { noRetry: true });
    await driver.clock.advance(WINDOW_MS + 1000);
    const res = await api.post<Factor>(linkOf(pending.factor, 'activate').href, { passCode: await pending.freshCode() });
    expectStatus(res, 200);
    expect(res.body.status).toBe('ACTIVE');
    expectState('factor status', (await readFactor(api, pending.userId, pending.factor.id)).status, 'ACTIVE');
  }, { needs: [...type.needs, 'clock'], needsFactor: type.factor, notOn: type.notOn });
});

describe.each([SMS, CALL, EMAIL])('activation attempts and resend: $channel', (spec) => {
  check('FACTORS.OTP_ACTIVATION.RESEND_REFUSED', `once the attempts ran out, resend is refused and sends nothing (${spec.channel})`, async ({ driver, api }) => {
    const setup = await pendingWithCode(driver, api, spec);
    const activate = linkOf(setup.factor, 'activate').href;
    for (let attempt = 1; attempt <= ALLOWED_ATTEMPTS; attempt++) {
      expectOktaError(await api.post(activate, { passCode: otherCode(setup.code) }), 403, 'E0000068');
    }
    await api.post(activate, { passCode: otherCode(setup.code) }, { noRetry: true });
    // Past the destination's own throttle, so that only the activation limit can refuse the resend.
    await driver.clock.advance(spec.throttleWaitMs);
    expectClientError(await resend(api, setup));
    expect(await messagesOf(driver, setup.user.id, spec.channel, setup.factor.id), 'nothing more was sent').toHaveLength(1);
    expectState('factor status', (await readFactor(api, setup.user.id, setup.factor.id)).status, 'PENDING_ACTIVATION');
  }, { needs: ['outbox', 'clock'], needsFactor: { factorType: spec.channel, provider: 'OKTA' }, notOn: spec.notOn });
});

check('FACTORS.OTP_ACTIVATION.PER_USER', "the five attempts are the user's across factors (sms and totp), and only theirs", async ({ driver, api, newUser }) => {
  const user = await newUser();
  const sms = await given('a pending sms factor with its enrollment passcode', async () => {
    const { body, to } = SMS.enrollBody(user);
    const factor = await enroll(api, user.id, body);
    expectState('sms factor status', factor.status, 'PENDING_ACTIVATION');
    return { factor, code: (await expectOneNewMessage(driver, user.id, 'sms', factor.id, 0, to)).passCode };
  }, { by: 'FACTORS.SMS.ENROLL.PENDING' });
  const totp = await enrollTotp(driver, api, 'OKTA', user);
  const smsActivate = linkOf(sms.factor, 'activate').href;
  const totpActivate = linkOf(totp.factor, 'activate').href;
  for (let attempt = 1; attempt <= 3; attempt++) expectOktaError(await api.post(smsActivate, { passCode: otherCode(sms.code) }), 403, 'E0000068');
  for (let attempt = 4; attempt <= ALLOWED_ATTEMPTS; attempt++) {
    expectOktaError(await api.post(totpActivate, { passCode: await wrongCode(driver, totp.totp) }), 403, 'E0000068');
  }
  await expectRateLimited(driver, await api.post(totpActivate, { passCode: await currentCode(driver, totp.totp) }, { noRetry: true }), ['E0000047']);
  await expectRateLimited(driver, await api.post(smsActivate, { passCode: sms.code }, { noRetry: true }), ['E0000047']);
  expectState('sms factor status', (await readFactor(api, user.id, sms.factor.id)).status, 'PENDING_ACTIVATION');
  expectState('totp factor status', (await readFactor(api, user.id, totp.factor.id)).status, 'PENDING_ACTIVATION');

  // Another user's attempts are their own.
  const other = await enrollTotp(driver, api, 'OKTA');
  const res = await api.post<Factor>(linkOf(other.factor, 'activate').href, { passCode: await currentCode(driver, other.totp) }, { noRetry: true });
  expectStatus(res, 200);
  expectState("the other user's factor status", (await readFactor(api, other.user.id, other.factor.id)).status, 'ACTIVE');
}, { needs: ['outbox'] });
