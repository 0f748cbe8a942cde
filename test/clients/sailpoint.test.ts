import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Configuration, MFAConfigurationApi, MFAControllerApi, type MfaDuoConfig, type MfaOktaConfig } from 'sailpoint-api-client';
import { DuoDriver } from '../../drivers/index.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';

/**
 * The official SailPoint TypeScript client (sailpoint-api-client: MFAConfigurationApi,
 * MFAControllerApi) against the mock tenant, as a customer would use it: a Configuration from the
 * base URL and client credentials (token from {baseUrl}/oauth/token, multipart), then every call at
 * {baseUrl}/v3/… . The Okta Verify push goes through the mock org beside the tenant, the Duo Web push
 * through the org's Duo account (its own port, signed for its API host name).
 */
let mock: RunningMockOrg;
let configApi: MFAConfigurationApi;
let controllerApi: MFAControllerApi;

// The client sends its token request through proxy-agent: keep loopback off any proxy (spec §7).
process.env.NO_PROXY = [process.env.NO_PROXY, '127.0.0.1', 'localhost'].filter(Boolean).join(',');

beforeAll(async () => {
  mock = await startMockOrg({ control: true, duo: true });
  const { baseUrl, clientId, clientSecret } = mock.identityNow;
  const configuration = new Configuration({ baseurl: baseUrl, clientId, clientSecret, tokenUrl: `${baseUrl}/oauth/token` });
  // No retries: a failure shows at once rather than after axios-retry's three repeats.
  configuration.retriesConfig = { retries: 0 };
  configApi = new MFAConfigurationApi(configuration);
  controllerApi = new MFAControllerApi(configuration);
});
afterAll(() => mock.close());

/** The Okta org beside the tenant, through its own API and control protocol. */
async function okta<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: { authorization: `SSWS ${mock.token}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

describe('sailpoint-api-client against the mock tenant', () => {
  test('sets and reads back the Okta and Duo configurations, the keys masked', async () => {
    const accessKey = 'qw123Y3QlA5UqocYpdU3rEkzrK2D497y';
    const okta: MfaOktaConfig = { mfaMethod: 'okta-verify', enabled: false, host: 'example.com', accessKey, identityAttribute: 'email' };
    const set = await configApi.setMFAOktaConfig({ mfaOktaConfig: okta });
    expect(set.status).toBe(200);
    expect(set.data).toEqual({ ...okta, accessKey: 'q******y' });
    const read = await configApi.getMFAOktaConfig();
    expect(read.data).toEqual({ ...okta, accessKey: 'q******y' });

    const duo: MfaDuoConfig = {
      mfaMethod: 'duo-web',
      enabled: true,
      host: 'www.example.com',
      accessKey: 'qw123Y3QlA5UqocYpdU3rEkzrK2D497y',
      identityAttribute: 'email',
      configProperties: { skey: '12q3WERlcUHWJmiMqyCXI3uOF7EaDJTbdeOp6E2B', ikey: 'Q123WE45R6TY7890ZXCV' },
    };
    await configApi.setMFADuoConfig({ mfaDuoConfig: duo });
    const duoRead = await configApi.getMFADuoConfig();
    expect(duoRead.data).toEqual({ ...duo, accessKey: 'q******y', configProperties: { skey: '1******B', ikey: 'Q123WE45R6TY7890ZXCV' } });

    const removed = await configApi.deleteMFAConfig({ method: 'duo-web' });
    expect(removed.data.accessKey).toBe('q******y');
    expect((await configApi.getMFADuoConfig()).data.enabled).toBe(false);
  });

  test('reads the KBA configuration, sends KBA answers and authenticates with them', async () => {
    const questions = (await configApi.getMFAKbaConfig({ allLanguages: true })).data;
    expect(questions.length).toBeGreaterThan(1);
    const answers = questions.map((q, i) => ({ id: q.id, answer: `9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0${i}` }));
    const set = await configApi.setMFAKBAConfig({ kbaAnswerRequestItem: answers });
    expect(set.data.every((item) => item.hasAnswer)).toBe(true);
    expect(JSON.stringify(set.data)).not.toContain(answers[0]?.answer);
    const counted = (await configApi.getMFAKbaConfig()).data;
    expect(counted.every((q) => q.numAnswers === 1 && q.hasAnswer)).toBe(true);
    const auth = await controllerApi.sendKbaAnswers({ kbaAnswerRequestItem: answers });
    expect(auth.data.status).toBe('SUCCESS');
  });

  test('tests the Okta configuration, verifies with Okta Verify and polls to SUCCESS', async () => {
    const user = await okta<{ id: string }>('POST', '/api/v1/users?activate=true', {
      profile: { firstName: 'Client', lastName: 'Check', email: 'client.check@example.com', login: 'client.check@example.com' },
    });
    const factor = await okta<{ id: string; _links: { poll: { href: string } } }>('POST', `/api/v1/users/${user.id}/factors`, { factorType: 'push', provider: 'OKTA' });
    await okta('POST', `/__control/v1/push/${user.id}/${factor.id}`, { action: 'approve' });
    await fetch(factor._links.poll.href, { method: 'POST', headers: { authorization: `SSWS ${mock.token}`, accept: 'application/json' } }).then((r) => r.arrayBuffer());

    await configApi.setMFAOktaConfig({ mfaOktaConfig: { mfaMethod: 'okta-verify', enabled: true, host: mock.url, accessKey: mock.token, identityAttribute: 'email' } });
    const tested = await configApi.testMFAConfig({ method: 'okta-verify' });
    expect(tested.data).toEqual({ state: 'SUCCESS', error: null });

    const started = await controllerApi.sendOktaVerifyRequest({ oktaVerificationRequest: { userId: 'client.check@example.com' } });
    expect(started.data.status).toBe('PENDING');
    const requestId = started.data.requestId ?? '';
    const pending = await controllerApi.pingVerificationStatus({ method: 'okta-verify', verificationPollRequest: { requestId } });
    expect(pending.data.status).toBe('PENDING');
    await okta('POST', `/__control/v1/push/${user.id}/${factor.id}`, { action: 'approve' });
    const done = await controllerApi.pingVerificationStatus({ method: 'okta-verify', verificationPollRequest: { requestId } });
    expect(done.data).toEqual({ requestId, status: 'SUCCESS', error: '' });
  });

  test('sends a token and authenticates with the code the outbox received', async () => {
    const sent = await controllerApi.createSendToken({ sendTokenRequest: { userAlias: 'mfa.admin', deliveryType: 'EMAIL_WORK' } });
    expect(sent.data.status).toBe('SUCCESS');
    const outbox = await okta<{ messages: { passCode: string }[] }>('GET', '/__control/v1/outbox?userId=mfa.admin&channel=email');
    const code = outbox.messages.at(-1)?.passCode ?? '';
    const auth = await controllerApi.sendTokenAuthRequest({ tokenAuthRequest: { token: code, userAlias: 'mfa.admin', deliveryType: 'EMAIL_WORK' } });
    expect(auth.data.status).toBe('SUCCESS');
  });

  test('tests the Duo configuration, verifies with Duo Web and polls to SUCCESS once Duo Mobile approves', async () => {
    const account = mock.duo;
    if (!account) throw new Error('the mock was started without its Duo account');
    const duo = await DuoDriver.connect({ kind: 'mock', account });
    try {
      const duoMobile = duo.duoMobile;
      if (!duoMobile) throw new Error('the Duo host announced no virtual Duo Mobile');
      const user = await duo.fixtures.createUser();
      const phone = await duo.fixtures.createPhone({ number: '+15555550123', type: 'Mobile', platform: 'Apple iOS' });
      await duo.duoApi.ok({ method: 'POST', path: `/admin/v1/users/${user.user_id}/phones`, integration: 'admin', params: { phone_id: phone.phone_id } });
      const activation = await duo.duoApi.ok<{ activation_url: string }>({ method: 'POST', path: `/admin/v1/phones/${phone.phone_id}/activation_url`, integration: 'admin' });
      await duoMobile.activate(activation.activation_url);

      const configProperties = { ikey: account.ikey, skey: account.skey };
      await configApi.setMFADuoConfig({ mfaDuoConfig: { mfaMethod: 'duo-web', enabled: true, host: account.host, accessKey: 'a'.repeat(40), identityAttribute: 'name', configProperties } });
      expect((await configApi.testMFAConfig({ method: 'duo-web' })).data).toEqual({ state: 'SUCCESS', error: null });

      const signedResponse = 'AUTH|dXNlcnxESTZNMFpHSThKQVRWTVpZN0M5VXwxNzAxMjUzMDg5|f1f4e2d3c4b5a69788796a5b4c3d2e1f00112233:APP|dXNlcnxESTZNMFpHSThKQVRWTVpZN0M5VXwxNzAxMjU2NjE5|a1b2c3d4e5f60718293a4b5c6d7e8f9001122334';
      const started = await controllerApi.sendDuoVerifyRequest({ duoVerificationRequest: { userId: user.username, signedResponse } });
      expect(started.data.status).toBe('PENDING');
      const requestId = started.data.requestId ?? '';
      const pending = await controllerApi.pingVerificationStatus({ method: 'duo-web', verificationPollRequest: { requestId } });
      expect(pending.data.status).toBe('PENDING');
      const [txid] = await duoMobile.pending(user.username);
      await duoMobile.respond(txid ?? '', 'approve');
      const done = await controllerApi.pingVerificationStatus({ method: 'duo-web', verificationPollRequest: { requestId } });
      expect(done.data).toEqual({ requestId, status: 'SUCCESS', error: '' });
    } finally {
      await duo.close();
    }
  });
});
