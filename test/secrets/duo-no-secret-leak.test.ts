import { expect, inject, test } from 'vitest';
import { expectNoSecretIn } from './helpers.js';
import { failedRunOutputs } from '../shared-run/read-run.js';

/**
 * The duo-auth suites handle Duo's secret keys, bypass codes, SMS passcodes, hardware-token secrets and activation
 * links. They run against a mock whose faults make checks fail and print their evidence (the shared run,
 * test/shared-run/); every such value the Duo account held is collected, and none may appear in what the run printed
 * or wrote.
 */

test('no Duo key, bypass code, SMS passcode, token secret or activation code reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const run = inject('familiesRun');
  const outputs = await failedRunOutputs(run, 'suites/duo-auth/', 'Duo');
  // What the account sent and activated over the run (SMS passcodes, activation links and codes) is among them.
  expect(run.secrets.duo.length, 'codes and secrets were seen').toBeGreaterThan(10);
  expectNoSecretIn(outputs, run.secrets.duo);
});
