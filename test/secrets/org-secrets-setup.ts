import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll } from 'vitest';
import { OrgSecretWatch, type MockModules } from './org-secrets.js';

/**
 * A setup file of the suite run no-secret-leak.test.ts makes (org-secrets.ts): in the suite worker, every org its
 * mock apps serve is watched from the first suite file on, and after each suite file the secrets seen so far are
 * written to `org-secrets-<thread>.json` in the folder MFA_ORG_SECRETS names, for the test to read after the run.
 */

/** What the test hands the run's worker (MFA_ORG_SECRETS, JSON). */
export interface OrgSecretsWatchPlan {
  /** Where each worker writes what it saw. */
  dir: string;
  /** The mock's modules the suites load: OrgApp's, MockOrg's and YUBIKEY_TOKENS's. */
  modules: { orgRoutes: string; org: string; yubikeyTokens: string };
}

const plan = JSON.parse(process.env.MFA_ORG_SECRETS ?? 'null') as OrgSecretsWatchPlan | null;
if (!plan) throw new Error('MFA_ORG_SECRETS names no folder: this setup file is for no-secret-leak.test.ts');

/** One watch per worker thread: a setup file runs again for each suite file. */
const WATCH = Symbol.for('mfa-conformance.test.org-secrets');
const worker = globalThis as typeof globalThis & { [WATCH]?: OrgSecretWatch };

async function mockModules(modules: OrgSecretsWatchPlan['modules']): Promise<MockModules> {
  const [{ OrgApp }, { MockOrg }, { YUBIKEY_TOKENS }] = await Promise.all([
    import(modules.orgRoutes) as Promise<typeof import('../../mock-org/core/org-routes.js')>,
    import(modules.org) as Promise<typeof import('../../mock-org/org.js')>,
    import(modules.yubikeyTokens) as Promise<typeof import('../../mock-org/okta-factors/yubikey/tokens.js')>,
  ]);
  return { OrgApp, MockOrg, YUBIKEY_TOKENS };
}

if (!worker[WATCH]) {
  const watch = new OrgSecretWatch(await mockModules(plan.modules));
  watch.watchServedOrgs();
  worker[WATCH] = watch;
}
const watch = worker[WATCH];

afterAll(async () => {
  await writeFile(join(plan.dir, `org-secrets-${threadId}.json`), JSON.stringify(watch.seen()));
});
