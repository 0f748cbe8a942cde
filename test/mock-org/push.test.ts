import { describe, expect, test } from 'vitest';
import { expectOktaError, useMockOrg } from './helpers.js';
import { ACTIVATION_LIFETIME_MS, CHALLENGE_LIFETIME_MS } from '../../mock-org/okta-factors/push/push-protocol.js';

/**
 * The mock org's push endpoints (activation poll, send links, transactions, the push responder):
 * bad input gets the API's own error and changes nothing; the choices made where the docs are
 * silent behave as documented in mock-org/okta-factors/push/push-protocol.ts.
 */

const { mock, call, newUser } = useMockOrg({ userPrefix: 'push' });

type Json = Record<string, unknown>;

const factorsOf = (userId: string) => `/api/v1/users/${userId}/factors`;

async function enrollPush(userId: string): Promise<{ path: string; body: Json }> {
  const res = await call('POST', factorsOf(userId), '{"factorType":"push","provider":"OKTA"}');
  expect(res.status).toBe(200);
  return { path: `${factorsOf(userId)}/${res.json?.id as string}`, body: res.json as Json };
}

async function respond(userId: string, factorId: string, action: string) {
  return call('POST', `/__control/v1/push/${userId}/${factorId}`, JSON.stringify({ action }));
}

async function activePush(userId: string): Promise<string> {
  const { path } = await enrollPush(userId);
  const factorId = path.split('/').at(-1) as string;
  expect((await respond(userId, factorId, 'approve')).status).toBe(200);
  expect((await call('POST', `${path}/lifecycle/activate/poll`)).json?.status).toBe('ACTIVE');
  return path;
}

const stored = (path: string) => structuredClone(mock.org.store.factors.get(path.split('/').at(-1) as string));
const transactionsOf = (path: string) => (stored(path)?.secret as { transactions: unknown[] }).transactions;

describe('push: bad input changes nothing', () => {
  test.each([
    ['a string', '{"useNumberMatchingChallenge": "yes"}', 'E0000001'],
    ['a number', '{"useNumberMatchingChallenge": 1}', 'E0000001'],
    ['an object', '{"useNumberMatchingChallenge": {}}', 'E0000001'],
    ['an array body', '[true]', 'E0000003'],
    ['malformed JSON', '{"useNumberMatchingChallenge": ', 'E0000003'],
  ])('verify with %s → 400 %s, no transaction', async (_what, body, code) => {
    const path = await activePush((await newUser()).id);
    expectOktaError(await call('POST', `${path}/verify`, body), 400, code);
    expect(transactionsOf(path)).toEqual([]);
  });

  test('the activation poll refuses a body that is not an object and keeps the factor as it was', async () => {
    const { path } = await enrollPush((await newUser()).id);
    const before = stored(path);
    for (const body of ['[]', '"x"', '{bad']) {
      expectOktaError(await call('POST', `${path}/lifecycle/activate/poll`, body), 400, 'E0000003');
    }
    expectOktaError(await call('POST', `${path}/lifecycle/activate`, '{"useNumberMatchingChallenge": "yes"}'), 400, 'E0000001');
    expect(stored(path)).toEqual(before);
  });

  test.each([
    ['no profile', '{}'],
    ['a profile that is not an object', '{"profile": "x"}'],
    ['a phone number of the wrong type', '{"profile": {"phoneNumber": {"a": 1}}}'],
    ['an overlong phone number', JSON.stringify({ profile: { phoneNumber: '+1' + '2'.repeat(40) } })],
    ['letters', '{"profile": {"phoneNumber": "not a phone"}}'],
    ['a leading zero', '{"profile": {"phoneNumber": "+0123456789"}}'],
    ['too few digits', '{"profile": {"phoneNumber": "+12345"}}'],
  ])('the sms send link with %s → 400 E0000001, nothing sent', async (_what, body) => {
    const userId = (await newUser()).id;
    const { path } = await enrollPush(userId);
    const before = stored(path);
    expectOktaError(await call('POST', `${path}/lifecycle/activate/sms`, body), 400, 'E0000001');
    expect(mock.org.outbox.list({ userId })).toEqual([]);
    expect(stored(path)).toEqual(before);
  });

  test('send links on an active factor are refused', async () => {
    const userId = (await newUser()).id;
    const path = await activePush(userId);
    expectOktaError(await call('POST', `${path}/lifecycle/activate/email`), 400, 'E0000001');
    expectOktaError(await call('POST', `${path}/lifecycle/activate/sms`, '{"profile":{"phoneNumber":"+12065550123"}}'), 400, 'E0000001');
    expect(mock.org.outbox.list({ userId })).toEqual([]);
  });

  test('unknown users, factors, transactions and non-push factors are 404 E0000007', async () => {
    const userId = (await newUser()).id;
    const path = await activePush(userId);
    const totp = await call('POST', factorsOf(userId), '{"factorType":"token:software:totp","provider":"GOOGLE"}');
    const totpPath = `${factorsOf(userId)}/${totp.json?.id as string}`;
    expectOktaError(await call('GET', `/api/v1/users/00unonesuch/factors/${path.split('/').at(-1) as string}/transactions/mst1`), 404, 'E0000007');
    expectOktaError(await call('GET', `${factorsOf(userId)}/opfnonesuch/transactions/mst1`), 404, 'E0000007');
    expectOktaError(await call('GET', `${path}/transactions/mstnonesuch`), 404, 'E0000007');
    expectOktaError(await call('DELETE', `${path}/transactions/mstnonesuch`), 404, 'E0000007');
    expectOktaError(await call('GET', `${totpPath}/transactions/mst1`), 404, 'E0000007');
    expectOktaError(await call('POST', `${totpPath}/lifecycle/activate/poll`), 404, 'E0000007');
    expectOktaError(await call('POST', `${totpPath}/lifecycle/activate/email`), 404, 'E0000007');
    expectOktaError(await respond(userId, totp.json?.id as string, 'approve'), 404, 'E0000007');
  });

  test('wrong methods are 405 E0000022', async () => {
    const path = await activePush((await newUser()).id);
    expectOktaError(await call('PUT', `${path}/transactions/mst1`), 405, 'E0000022');
    expectOktaError(await call('GET', `${path}/lifecycle/activate/poll`), 405, 'E0000022');
  });

  test('the push responder refuses an unknown action', async () => {
    const userId = (await newUser()).id;
    const { path } = await enrollPush(userId);
    expectOktaError(await respond(userId, path.split('/').at(-1) as string, 'maybe'), 400, 'E0000001');
    expect(stored(path)?.status).toBe('PENDING_ACTIVATION');
  });

  test('a deprovisioned user cannot poll, send or cancel', async () => {
    const userId = (await newUser()).id;
    const { path } = await enrollPush(userId);
    expect((await call('POST', `/api/v1/users/${userId}/lifecycle/deactivate`)).status).toBe(200);
    expectOktaError(await call('POST', `${path}/lifecycle/activate/poll`), 403, 'E0000038');
    expectOktaError(await call('POST', `${path}/lifecycle/activate/email`), 403, 'E0000038');
  });
});

describe('push: where the docs are silent', () => {
  test('the activation lasts ACTIVATION_LIFETIME_MS and a challenge CHALLENGE_LIFETIME_MS on the virtual clock', async () => {
    const userId = (await newUser()).id;
    const { body } = await enrollPush(userId);
    const activation = (body._embedded as { activation: { expiresAt: string } }).activation;
    expect(Date.parse(activation.expiresAt) - mock.org.clock.now()).toBeLessThanOrEqual(ACTIVATION_LIFETIME_MS);
    expect(Date.parse(activation.expiresAt) - mock.org.clock.now()).toBeGreaterThan(ACTIVATION_LIFETIME_MS - 5_000);
    expect(body.profile, 'a pending push factor has no profile').toBeUndefined();

    const path = await activePush((await newUser()).id);
    const challenge = await call('POST', `${path}/verify`);
    expect(challenge.status).toBe(201);
    expect(Date.parse(challenge.json?.expiresAt as string) - mock.org.clock.now()).toBeGreaterThan(CHALLENGE_LIFETIME_MS - 5_000);
  });

  test('a device declining the activation makes it CANCELLED; activate restarts it with a new token', async () => {
    const userId = (await newUser()).id;
    const { path, body } = await enrollPush(userId);
    const factorId = body.id as string;
    const firstQr = JSON.stringify(((body._embedded as Json).activation as Json)._links);
    await respond(userId, factorId, 'reject');
    const polled = await call('POST', `${path}/lifecycle/activate/poll`);
    expect(polled.json).toMatchObject({ factorResult: 'CANCELLED', _links: { activate: expect.any(Object) } });
    const restarted = await call('POST', `${path}/lifecycle/activate`);
    expect(restarted.json).toMatchObject({ factorResult: 'WAITING' });
    expect(JSON.stringify((restarted.json?._links as Json).qrcode)).not.toEqual(firstQr);
    await respond(userId, factorId, 'approve');
    expect((await call('POST', `${path}/lifecycle/activate`)).json?.status).toBe('ACTIVE');
    // Polling an active factor answers the factor; activating it again is refused.
    expect((await call('POST', `${path}/lifecycle/activate/poll`)).json?.status).toBe('ACTIVE');
    expectOktaError(await call('POST', `${path}/lifecycle/activate`), 400, 'E0000001');
  });

  test('a send link after the activation timed out sends nothing and answers TIMEOUT', async () => {
    const userId = (await newUser()).id;
    const { path } = await enrollPush(userId);
    mock.org.clock.advance(ACTIVATION_LIFETIME_MS + 1_000);
    const res = await call('POST', `${path}/lifecycle/activate/email`);
    expect(res.json).toMatchObject({ factorResult: 'TIMEOUT' });
    expect(mock.org.outbox.list({ userId })).toEqual([]);
  });

  test('the activation email carries the activation token; the SMS goes to the number given', async () => {
    const userId = (await newUser()).id;
    const { path } = await enrollPush(userId);
    await call('POST', `${path}/lifecycle/activate/email`);
    await call('POST', `${path}/lifecycle/activate/sms`, '{"profile":{"phoneNumber":"+1-206-555-0123"}}');
    const sent = mock.org.outbox.list({ userId });
    expect(sent.map((m) => m.channel)).toEqual(['email', 'sms']);
    expect(sent[1]?.to).toBe('+1-206-555-0123');
    expect(sent[0]?.passCode).toMatch(/^[0-9A-Za-z]{40}$/);
  });

  test('cancel is 204; the challenge then polls CANCELLED; cancelling a finished challenge changes nothing', async () => {
    const userId = (await newUser()).id;
    const path = await activePush(userId);
    const factorId = path.split('/').at(-1) as string;
    const first = await call('POST', `${path}/verify`);
    const firstPoll = ((first.json?._links as Json).poll as { href: string }).href;
    expect((await call('DELETE', firstPoll)).status).toBe(204);
    expect((await call('GET', firstPoll)).json).toMatchObject({ factorResult: 'CANCELLED' });

    const second = await call('POST', `${path}/verify`);
    const secondPoll = ((second.json?._links as Json).poll as { href: string }).href;
    await respond(userId, factorId, 'approve');
    expect((await call('DELETE', secondPoll)).status).toBe(204);
    expect((await call('GET', secondPoll)).json).toEqual({ factorResult: 'SUCCESS' });
  });

  test('the responder answers the newest waiting challenge; with none waiting it changes nothing', async () => {
    const userId = (await newUser()).id;
    const path = await activePush(userId);
    const factorId = path.split('/').at(-1) as string;
    const pollOf = (res: { json?: Json }) => ((res.json?._links as Json).poll as { href: string }).href;
    const older = pollOf(await call('POST', `${path}/verify`));
    const newer = pollOf(await call('POST', `${path}/verify`));
    await respond(userId, factorId, 'reject');
    expect((await call('GET', newer)).json?.factorResult).toBe('REJECTED');
    expect((await call('GET', older)).json?.factorResult).toBe('WAITING');
    mock.org.clock.advance(CHALLENGE_LIFETIME_MS + 1_000);
    expect((await respond(userId, factorId, 'approve')).status).toBe(200);
    expect((await call('GET', older)).json?.factorResult).toBe('TIMEOUT');
  });

  test('only the newest 20 transactions are kept', async () => {
    const path = await activePush((await newUser()).id);
    const polls: string[] = [];
    for (let i = 0; i < 21; i++) polls.push((((await call('POST', `${path}/verify`)).json?._links as Json).poll as { href: string }).href);
    expectOktaError(await call('GET', polls[0] as string), 404, 'E0000007');
    expect((await call('GET', polls[20] as string)).json?.factorResult).toBe('WAITING');
    expect(transactionsOf(path)).toHaveLength(20);
  });

  test('unenrolling push takes Okta Verify TOTP and FastPass (signed_nonce) along, and nothing else', async () => {
    const userId = (await newUser()).id;
    const path = await activePush(userId);
    const okta = await call('POST', factorsOf(userId), '{"factorType":"token:software:totp","provider":"OKTA"}');
    const google = await call('POST', factorsOf(userId), '{"factorType":"token:software:totp","provider":"GOOGLE"}');
    // signed_nonce cannot be enrolled through the API [S]: put one in the store as an OIE org would have it.
    const now = mock.org.clock.iso();
    mock.org.store.factors.set('sfdFastPass000000000', {
      id: 'sfdFastPass000000000', userId, factorType: 'signed_nonce', provider: 'OKTA', vendorName: 'OKTA',
      status: 'ACTIVE', created: now, lastUpdated: now, profile: {}, secret: {},
    });
    expect((await call('DELETE', path)).status).toBe(204);
    const left = mock.org.store.factorsOf(userId).map((f) => f.id);
    expect(left).toEqual([google.json?.id]);
    expect(left).not.toContain(okta.json?.id);
  });
});

describe('push: variant.factors-policy-info-null', () => {
  /** Primary authentication, then a push verify: the MFA_CHALLENGE transaction's embedded policy. */
  async function challengePolicy(): Promise<Json | undefined> {
    const user = await newUser();
    const path = await activePush(user.id);
    const authn = await call('POST', '/api/v1/authn', JSON.stringify({ username: user.login, password: user.password }));
    expect(authn.json?.status, authn.text).toBe('MFA_REQUIRED');
    const challenge = await call('POST', `/api/v1/authn/factors/${path.split('/').at(-1) as string}/verify`, JSON.stringify({ stateToken: authn.json?.stateToken }));
    expect(challenge.json?.status, challenge.text).toBe('MFA_CHALLENGE');
    return (challenge.json?._embedded as Json | undefined)?.policy as Json | undefined;
  }

  test('MFA_CHALLENGE embeds factorsPolicyInfo null with the variant on, the push factor\'s preference without it', async () => {
    expect((await challengePolicy())?.factorsPolicyInfo, 'without the variant').not.toBeNull();
    expect((await call('POST', '/__control/v1/faults', JSON.stringify({ enable: ['variant.factors-policy-info-null'] }))).status).toBe(200);
    try {
      const policy = await challengePolicy();
      expect(policy, 'the policy is still embedded').toBeDefined();
      expect(policy?.factorsPolicyInfo, 'with the variant').toBeNull();
    } finally {
      await call('POST', '/__control/v1/faults', JSON.stringify({ disable: ['variant.factors-policy-info-null'] }));
    }
  });
});
