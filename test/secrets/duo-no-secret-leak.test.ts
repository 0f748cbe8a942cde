import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DUO_ACCOUNT, type DuoBypassCode, type DuoPhone, type DuoToken } from '../../mock-org/duo-auth/account.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { collectOutputs, expectNoSecretIn, runWithEveryOutput } from './helpers.js';

/**
 * The duo-auth suites handle Duo's secret keys, bypass codes, SMS passcodes, hardware-token secrets and activation
 * links. They run against a mock whose faults make checks fail and print their evidence; every such value the Duo
 * account held is collected, and none may appear in what the run printed or wrote.
 */

let mock: RunningMockOrg;
let dir: string;
const secrets = new Set<string>();

const FAULTS = ['duo-auth.bypass-list-shows-codes', 'duo-auth.sms-passcode-reusable', 'duo-auth.passcode-any-accepted', 'duo-auth.enroll-status-always-waiting'];

beforeAll(async () => {
  mock = await startMockOrg({ control: true, duo: true, faults: FAULTS });
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-duo-secrets-'));
  const account = DUO_ACCOUNT.of(mock.org.scope);
  for (const secret of [account.auth.skey, account.admin.skey]) secrets.add(secret);
  // Watch what the account stores: every code and secret it is given or makes is a secret of this run.
  watch(account.bypassCodes, (code: DuoBypassCode) => secrets.add(code.code));
  watch(account.tokens, (token: DuoToken) => secrets.add(token.secret.toString('hex')));
  watch(account.phones, (phone: DuoPhone) => {
    const set = (value: DuoPhone['activation']) => value && secrets.add(value.code);
    set(phone.activation);
  });
});

function watch<T>(map: Map<string, T>, seen: (value: T) => void): void {
  const set = map.set.bind(map);
  map.set = (key: string, value: T) => {
    seen(value);
    return set(key, value);
  };
}

afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

test('no Duo key, bypass code, SMS passcode, token secret or activation code reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const duo = mock.duo;
  if (!duo) throw new Error('the mock serves no Duo account');
  const { outcome, stderr, stdout, allureFiles } = await runWithEveryOutput(dir, {
    target: { kind: 'http', baseUrl: mock.url, token: mock.token, duo },
    filters: ['suites/duo-auth'],
  });
  expect(outcome.exitCode, 'the faults make checks fail and print their evidence').toBe(1);
  // What the account sent and activated over the run (SMS passcodes, activation links and codes).
  for (const message of mock.org.outbox.list()) secrets.add(message.passCode);
  for (const phone of DUO_ACCOUNT.of(mock.org.scope).phones.values()) if (phone.activation) secrets.add(phone.activation.code);
  expect(secrets.size, 'codes and secrets were seen').toBeGreaterThan(10);
  const outputs = await collectOutputs(stdout, stderr, dir, allureFiles);
  expectNoSecretIn(outputs, secrets);
});
