import { expect, inject, test } from 'vitest';
import { expectNoSecretIn } from './helpers.js';
import { failedRunOutputs } from '../shared-run/read-run.js';

/**
 * The Authentication API suites handle stateTokens, sessionTokens and Duo's signed values (DESIGN.md, "Secrets and
 * safety"). They run against a mock org whose faults make Duo and transaction checks fail and print their evidence
 * (the shared run, test/shared-run/: one org over HTTP, made once for the secret tests); every stateToken and
 * sig_request the org issued, and its Duo keys, are collected, and none of them, nor any sessionToken or Duo signed
 * value (recognised by their format), may appear in what the run printed or wrote.
 */

test('no stateToken, sessionToken, TOTP secret, sent OTP, Duo signed value or Duo key reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const run = inject('familiesRun');
  const outputs = await failedRunOutputs(run, 'suites/okta-authn/', 'Authentication API');
  expect(run.stderr).toMatch(/AssertionError/);
  // Every OTP the factor steps sent (sms, call, email enrollment and challenge codes) is among them.
  expect(run.secrets.authn.length, 'transactions and Duo prompts were seen').toBeGreaterThan(20);

  expectNoSecretIn(outputs, run.secrets.authn, [
    ['a sessionToken reached', /20111[A-Za-z0-9_-]{40,}/],
    // Duo Web values: PREFIX|base64|40 hex digits, as is or form-encoded.
    ['a Duo signed value reached', /(?:TX|APP|AUTH)(?:\||%7C)[A-Za-z0-9+/=%]{8,}(?:\||%7C)[0-9a-f]{40}/],
  ]);
});
