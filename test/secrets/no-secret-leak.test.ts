import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROOT } from '../built.js';
import { suiteLocation } from '../support/compiled-suites.js';
import { runWithEveryOutput } from './every-output.js';
import { collectOutputs, expectNoSecretIn, runFolder } from './helpers.js';
import { productModuleUrl } from './product-modules.js';
import type { SeenOrgSecrets } from './org-secrets.js';
import type { OrgSecretsWatchPlan } from './org-secrets-setup.js';

/**
 * Secrets never reach stdout, logs or report attachments (DESIGN.md). Every suite runs against
 * the embedded mock with faults on, so checks fail and print their evidence; every secret the
 * orgs ever held (API tokens, user passwords, TOTP shared secrets, YubiKey AES keys and private
 * ids) is collected as it is stored, and none may appear in what the run printed or wrote.
 *
 * The orgs are the embedded mock's own, in the run's suite worker (drivers/mock/: in process, the IdentityNow
 * tenants' on the worker's mock host), as `mfa-conformance run` makes them: a setup file added to the run
 * (org-secrets-setup.ts) watches each as it is served and writes what they stored for this test to read. The claim
 * is about what the run prints and writes, not how requests reach the mock: a mock host in this process, reached over
 * loopback HTTP, cost ~2.5 s of CPU more (fastify's HTTP server here, undici and sockets in the worker) and put the
 * host on the run's main thread, beside vitest's reporters.
 */

const FAULTS = ['totp.accept-any-code', 'factors.drop-links'];

let dir: string;
/** The run's extra setup: its config and what the worker writes. */
let watchDir: string;

beforeAll(async () => {
  dir = await runFolder('mfa-conformance-secrets-');
  watchDir = await runFolder('mfa-conformance-secrets-watch-');
});

afterAll(async () => {
  for (const folder of [dir, watchDir]) if (folder) await rm(folder, { recursive: true, force: true });
});

/**
 * A config for the run: the suites' own (compiled or not, as suiteLocation takes them) with the watching setup file
 * added, the mock's modules named as the suites load them.
 */
async function watchedRunConfig(): Promise<string> {
  const plan: OrgSecretsWatchPlan = {
    dir: watchDir,
    modules: {
      orgRoutes: productModuleUrl('mock-org/core/org-routes'),
      org: productModuleUrl('mock-org/org'),
      yubikeyTokens: productModuleUrl('mock-org/okta-factors/yubikey/tokens'),
    },
  };
  process.env.MFA_ORG_SECRETS = JSON.stringify(plan);
  const base = join(ROOT, suiteLocation().configFile ?? 'vitest.suites.config.ts');
  const config = join(watchDir, 'vitest.config.mjs');
  const setup = join(ROOT, 'test/secrets/org-secrets-setup.ts');
  await writeFile(
    config,
    `import base from ${JSON.stringify(pathToFileURL(base).href)};\n` +
      `export default { ...base, test: { ...base.test, setupFiles: [...base.test.setupFiles, ${JSON.stringify(setup)}] } };\n`,
  );
  return config;
}

/** What the run's workers saw their orgs store. */
async function seenByWorkers(): Promise<SeenOrgSecrets> {
  const seen: SeenOrgSecrets = { orgs: 0, secrets: [] };
  for (const file of await readdir(watchDir)) {
    if (!file.startsWith('org-secrets-')) continue;
    const worker = JSON.parse(await readFile(join(watchDir, file), 'utf8')) as SeenOrgSecrets;
    seen.orgs += worker.orgs;
    seen.secrets.push(...worker.secrets);
  }
  return seen;
}

test('no secret of the run reaches stdout, stderr, the summary, JUnit or Allure', async () => {
  const configFile = await watchedRunConfig();
  const { outcome, stdout, stderr, allureFiles } = await runWithEveryOutput(dir, { target: { kind: 'mock', faults: FAULTS }, configFile }).finally(
    () => delete process.env.MFA_ORG_SECRETS,
  );

  // The faults make checks fail, so failure output (with response bodies) was printed and attached.
  expect(outcome.exitCode).toBe(1);
  expect(stdout).toContain('×');
  expect(stderr).toMatch(/CheckFailure/);
  expect(allureFiles.some((f) => f.endsWith('-attachment.json'))).toBe(true);

  // Enough secrets were seen to make the test meaningful: tokens, passwords, shared secrets, seeds.
  const { orgs, secrets } = await seenByWorkers();
  expect(orgs).toBeGreaterThan(10);
  expect(new Set(secrets).size).toBeGreaterThan(50);

  const outputs = await collectOutputs(stdout, stderr, dir, allureFiles);
  expectNoSecretIn(outputs, secrets, [
    // Passcodes are 6-digit numbers: look for them where they would stand, as JSON fields.
    ['a passCode reached', /"passCode"\s*:\s*"\d{6}"/],
    ['a password reached', /"value"\s*:\s*"Mc1-/],
  ]);
}, 240_000);
