import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { base32nopad } from '@scure/base';
import { startMockOrgHost, type MockOrgHost } from '../../mock-org/index.js';
import type { MockOrg } from '../../mock-org/org.js';
import { isObject } from '../../mock-org/core/input.js';
import type { StoredFactor, StoredUser } from '../../mock-org/okta-factors/store.js';
import { YUBIKEY_TOKENS } from '../../mock-org/okta-factors/yubikey/tokens.js';
import { runWithEveryOutput } from './every-output.js';
import { collectOutputs, expectNoSecretIn, runFolder } from './helpers.js';
import { watchStored } from './watch-stored.js';

/**
 * Secrets never reach stdout, logs or report attachments (DESIGN.md). Every suite runs against
 * the embedded mock with faults on, so checks fail and print their evidence; every secret the
 * orgs ever held (API tokens, user passwords, TOTP shared secrets, YubiKey AES keys and private
 * ids) is collected as it is stored, and none may appear in what the run printed or wrote.
 */

const FAULTS = ['totp.accept-any-code', 'factors.drop-links'];

let host: MockOrgHost;
let dir: string;
const orgs: MockOrg[] = [];
const secrets = new Set<string>();

/** Whatever an org is given to keep becomes a secret of this run. */
function watch(org: MockOrg): void {
  orgs.push(org);
  secrets.add(org.apiToken);
  watchStored(org.store.users, (user: StoredUser) => {
    if (user.password) secrets.add(user.password);
  });
  watchStored(org.store.factors, (factor: StoredFactor) => {
    const key = isObject(factor.secret) ? factor.secret.key : undefined;
    if (key instanceof Uint8Array && factor.factorType === 'token:software:totp') secrets.add(base32nopad.encode(key));
  });
}

beforeAll(async () => {
  host = await startMockOrgHost({ onOrgCreated: watch });
  dir = await runFolder('mfa-conformance-secrets-');
});

afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

test('no secret of the run reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const { outcome, stdout, stderr, allureFiles } = await runWithEveryOutput(dir, {
    target: { kind: 'mock', faults: FAULTS },
    mockHost: { url: host.url, adminToken: host.adminToken },
  });

  // The faults make checks fail, so failure output (with response bodies) was printed and attached.
  expect(outcome.exitCode).toBe(1);
  expect(stdout).toContain('×');
  expect(stderr).toMatch(/CheckFailure/);
  expect(allureFiles.some((f) => f.endsWith('-attachment.json'))).toBe(true);

  // YubiKey seeds stay in the org's token store (the API has no documented DELETE for them).
  for (const org of orgs) {
    for (const token of YUBIKEY_TOKENS.of(org.scope).values()) {
      secrets.add(Buffer.from(token.aesKey).toString('hex'));
      secrets.add(Buffer.from(token.privateId).toString('hex'));
    }
  }
  // Enough secrets were seen to make the test meaningful: tokens, passwords, shared secrets, seeds.
  expect(orgs.length).toBeGreaterThan(10);
  expect(secrets.size).toBeGreaterThan(50);

  const outputs = await collectOutputs(stdout, stderr, dir, allureFiles);
  expectNoSecretIn(outputs, secrets, [
    // Passcodes are 6-digit numbers: look for them where they would stand, as JSON fields.
    ['a passCode reached', /"passCode"\s*:\s*"\d{6}"/],
    ['a password reached', /"value"\s*:\s*"Mc1-/],
  ]);
}, 240_000);
