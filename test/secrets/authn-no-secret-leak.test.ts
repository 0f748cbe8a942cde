import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { watchAuthnSecrets } from './authn-secrets.js';
import { collectOutputs, expectNoSecretIn, runWithEveryOutput } from './helpers.js';

/**
 * The Authentication API suites handle stateTokens, sessionTokens and Duo's signed values (DESIGN.md, "Secrets and
 * safety"). They run against a mock org whose faults make Duo and transaction checks fail and print their evidence;
 * every stateToken and sig_request the org issued, and its Duo keys, are collected, and none of them, nor any
 * sessionToken or Duo signed value (recognised by their format), may appear in what the run printed or wrote.
 */

let mock: RunningMockOrg;
let dir: string;
const secrets = new Set<string>();

const FAULTS = [
  'duo.poll-success-before-callback', 'duo.app-part-not-checked', 'duo.challenge-without-verification', 'authn.expiry-not-sliding', 'authn.session-token-missing',
  // The factor steps' checks fail after posting passCodes, answers and registrations, and print their evidence.
  'authn-factors.verified-not-completed', 'authn-factors.activation-not-persisted',
];

beforeAll(async () => {
  mock = await startMockOrg({ control: true, faults: FAULTS });
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-authn-secrets-'));
  watchAuthnSecrets(mock, secrets);
});

afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

test('no stateToken, sessionToken, TOTP secret, sent OTP, Duo signed value or Duo key reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const { outcome, stderr, stdout, allureFiles } = await runWithEveryOutput(dir, {
    target: { kind: 'http', baseUrl: mock.url, token: mock.token },
    filters: ['suites/okta-authn'],
  });

  expect(outcome.exitCode, 'the faults make checks fail and print their evidence').toBe(1);
  expect(stderr).toMatch(/AssertionError/);
  expect(allureFiles.some((f) => f.endsWith('-attachment.json'))).toBe(true);
  expect(secrets.size, 'transactions and Duo prompts were seen').toBeGreaterThan(20);

  // Every OTP the factor steps sent (sms, call, email enrollment and challenge codes).
  for (const message of mock.org.outbox.list()) secrets.add(message.passCode);
  const outputs = await collectOutputs(stdout, stderr, dir, allureFiles);
  expectNoSecretIn(outputs, secrets, [
    ['a sessionToken reached', /20111[A-Za-z0-9_-]{40,}/],
    // Duo Web values: PREFIX|base64|40 hex digits, as is or form-encoded.
    ['a Duo signed value reached', /(?:TX|APP|AUTH)(?:\||%7C)[A-Za-z0-9+/=%]{8,}(?:\||%7C)[0-9a-f]{40}/],
  ]);
});
