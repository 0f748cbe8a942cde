import { describe } from 'vitest';
import type { ApiClient, ApiResponse, DriverWith } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { expectSailPointError, newIdentity, useIdentityNowTarget } from '../tenant.js';

/** One-time codes (spec §5.3 V5, V6): sent to an identity's phone or email, read from the target's outbox. */
useIdentityNowTarget();

interface SendTokenResponse {
  requestId?: string | null;
  status?: string;
  errorMessage?: string | null;
}

const SMS = 'SMS_PERSONAL';

async function send(api: ApiClient, userAlias: string, deliveryType = SMS): Promise<ApiResponse<SendTokenResponse>> {
  return api.post<SendTokenResponse>('/v3/mfa/token/send', { userAlias, deliveryType });
}

function authenticate(api: ApiClient, userAlias: string, token: string, deliveryType = SMS) {
  return api.post<{ status?: string }>('/v3/mfa/token/authenticate', { token, userAlias, deliveryType });
}

/** The code the last send delivered to the identity (from the outbox). */
async function deliveredCode(driver: DriverWith<'outbox'>, alias: string): Promise<string> {
  const messages = await driver.outbox.messages(alias, 'sms');
  const last = messages[messages.length - 1];
  if (!last) throw new Error('no code was delivered');
  return last.passCode;
}

/** A fresh identity (with a phone) and a code sent to it by SMS. */
async function sentCode(driver: DriverWith<'outbox'>) {
  const identity = await newIdentity({}, 'IDN.TOKEN.SEND');
  const alias = identity.alias ?? '';
  const code = await given('a code sent and delivered', async () => {
    const res = await send(identity.api, alias);
    expectStatus(res, 200);
    expectState('send status', res.body.status, 'SUCCESS');
    return deliveredCode(driver, alias);
  }, { by: 'IDN.TOKEN.SEND' });
  return { identity, alias, code };
}

function expectAuthStatus(res: ApiResponse<{ status?: string }>): string | undefined {
  expectStatus(res, 200);
  expectSchema('identitynow-mfa/verification#tokenAuthResponse', res.body);
  return res.body.status;
}

const OUTBOX = { needs: ['outbox' as const] };

describe('send', () => {
  check('IDN.TOKEN.SEND', 'send answers SUCCESS with a requestId and delivers a code', async ({ driver }) => {
    const identity = await newIdentity();
    const alias = identity.alias ?? '';
    const res = await send(identity.api, alias);
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/verification#sendTokenResponse', res.body);
    expectState('send status', res.body.status, 'SUCCESS');
    expectState('send answers a requestId', typeof res.body.requestId === 'string' && res.body.requestId.length > 0, true);
    const messages = await driver.outbox.messages(alias, 'sms');
    expectState('codes delivered by SMS', messages.length, 1);
  }, OUTBOX);

  check('IDN.TOKEN.BAD_BODY', 'a send body without userAlias or with an unknown deliveryType: 400 ErrorResponseDto', async () => {
    const identity = await newIdentity();
    expectSailPointError(await identity.api.post('/v3/mfa/token/send', { deliveryType: SMS }), 400);
    expectSailPointError(await identity.api.post('/v3/mfa/token/send', { userAlias: identity.alias, deliveryType: 'CARRIER_PIGEON' }), 400);
  });
});

describe('authenticate', () => {
  check('IDN.TOKEN.AUTH.RIGHT', 'the delivered code: SUCCESS, once', async ({ driver }) => {
    const { identity, alias, code } = await sentCode(driver);
    expectState('status with the delivered code', expectAuthStatus(await authenticate(identity.api, alias, code)), 'SUCCESS');
    expectState('status with the same code again', expectAuthStatus(await authenticate(identity.api, alias, code)) === 'SUCCESS', false);
  }, OUTBOX);

  check('IDN.TOKEN.AUTH.WRONG', 'a wrong code is never SUCCESS', async ({ driver }) => {
    const { identity, alias, code } = await sentCode(driver);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(code.length, '0');
    expectState('status with a wrong code', expectAuthStatus(await authenticate(identity.api, alias, wrong)) === 'SUCCESS', false);
  }, OUTBOX);
});
