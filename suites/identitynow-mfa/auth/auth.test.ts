import { describe, expect } from 'vitest';
import type { ApiResponse } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectHeader, expectNoSecret, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { expectSailPointError, expectUnauthorized, newIdentity, OKTA_CONFIG, tenant, useIdentityNowTarget, type MfaConfig } from '../tenant.js';

/**
 * Authentication and authorization (spec §2, §3.1, §6): client credentials at /oauth/token, bearer
 * JWTs that expire on the tenant's clock, a right per operation (403), the gateway's rate limit (429).
 */
useIdentityNowTarget();

interface TokenAnswer {
  access_token?: string;
  token_type?: string;
  expires_in?: number;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function requestToken(overrides: Parameters<ReturnType<typeof tenant>['tokenRequestBody']>[0] = {}): Promise<ApiResponse<TokenAnswer>> {
  const driver = tenant();
  const res = await driver.api.request<TokenAnswer>('POST', driver.tokenUrl, {
    body: driver.tokenRequestBody(overrides),
    rawBody: true,
    headers: FORM,
    authorization: null,
  });
  if (typeof res.body?.access_token === 'string') driver.registerSecret(res.body.access_token);
  return res;
}

async function issuedToken(): Promise<{ token: string; expiresIn: number }> {
  return given('a bearer token from the token endpoint', async () => {
    const res = await requestToken();
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/oauth-token', res.body);
    return { token: res.body.access_token as string, expiresIn: res.body.expires_in as number };
  }, { by: 'IDN.AUTH.TOKEN.ISSUED' });
}

async function readOktaConfig(): Promise<MfaConfig> {
  return given('the okta-verify configuration read back', async () => {
    const res = await tenant().api.get<MfaConfig>(OKTA_CONFIG);
    expectStatus(res, 200);
    return res.body;
  }, { by: 'IDN.CONFIG.OKTA.ROUND_TRIP' });
}

describe('token endpoint', () => {
  check('IDN.AUTH.TOKEN.ISSUED', 'client credentials get a bearer JWT that the API accepts', async () => {
    const res = await requestToken();
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/oauth-token', res.body);
    const used = await tenant().api.get(OKTA_CONFIG, { authorization: `Bearer ${res.body.access_token ?? ''}` });
    expectStatus(used, 200);
  });

  check('IDN.AUTH.TOKEN.BAD_SECRET', 'a wrong client secret gets no token', async () => {
    const res = await requestToken({ client_secret: 'not-the-secret-0000' });
    expectStatus(res, [400, 401, 403]);
    expectState('access_token in the refusal', res.body?.access_token, undefined);
  });
});

describe('bearer token', () => {
  check('IDN.AUTH.MISSING_TOKEN', 'no Authorization header: 401 {error}, and a write changes nothing', async () => {
    const before = await readOktaConfig();
    const read = await tenant().api.get(OKTA_CONFIG, { authorization: null });
    expectUnauthorized(read);
    const write = await tenant().api.request('PUT', OKTA_CONFIG, { body: { enabled: false, host: 'unauthenticated.example.com' }, authorization: null });
    expectUnauthorized(write);
    expectState('okta-verify host after the refused write', (await readOktaConfig()).host, before.host ?? null);
  });

  check('IDN.AUTH.EXPIRED_TOKEN', 'a JWT past expires_in on the tenant clock: 401 with the documented text', async ({ driver }) => {
    const { token, expiresIn } = await issuedToken();
    await driver.clock.advance((expiresIn + 1) * 1000);
    const res = await tenant().api.get(OKTA_CONFIG, { authorization: `Bearer ${token}` });
    const body = expectUnauthorized(res);
    expectState('401 error text', body.error, 'JWT validation failed: JWT is expired');
  }, { needs: ['clock'] });
});

describe('rights', () => {
  check('IDN.AUTH.FORBIDDEN', 'a token without idn:mfa-configuration:manage may not change the configuration (403), nor read it without a configuration scope', async () => {
    const before = await readOktaConfig();
    const reader = await newIdentity({ scopes: ['idn:mfa-configuration:read'] });
    const write = await reader.api.request('PUT', OKTA_CONFIG, { body: { enabled: false, host: 'forbidden.example.com' } });
    expectSailPointError(write, 403, '403 Forbidden');
    expectStatus(await reader.api.get(OKTA_CONFIG), 200);
    const outsider = await newIdentity({ scopes: ['idn:mfa-kba:read'] });
    expectSailPointError(await outsider.api.get(OKTA_CONFIG), 403, '403 Forbidden');
    expectSailPointError(await outsider.api.post('/v3/mfa/okta-verify/poll', { requestId: '089899f13a8f4da7824996191587bab9' }), 403, '403 Forbidden');
    expectState('okta-verify host after the refused write', (await readOktaConfig()).host, before.host ?? null);
  });

  check('IDN.AUTH.FORBIDDEN', 'KBA answers belong to a user: a client without user context is refused (403)', async () => {
    const client = await newIdentity({ userContext: false, scopes: ['idn:mfa-kba:authenticate'] });
    const res = await client.api.post('/v3/mfa/kba/config/answers', [{ id: '173421', answer: 'a-long-answer' }]);
    expectSailPointError(res, 403, '403 Forbidden');
    expectNoSecret('KBA answer', res.text, 'a-long-answer');
  });
});

describe('rate limit', () => {
  check('IDN.RATE_LIMIT.RETRY_AFTER', 'past the limit: 429 {message} with Retry-After; served again once it has passed', async ({ driver }) => {
    const caller = await newIdentity();
    let limited: ApiResponse | undefined;
    for (let i = 0; i < 400 && !limited; i++) {
      const res = await caller.api.get('/v3/mfa/kba/config', { noRetry: true });
      if (res.status === 429) limited = res;
      else expectStatus(res, 200);
    }
    expect(limited, 'a 429 within 400 calls (the documented limit is 100 per 10 s)').toBeDefined();
    const res = limited as ApiResponse;
    expectSchema('identitynow-mfa/error#rateLimited', res.body);
    const retryAfter = expectHeader(res, 'Retry-After', 'whole seconds', (v) => v !== undefined && /^\d+$/.test(v.trim()));
    await driver.clock.advance(Number(retryAfter) * 1000 + 1000);
    expectStatus(await caller.api.get('/v3/mfa/kba/config', { noRetry: true }), 200);
  }, { needs: ['clock'] });
});
