import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tenantOf } from '../../mock-org/identitynow-mfa/index.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { collectOutputs, expectNoSecretIn, runWithEveryOutput } from './helpers.js';

/**
 * The IdentityNow suites handle client secrets, bearer JWTs, provider keys (accessKey, Duo skey), KBA
 * answers and one-time codes. They run against a separately started mock (the http driver, the
 * tenant from its line) with faults that make checks fail and print their evidence; every secret the
 * tenant was given or handed out is collected, and none may appear in what the run printed or wrote.
 */

let mock: RunningMockOrg;
let dir: string;
const secrets = new Set<string>();

const FAULTS = ['identitynow-mfa.access-key-in-clear', 'identitynow-mfa.kba-answers-echoed', 'identitynow-mfa.token-accept-any', 'identitynow-mfa.config-not-persisted'];

beforeAll(async () => {
  mock = await startMockOrg({ control: true, faults: FAULTS });
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-identitynow-secrets-'));
  secrets.add(mock.token);
  tenantOf(mock.org.scope)?.observeSecrets((secret) => secrets.add(secret));
});

afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

test('no client secret, JWT, provider key, KBA answer or code reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const { outcome, stderr, stdout, allureFiles } = await runWithEveryOutput(dir, {
    target: { kind: 'http', baseUrl: mock.url, token: mock.token, identityNow: mock.identityNow },
    filters: ['suites/identitynow-mfa'],
  });

  expect(outcome.exitCode, 'the faults make checks fail and print their evidence').toBe(1);
  expect(stderr).toMatch(/CheckFailure/);
  expect(allureFiles.some((f) => f.endsWith('-attachment.json'))).toBe(true);
  expect(secrets.size, 'client secrets, tokens, keys, answers and codes were seen').toBeGreaterThan(30);

  const outputs = await collectOutputs(stdout, stderr, dir, allureFiles);
  expectNoSecretIn(outputs, secrets, [
    ['a bearer JWT reached', /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
    ['a passCode reached', /"passCode"\s*:\s*"\d{6}"/],
  ]);
}, 240_000);
