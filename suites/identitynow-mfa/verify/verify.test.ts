import { describe } from 'vitest';
import type { ApiResponse, DriverWith, TestUser } from '../../../drivers/contract.js';
import { check, checksNeedExclusiveOrg } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { userWithPhone } from '../../duo-auth/support/duo.js';
import { configureDuo, configureOkta, duoAccount, duoConfigFor, expectClientError, expectSailPointError, oktaConfigFor, tenant, useIdentityNowTarget } from '../tenant.js';

/**
 * MFA Controller (spec §5): Okta Verify through the Okta org the tenant's configuration points at
 * (the push answered on the device by the driver's push responder), poll, Duo Web unconfigured.
 */
useIdentityNowTarget();
// Each check writes the tenant's MFA configuration, one per tenant, which the others read.
checksNeedExclusiveOrg('it writes the tenant-wide MFA configuration');

interface VerificationResponse {
  requestId?: string | null;
  status?: string;
  error?: string | null;
}

interface PushFactor {
  id: string;
  status: string;
  _links?: { poll?: { href: string } };
}

/** Polls at most this often before calling a verification stuck. */
const MAX_POLLS = 5;
/** Past any push challenge's lifetime (Okta's are minutes). */
const PAST_PUSH_LIFETIME_MS = 60 * 60_000;

/** An Okta user of the org with an ACTIVE Okta Verify factor, the device having approved its activation. */
async function oktaVerifyUser(driver: DriverWith<'push'>): Promise<{ user: TestUser; factorId: string }> {
  return given('an Okta user with an active Okta Verify factor', async () => {
    const okta = tenant().okta;
    const user = await driver.fixtures.createUser();
    const enrolled = await okta.api.post<PushFactor>(`/api/v1/users/${user.id}/factors`, { factorType: 'push', provider: 'OKTA' });
    expectStatus(enrolled, 200);
    await driver.push.respond(user.id, enrolled.body.id, 'approve');
    const poll = enrolled.body._links?.poll?.href;
    if (poll) expectStatus(await okta.api.post(poll), 200);
    const factor = await okta.api.get<PushFactor>(`/api/v1/users/${user.id}/factors/${enrolled.body.id}`);
    expectState('Okta Verify factor status', factor.body.status, 'ACTIVE');
    return { user, factorId: enrolled.body.id };
  });
}

/** V1 for the user: 200 VerificationResponse with a requestId, not a failure. */
async function startVerify(userId: string): Promise<VerificationResponse & { requestId: string }> {
  const api = tenant().api;
  await configureOkta(api, oktaConfigFor(tenant()));
  const res = await api.post<VerificationResponse>('/v3/mfa/okta-verify/verify', { userId });
  expectStatus(res, 200);
  expectSchema('identitynow-mfa/verification', res.body);
  expectState('verify status', res.body.status, ['PENDING', 'SUCCESS']);
  expectState('verify answers a requestId', typeof res.body.requestId === 'string' && res.body.requestId.length > 0, true);
  return res.body as VerificationResponse & { requestId: string };
}

/** Polls until the status is no longer PENDING (or MAX_POLLS), answering the last status. */
async function pollUntilSettled(requestId: string, method: 'okta-verify' | 'duo-web' = 'okta-verify'): Promise<string | undefined> {
  let status: string | undefined = 'PENDING';
  for (let i = 0; i < MAX_POLLS && status === 'PENDING'; i++) {
    const res: ApiResponse<VerificationResponse> = await tenant().api.post(`/v3/mfa/${method}/poll`, { requestId });
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/verification', res.body);
    status = res.body.status;
  }
  return status;
}

const PUSH = { needs: ['push' as const] };

describe('Okta Verify', () => {
  check('IDN.VERIFY.OKTA.SUCCESS', 'verify sends a push through the Okta org; approved on the device, poll reports SUCCESS', async ({ driver }) => {
    const { user, factorId } = await oktaVerifyUser(driver);
    const started = await startVerify(user.login);
    if (started.status === 'PENDING') {
      expectState('poll before the device answered', await pollOnce(started.requestId), 'PENDING');
      await driver.push.respond(user.id, factorId, 'approve');
    }
    expectState('poll after the device approved', await pollUntilSettled(started.requestId), 'SUCCESS');
  }, PUSH);

  check('IDN.VERIFY.OKTA.REJECTED', 'rejected on the device: poll reports FAILED, never SUCCESS', async ({ driver }) => {
    const { user, factorId } = await oktaVerifyUser(driver);
    const started = await startVerify(user.login);
    await driver.push.respond(user.id, factorId, 'reject');
    expectState('poll after the device rejected', await pollUntilSettled(started.requestId), 'FAILED');
  }, PUSH);

  check('IDN.VERIFY.OKTA.TIMEOUT', 'ignored until it expires: poll reports neither SUCCESS nor PENDING', async ({ driver }) => {
    const { user, factorId } = await oktaVerifyUser(driver);
    const started = await startVerify(user.login);
    await driver.push.respond(user.id, factorId, 'ignore');
    await driver.clock.advance(PAST_PUSH_LIFETIME_MS);
    const status = await pollUntilSettled(started.requestId);
    expectState('poll after the push expired', status, ['FAILED', 'LOCKOUT', 'NOT_ENOUGH_DATA']);
  }, { needs: ['push', 'clock'] });

  check('IDN.VERIFY.BAD_BODY', 'a verify body without userId: 400 ErrorResponseDto', async ({ api }) => {
    await configureOkta(api, oktaConfigFor(tenant()));
    expectSailPointError(await api.post('/v3/mfa/okta-verify/verify', {}), 400, '400.1 Bad Request Content');
    expectSailPointError(await api.post('/v3/mfa/okta-verify/verify', { userId: 17 }), 400, '400.1 Bad Request Content');
  });
});

/** One poll: the status while the device has not answered. */
async function pollOnce(requestId: string, method: 'okta-verify' | 'duo-web' = 'okta-verify'): Promise<string | undefined> {
  const res = await tenant().api.post<VerificationResponse>(`/v3/mfa/${method}/poll`, { requestId });
  expectStatus(res, 200);
  expectSchema('identitynow-mfa/verification', res.body);
  return res.body.status;
}

describe('poll', () => {
  check('IDN.VERIFY.POLL.UNKNOWN', 'a requestId the tenant never issued: a 4xx ErrorResponseDto', async ({ api }) => {
    for (const method of ['okta-verify', 'token']) {
      expectClientError(await api.post(`/v3/mfa/${method}/poll`, { requestId: '089899f13a8f4da7824996191587bab9' }));
    }
  });
});

describe('Duo Web', () => {
  check('IDN.VERIFY.DUO.NOT_CONFIGURED', 'without a configured Duo method, verify never reports SUCCESS', async ({ api }) => {
    await api.delete('/v3/mfa/duo-web/delete');
    const signedResponse = 'AUTH|d2lsbC5hbGJpbnxESTZNMFpHSThKQVRWTVpZN0M5VXwxNzAxMjUzMDg5|f1f4e2d3c4b5a69788796a5b4c3d2e1f00112233:APP|d2lsbC5hbGJpbnxESTZNMFpHSThKQVRWTVpZN0M5VXwxNzAxMjU2NjE5|a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';
    const res = await api.post<VerificationResponse>('/v3/mfa/duo-web/verify', { userId: '2c9180947f0ef465017f215cbcfd004b', signedResponse });
    if (res.status === 200) {
      expectSchema('identitynow-mfa/verification', res.body);
      expectState('Duo verify status without a Duo configuration', res.body.status === 'SUCCESS', false);
    } else expectClientError(res);
  });
});

/** A Duo Web prompt's signed response, as the published example has it (the tenant asks Duo itself here). */
const DUO_SIGNED_RESPONSE =
  'AUTH|d2lsbC5hbGJpbnxESTZNMFpHSThKQVRWTVpZN0M5VXwxNzAxMjUzMDg5|f1f4e2d3c4b5a69788796a5b4c3d2e1f00112233:APP|d2lsbC5hbGJpbnxESTZNMFpHSThKQVRWTVpZN0M5VXwxNzAxMjU2NjE5|a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';

/**
 * The tenant configured for the Duo account and a Duo user with Duo Mobile activated; verify starts the push.
 * The push's txid is the tenant's business: the check finds it on the user's device (the virtual Duo Mobile).
 */
async function startDuoVerify(by: 'IDN.VERIFY.DUO.SUCCESS' | 'IDN.VERIFY.DUO.DENIED' | 'IDN.VERIFY.DUO.TIMEOUT') {
  const duo = duoAccount();
  // The org's clock may have moved through the Okta side: the Duo driver signs its dates in the target's time.
  await duo.syncTime();
  const { user } = await userWithPhone(duo.duoApi, duo.fixtures, { activate: duo.duoMobile.activate, by });
  const api = tenant().api;
  await configureDuo(api, duoConfigFor(duo), by);
  const res = await api.post<VerificationResponse>('/v3/mfa/duo-web/verify', { userId: user.username, signedResponse: DUO_SIGNED_RESPONSE });
  expectStatus(res, 200);
  expectSchema('identitynow-mfa/verification', res.body);
  expectState('Duo verify status', res.body.status, 'PENDING');
  expectState('Duo verify answers a requestId', typeof res.body.requestId === 'string' && res.body.requestId.length > 0, true);
  const pushes = await given('the push on the user\'s Duo Mobile', async () => {
    const pending = await duo.duoMobile.pending(user.username);
    expectState('pushes waiting on the device', pending.length, 1);
    return pending;
  }, { by });
  return { duo, requestId: res.body.requestId as string, txid: pushes[0] as string };
}

describe('Duo Web', () => {
  check('IDN.VERIFY.DUO.SUCCESS', 'verify sends a push through the Duo account; approved on Duo Mobile, poll reports SUCCESS', async () => {
    const { duo, requestId, txid } = await startDuoVerify('IDN.VERIFY.DUO.SUCCESS');
    expectState('poll before the device answered', await pollOnce(requestId, 'duo-web'), 'PENDING');
    await duo.duoMobile.respond(txid, 'approve');
    expectState('poll after the device approved', await pollUntilSettled(requestId, 'duo-web'), 'SUCCESS');
  });

  check('IDN.VERIFY.DUO.DENIED', 'denied on Duo Mobile: poll reports FAILED, never SUCCESS', async () => {
    const { duo, requestId, txid } = await startDuoVerify('IDN.VERIFY.DUO.DENIED');
    await duo.duoMobile.respond(txid, 'deny');
    expectState('poll after the device denied', await pollUntilSettled(requestId, 'duo-web'), 'FAILED');
  });

  check('IDN.VERIFY.DUO.TIMEOUT', 'ignored until it times out: poll reports neither SUCCESS nor PENDING', async ({ driver }) => {
    const { duo, requestId, txid } = await startDuoVerify('IDN.VERIFY.DUO.TIMEOUT');
    await duo.duoMobile.respond(txid, 'ignore');
    await driver.clock.advance(PAST_PUSH_LIFETIME_MS);
    expectState('poll after the push timed out', await pollUntilSettled(requestId, 'duo-web'), ['FAILED', 'LOCKOUT', 'NOT_ENOUGH_DATA']);
  }, { needs: ['clock'] });
});
