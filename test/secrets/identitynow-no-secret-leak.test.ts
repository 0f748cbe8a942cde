import { expect, inject, test } from 'vitest';
import { expectNoSecretIn } from './helpers.js';
import { failedRunOutputs } from '../shared-run/read-run.js';

/**
 * The IdentityNow suites handle client secrets, bearer JWTs, provider keys (accessKey, Duo skey), KBA
 * answers and one-time codes. They run against a separately started mock (the http driver, the
 * tenant from its line: the shared run, test/shared-run/) with faults that make checks fail and print
 * their evidence; every secret the tenant was given or handed out is collected, and none may appear in
 * what the run printed or wrote.
 */

test('no client secret, JWT, provider key, KBA answer or code reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const run = inject('familiesRun');
  const outputs = await failedRunOutputs(run, 'suites/identitynow-mfa/', 'IdentityNow');
  expect(run.stderr).toMatch(/CheckFailure/);
  expect(run.secrets.identityNow.length, 'client secrets, tokens, keys, answers and codes were seen').toBeGreaterThan(30);

  expectNoSecretIn(outputs, run.secrets.identityNow, [
    ['a bearer JWT reached', /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
    ['a passCode reached', /"passCode"\s*:\s*"\d{6}"/],
  ]);
});
