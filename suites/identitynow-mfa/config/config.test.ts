import { describe } from 'vitest';
import type { ApiResponse } from '../../../drivers/contract.js';
import { check, checksNeedExclusiveOrg } from '../../support/check.js';
import { expectNoSecret, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { CheckFailure } from '../../support/failure.js';
import {
  configureDuo,
  configureOkta,
  DUO_CONFIG,
  duoAccount,
  duoConfigFor,
  expectClientError,
  expectSailPointError,
  OKTA_CONFIG,
  oktaConfigFor,
  oktaHost,
  tenant,
  useIdentityNowTarget,
  type MfaConfig,
} from '../tenant.js';

/** MFA Configuration (spec §4): okta-verify and duo-web round trips, masking, validation, test, delete, KBA questions. */
useIdentityNowTarget();
// Each check writes the tenant's MFA configuration, one per tenant, which the others read.
checksNeedExclusiveOrg('it writes the tenant-wide MFA configuration');

/** A fresh provider key for each check (registered as a secret before it is sent). */
function newKey(): string {
  const key = `k${crypto.randomUUID().replaceAll('-', '')}Z`;
  tenant().registerSecret(key);
  return key;
}

/** A masked key as the examples show it: at most one clear character each side of the asterisks. */
function expectMasked(what: string, value: unknown, key: string): void {
  expectNoSecret(`${what} accessKey`, value, key);
  if (value === null || (typeof value === 'string' && /^[^*]?\*{3,}[^*]?$/.test(value))) return;
  throw new CheckFailure('secret', `${what}: accessKey is not masked (${typeof value})`, 'x******y', typeof value);
}

async function readConfig(path: string): Promise<MfaConfig> {
  const res = await tenant().api.get<MfaConfig>(path);
  expectStatus(res, 200);
  return res.body;
}

function expectConfig(res: ApiResponse, schema: 'identitynow-mfa/config' | 'identitynow-mfa/config#duo'): MfaConfig {
  expectStatus(res, 200);
  expectSchema(schema, res.body);
  return res.body as MfaConfig;
}

/** Where an unreachable Okta org is, in the form the tenant takes its host. */
function unreachableHost(): string {
  return oktaHost(tenant()).includes('://') ? 'http://127.0.0.1:9' : 'mfa-conformance-unreachable.invalid';
}

describe('okta-verify and duo-web configuration', () => {
  check('IDN.CONFIG.OKTA.ROUND_TRIP', 'PUT answers the config set and GET reads it back', async ({ api }) => {
    const sent = { mfaMethod: 'okta-verify', enabled: false, host: 'okta.example.com', accessKey: newKey(), identityAttribute: 'email' };
    const put = expectConfig(await api.request('PUT', OKTA_CONFIG, { body: sent }), 'identitynow-mfa/config');
    expectState('PUT answer (host, enabled, identityAttribute)', [put.host, put.enabled, put.identityAttribute], [[sent.host, false, 'email']]);
    const read = await readConfig(OKTA_CONFIG);
    expectSchema('identitynow-mfa/config', read);
    expectState('GET after PUT (host, enabled, identityAttribute)', [read.host, read.enabled, read.identityAttribute], [[sent.host, false, 'email']]);
  });

  check('IDN.CONFIG.DUO.ROUND_TRIP', 'PUT a Duo config with configProperties; GET reads it back, ikey in clear', async ({ api }) => {
    const skey = newKey();
    const sent = { mfaMethod: 'duo-web', enabled: false, host: 'api-mfa0001.duosecurity.com', accessKey: newKey(), identityAttribute: 'name', configProperties: { skey, ikey: 'DI6M0ZGI8JATVMZY7C9U' } };
    const put = expectConfig(await api.request('PUT', DUO_CONFIG, { body: sent }), 'identitynow-mfa/config#duo');
    expectState('PUT answer host', put.host, sent.host);
    const read = await readConfig(DUO_CONFIG);
    expectSchema('identitynow-mfa/config#duo', read);
    expectState('GET after PUT (host, identityAttribute, ikey)', [read.host, read.identityAttribute, read.configProperties?.ikey], [[sent.host, 'name', 'DI6M0ZGI8JATVMZY7C9U']]);
    expectNoSecret('Duo skey', read, skey);
  });

  check('IDN.CONFIG.ACCESS_KEY.MASKED', 'accessKey and skey come back masked from PUT, GET and DELETE, never in clear', async ({ api }) => {
    const key = newKey();
    const put = await api.request('PUT', OKTA_CONFIG, { body: { enabled: false, host: 'okta.example.com', accessKey: key } });
    expectStatus(put, 200);
    expectMasked('PUT answer', (put.body as MfaConfig).accessKey, key);
    expectNoSecret('accessKey', put.text, key);
    const get = await api.get<MfaConfig>(OKTA_CONFIG);
    expectStatus(get, 200);
    expectMasked('GET answer', get.body.accessKey, key);
    expectNoSecret('accessKey', get.text, key);
    const skey = newKey();
    const duo = await api.request('PUT', DUO_CONFIG, { body: { enabled: false, host: 'api.duo.example', accessKey: newKey(), configProperties: { skey, ikey: 'DIXXXXXXXXXXXXXXXXXX' } } });
    expectStatus(duo, 200);
    expectNoSecret('Duo skey', duo.text, skey);
    expectNoSecret('Duo skey', (await api.get(DUO_CONFIG)).text, skey);
    const removed = await api.delete<MfaConfig>('/v3/mfa/okta-verify/delete');
    expectStatus(removed, 200);
    expectMasked('DELETE answer', removed.body.accessKey, key);
    expectNoSecret('accessKey', removed.text, key);
  });

  check('IDN.CONFIG.BAD_BODY', 'bodies of the wrong shape: 400 "400.1 Bad Request Content", the stored config unchanged', async ({ api }) => {
    await configureOkta(api, { enabled: false, host: 'before.example.com', accessKey: newKey() });
    const bad: [string, unknown, boolean][] = [
      ['an array', [1, 2], false],
      ['enabled as a string', { enabled: 'yes', host: 'after.example.com' }, false],
      ['host as a number', { host: 42 }, false],
      ['the mfaMethod of another method', { mfaMethod: 'duo-web', host: 'after.example.com' }, false],
      ['malformed JSON', '{"host": "after.example.com"', true],
    ];
    for (const [what, body, raw] of bad) {
      const res = await api.request('PUT', OKTA_CONFIG, { body, rawBody: raw });
      try {
        expectSailPointError(res, 400, '400.1 Bad Request Content');
      } catch (error) {
        if (error instanceof Error) error.message = `${what}: ${error.message}`;
        throw error;
      }
    }
    expectState('okta-verify host after the refused bodies', (await readConfig(OKTA_CONFIG)).host, 'before.example.com');
  });

  check('IDN.CONFIG.UNKNOWN_METHOD', 'a {method} outside okta-verify and duo-web: a 4xx ErrorResponseDto', async ({ api }) => {
    expectClientError(await api.get('/v3/mfa/sms/test'));
    expectClientError(await api.delete('/v3/mfa/sms/delete'));
  });
});

describe('delete', () => {
  check('IDN.CONFIG.DELETE', 'DELETE answers a config body; GET then reads the method unconfigured', async ({ api }) => {
    const key = newKey();
    await configureOkta(api, { enabled: false, host: 'to-delete.example.com', accessKey: key });
    const res = await api.delete('/v3/mfa/okta-verify/delete');
    expectConfig(res, 'identitynow-mfa/config');
    expectNoSecret('accessKey', res.text, key);
    const after = await readConfig(OKTA_CONFIG);
    expectState('okta-verify after DELETE (enabled, host, accessKey)', [after.enabled ?? false, after.host ?? null, after.accessKey ?? null], [[false, null, null]]);
  });
});

describe('test', () => {
  check('IDN.CONFIG.TEST.SUCCESS', 'an enabled config pointing at a reachable Okta org with a valid token: SUCCESS', async ({ api }) => {
    await configureOkta(api, oktaConfigFor(tenant()));
    const res = await api.get<{ state?: string; error?: string | null }>('/v3/mfa/okta-verify/test');
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/config#testResponse', res.body);
    expectState('test state', res.body.state, 'SUCCESS');
  });

  check('IDN.CONFIG.TEST.FAILED', 'a wrong API token or an unreachable org: FAILED with an error text', async ({ api }) => {
    const driver = tenant();
    for (const [what, config] of [
      ['a wrong API token', { ...oktaConfigFor(driver), accessKey: newKey() }],
      ['an unreachable org', { ...oktaConfigFor(driver), host: unreachableHost() }],
    ] as const) {
      await configureOkta(api, config);
      const res = await api.get<{ state?: string; error?: string | null }>('/v3/mfa/okta-verify/test');
      expectStatus(res, 200);
      expectSchema('identitynow-mfa/config#testResponse', res.body);
      expectState(`test state with ${what}`, res.body.state, 'FAILED');
      expectState(`test error with ${what} is a text`, typeof res.body.error === 'string' && res.body.error.length > 0, true);
    }
  });

  check('IDN.CONFIG.DUO.TEST.SUCCESS', 'an enabled duo-web config naming a reachable Duo host with its integration keys: SUCCESS', async ({ api }) => {
    const duo = duoAccount();
    await configureDuo(api, duoConfigFor(duo), 'IDN.CONFIG.DUO.TEST.SUCCESS');
    const res = await api.get<{ state?: string; error?: string | null }>('/v3/mfa/duo-web/test');
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/config#testResponse', res.body);
    expectState('duo-web test state', res.body.state, 'SUCCESS');
  });

  check('IDN.CONFIG.DUO.TEST.FAILED', 'a wrong Duo secret key or an unreachable Duo host: FAILED with an error text', async ({ api }) => {
    const duo = duoAccount();
    for (const [what, config] of [
      ['a wrong secret key', duoConfigFor(duo, newKey())],
      ['an unreachable Duo host', { ...duoConfigFor(duo), host: 'api-unreachable.mfa-conformance.invalid' }],
    ] as const) {
      await configureDuo(api, config, 'IDN.CONFIG.DUO.TEST.FAILED');
      const res = await api.get<{ state?: string; error?: string | null }>('/v3/mfa/duo-web/test');
      expectStatus(res, 200);
      expectSchema('identitynow-mfa/config#testResponse', res.body);
      expectState(`duo-web test state with ${what}`, res.body.state, 'FAILED');
      expectState(`duo-web test error with ${what} is a text`, typeof res.body.error === 'string' && res.body.error.length > 0, true);
    }
  });
});

describe('KBA questions', () => {
  check('IDN.CONFIG.KBA.QUESTIONS', 'GET /mfa/kba/config: KbaQuestion[], with and without allLanguages=true', async ({ api }) => {
    for (const query of [{}, { allLanguages: true }, { allLanguages: false }]) {
      const res = await api.get('/v3/mfa/kba/config', { query });
      expectStatus(res, 200);
      expectSchema('identitynow-mfa/kba#questions', res.body);
    }
  });
});
