import { beforeAll, describe, expect, test } from 'vitest';
import { expectOktaError, useMockOrg } from './helpers.js';

/**
 * The mock's Authentication API and Duo flow under bad input: the API's own errors, never a 500, and nothing changes
 * (the transaction keeps its state, no factor is stored). Also: which requests may come without an API token.
 */

const { mock, call, newUser } = useMockOrg({ token: false, lenientJson: true, userPrefix: 'authn' });
let admin: Record<string, string>;

beforeAll(async () => {
  admin = { authorization: `SSWS ${mock.token}` };
  await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'web', provider: 'DUO', enrollment: 'REQUIRED' }] }, admin);
});

type Json = Record<string, unknown>;

/** A fresh user in MFA_ENROLL (Duo is REQUIRED). */
async function enrolling() {
  const user = await newUser();
  const res = await call('POST', '/api/v1/authn', { username: user.login, password: user.password });
  expect(res.json?.status).toBe('MFA_ENROLL');
  return { user, stateToken: res.json?.stateToken as string };
}

/** A fresh user in MFA_ENROLL_ACTIVATE with Duo: the factor id and the Duo widget data. */
async function activating() {
  const { user, stateToken } = await enrolling();
  const res = await call('POST', '/api/v1/authn/factors', { stateToken, factorType: 'web', provider: 'DUO' });
  expect(res.json?.status).toBe('MFA_ENROLL_ACTIVATE');
  const factor = (res.json?._embedded as Json).factor as Json;
  const activation = (factor._embedded as Json).activation as { host: string; signature: string };
  return { user, stateToken, factorId: factor.id as string, ...activation };
}

async function duo(host: string, sigRequest: string, action = 'approve') {
  return call('POST', `/__control/v1/duo/${host}/auth`, { sig_request: sigRequest, action }, admin);
}

const stateOf = async (stateToken: string) => (await call('POST', '/api/v1/authn', { stateToken })).json;

describe('who may call without an API token', () => {
  test('Authn paths: without a token as a public app, with the right one as a trusted app, never with a wrong one', async () => {
    const user = await newUser();
    const credentials = { username: user.login, password: user.password };
    expect((await call('POST', '/api/v1/authn', credentials)).status).toBe(200);
    expect((await call('POST', '/api/v1/authn', credentials, admin)).status).toBe(200);
    expectOktaError(await call('POST', '/api/v1/authn', credentials, { authorization: 'SSWS nope' }), 401, 'E0000011');
  });

  test('everything else still needs the token', async () => {
    const user = await newUser();
    expectOktaError(await call('GET', `/api/v1/users/${user.id}/factors`), 401, 'E0000011');
    expectOktaError(await call('POST', '/api/v1/authnx', {}), 401, 'E0000011');
    expectOktaError(await call('GET', '/api/v1/users/authn'), 401, 'E0000011');
    expectOktaError(await call('POST', '/__control/v1/duo/any/auth', {}), 401, 'E0000011');
  });
});

describe('primary authentication and get-state: bad input', () => {
  const badBodies: [string, string, number, string][] = [
    ['malformed JSON', '{"username": ', 400, 'E0000003'],
    ['a JSON array', '[1]', 400, 'E0000003'],
    ['no credentials at all', '{}', 400, 'E0000001'],
    ['a username of the wrong type', '{"username": {"a": 1}, "password": "x"}', 400, 'E0000001'],
    ['a username without a password', '{"username": "someone@example.com"}', 400, 'E0000001'],
    ['an overlong username', JSON.stringify({ username: 'u'.repeat(5000), password: 'x' }), 400, 'E0000001'],
    ['options of the wrong type', '{"username": "a@example.com", "password": "x", "options": "yes"}', 400, 'E0000001'],
    ['an unknown activation token', '{"token": "o7AFoTGE9xjQiHQK6dAa"}', 401, 'E0000004'],
    ['a stateToken of the wrong type', '{"stateToken": ["00abc"]}', 400, 'E0000001'],
    ['an unknown stateToken', '{"stateToken": "00nonesuchnonesuchnonesuchnonesuchnonesu"}', 401, 'E0000011'],
  ];

  test.each(badBodies)('%s → %s %s', async (_what, body, status, code) => {
    expectOktaError(await call('POST', '/api/v1/authn', body), status, code);
  });

  test('a form body is 400 E0000021; a wrong method 405 E0000022', async () => {
    expectOktaError(await call('POST', '/api/v1/authn', 'username=a', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'E0000021');
    expectOktaError(await call('GET', '/api/v1/authn'), 405, 'E0000022');
  });

  test('a stateToken with credentials (step-up, never reached here) is 403 E0000079 and changes nothing', async () => {
    const { user, stateToken } = await enrolling();
    expectOktaError(await call('POST', '/api/v1/authn', { stateToken, username: user.login, password: user.password }), 403, 'E0000079');
    expect((await stateOf(stateToken))?.status).toBe('MFA_ENROLL');
  });
});

describe('enroll (A3): bad input changes nothing', () => {
  const badBodies: [string, (stateToken: string) => unknown, number, string][] = [
    ['no stateToken', () => ({ factorType: 'web', provider: 'DUO' }), 400, 'E0000001'],
    ['no factorType', (stateToken) => ({ stateToken, provider: 'DUO' }), 400, 'E0000001'],
    ['a factorType of the wrong type', (stateToken) => ({ stateToken, factorType: 7.5e300, provider: 'DUO' }), 400, 'E0000001'],
    ['an unknown factorType', (stateToken) => ({ stateToken, factorType: 'nonesuch', provider: 'DUO' }), 400, 'E0000001'],
    ['a provider that does not serve the type', (stateToken) => ({ stateToken, factorType: 'web', provider: 'OKTA' }), 400, 'E0000001'],
    ['a profile of the wrong type', (stateToken) => ({ stateToken, factorType: 'web', provider: 'DUO', profile: 'x' }), 400, 'E0000001'],
    ['an enrollment the factor kind refuses (sms without a phone number)', (stateToken) => ({ stateToken, factorType: 'sms', provider: 'OKTA' }), 400, 'E0000001'],
    ['malformed JSON', () => '{"stateToken": ', 400, 'E0000003'],
  ];

  test.each(badBodies)('%s → %s %s', async (_what, makeBody, status, code) => {
    const { user, stateToken } = await enrolling();
    expectOktaError(await call('POST', '/api/v1/authn/factors', makeBody(stateToken)), status, code);
    expect((await stateOf(stateToken))?.status).toBe('MFA_ENROLL');
    expect((await call('GET', `/api/v1/users/${user.id}/factors`, undefined, admin)).json).toEqual([]);
  });

  test('a factor the policy disables is refused', async () => {
    const { stateToken } = await enrolling();
    await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'token:software:totp', provider: 'OKTA', enrollment: 'DISABLED' }] }, admin);
    try {
      expectOktaError(await call('POST', '/api/v1/authn/factors', { stateToken, factorType: 'token:software:totp', provider: 'OKTA' }), 400, 'E0000001');
    } finally {
      await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'token:software:totp', provider: 'OKTA', enrollment: 'OPTIONAL' }] }, admin);
    }
  });

  test('the Factors API refuses to enroll Duo, which only the Authentication API enrolls', async () => {
    const user = await newUser();
    expectOktaError(await call('POST', `/api/v1/users/${user.id}/factors`, { factorType: 'web', provider: 'DUO' }, admin), 400, 'E0000001');
    expect((await call('GET', `/api/v1/users/${user.id}/factors`, undefined, admin)).json).toEqual([]);
  });
});

describe('operations in the wrong state or on the wrong factor', () => {
  test('poll, activate and the callback on another factor id are 403 E0000079; verify in MFA_ENROLL_ACTIVATE too', async () => {
    const { stateToken, factorId } = await activating();
    const other = 'dsf00000000000000000';
    expectOktaError(await call('POST', `/api/v1/authn/factors/${other}/lifecycle/activate/poll`, { stateToken }), 403, 'E0000079');
    expectOktaError(await call('POST', `/api/v1/authn/factors/${factorId}/lifecycle/activate`, { stateToken }), 403, 'E0000079');
    expectOktaError(await call('POST', `/api/v1/authn/factors/${other}/lifecycle/duoCallback`, { stateToken, sig_response: 'x' }), 403, 'E0000079');
    expectOktaError(await call('POST', `/api/v1/authn/factors/${factorId}/verify`, { stateToken }), 403, 'E0000079');
    expectOktaError(await call('POST', '/api/v1/authn/skip', { stateToken }), 403, 'E0000079');
    const state = await stateOf(stateToken);
    expect(state).toMatchObject({ status: 'MFA_ENROLL_ACTIVATE', factorResult: 'WAITING' });
  });
});

describe('the Duo callback', () => {
  const garbage = ['x', 'a:b', 'AUTH|!!!|zz:APP|%%%|zz', '::::', `AUTH|${'A'.repeat(3000)}|0:APP|b|c`, 'AUTH||:APP||'];

  test.each(garbage)('refuses sig_response %j with 403 E0000068, never a 500; the transaction keeps WAITING', async (sigResponse) => {
    const { stateToken, factorId } = await activating();
    expectOktaError(await call('POST', `/api/v1/authn/factors/${factorId}/lifecycle/duoCallback`, { stateToken, sig_response: sigResponse }), 403, 'E0000068');
    expect(await stateOf(stateToken)).toMatchObject({ status: 'MFA_ENROLL_ACTIVATE', factorResult: 'WAITING' });
  });

  test('a missing sig_response is 400 E0000001; an unknown content type 400 E0000021', async () => {
    const { stateToken, factorId } = await activating();
    const callback = `/api/v1/authn/factors/${factorId}/lifecycle/duoCallback`;
    expectOktaError(await call('POST', callback, { stateToken }), 400, 'E0000001');
    expectOktaError(await call('POST', callback, `stateToken=${stateToken}`, { 'content-type': 'text/plain' }), 400, 'E0000021');
    expectOktaError(await call('POST', callback, 'sig_response=x', { 'content-type': 'application/x-www-form-urlencoded' }), 400, 'E0000001');
    const form = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };
    expectOktaError(await call('POST', callback, `stateToken=${stateToken}&sig_response=AUTH%7Cx%7Cy%3AAPP%7Cx%7Cy`, form), 403, 'E0000068');
    expect((await stateOf(stateToken))?.factorResult).toBe('WAITING');
  });

  test("takes JSON as well as the widget's form; a response for another user's prompt is refused", async () => {
    const first = await activating();
    const second = await activating();
    const approved = await duo(second.host, second.signature);
    const sigResponse = approved.json?.sig_response as string;
    // Duo's answer to the second user's prompt does not complete the first user's enrollment.
    expectOktaError(await call('POST', `/api/v1/authn/factors/${first.factorId}/lifecycle/duoCallback`, { stateToken: first.stateToken, sig_response: sigResponse }), 403, 'E0000068');
    const res = await call('POST', `/api/v1/authn/factors/${second.factorId}/lifecycle/duoCallback`, { stateToken: second.stateToken, sig_response: sigResponse });
    expect(res.status).toBe(200);
    const done = await call('POST', `/api/v1/authn/factors/${second.factorId}/lifecycle/activate/poll`, { stateToken: second.stateToken });
    expect(done.json).toMatchObject({ status: 'SUCCESS', sessionToken: expect.any(String) });
    // SUCCESS spends the stateToken.
    expectOktaError(await call('POST', '/api/v1/authn', { stateToken: second.stateToken }), 401, 'E0000011');
    expect((await stateOf(first.stateToken))?.factorResult).toBe('WAITING');
  });
});

describe('the Duo responder (control protocol)', () => {
  test('refuses an unknown host, an unknown action and a sig_request Duo did not get from the org', async () => {
    const { host, signature } = await activating();
    expectOktaError(await duo('api-nonesuch.duosecurity.invalid', signature), 404, 'E0000007');
    expectOktaError(await duo(host, signature, 'maybe'), 400, 'E0000001');
    expectOktaError(await call('POST', `/__control/v1/duo/${host}/auth`, { action: 'approve' }, admin), 400, 'E0000001');
    for (const bad of ['x', 'TX|a|b', `${signature}:more`, signature.replace(/^TX/, 'APP')]) {
      expectOktaError(await duo(host, bad), 400, 'E0000001');
    }
    const [tx = '', app = ''] = signature.split(':');
    expectOktaError(await duo(host, `${tx.slice(0, -1)}${tx.endsWith('0') ? '1' : '0'}:${app}`), 400, 'E0000001');
  });

  test('deny is 403; approve answers AUTH|…:APP (the APP value echoed)', async () => {
    const { host, signature } = await activating();
    expectOktaError(await duo(host, signature, 'deny'), 403, 'E0000068');
    const approved = await duo(host, signature);
    const [auth = '', app = ''] = String(approved.json?.sig_response).split(':');
    expect(auth).toMatch(/^AUTH\|/);
    expect(app).toBe(signature.split(':')[1]);
  });
});

describe('state lifecycle', () => {
  test('reset forgets every transaction', async () => {
    const { stateToken } = await enrolling();
    expect((await call('POST', '/__control/v1/reset', undefined, admin)).status).toBe(204);
    expectOktaError(await call('POST', '/api/v1/authn', { stateToken }), 401, 'E0000011');
    await call('POST', '/__control/v1/factor-policy', { factors: [{ factorType: 'web', provider: 'DUO', enrollment: 'REQUIRED' }] }, admin);
  });

  test('a deactivated user\'s transaction is dead', async () => {
    const { user, stateToken } = await enrolling();
    expect((await call('POST', `/api/v1/users/${user.id}/lifecycle/deactivate`, undefined, admin)).status).toBe(200);
    expectOktaError(await call('POST', '/api/v1/authn', { stateToken }), 401, 'E0000011');
    expectOktaError(await call('POST', '/api/v1/authn', { username: user.login, password: user.password }), 401, 'E0000004');
  });
});
