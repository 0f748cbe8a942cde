/**
 * Capability detection from the org: a target whose factor catalog lacks a factor type (here a mock without the
 * control protocol, like a real org, whose policy has the question factor disabled) has the checks of that type
 * skipped with the reason, while the checks of a type it offers run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import type { RunSummary } from '../../reports/summary.js';
import { captureIO } from '../cli/capture-io.js';
import { suiteLocation } from '../support/compiled-suites.js';

let dir: string;
let mock: RunningMockOrg;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-catalog-'));
  mock = await startMockOrg({ control: false });
  expect(mock.org.policy.apply([{ factorType: 'question', provider: 'OKTA', enrollment: 'DISABLED' }])).toEqual([]);
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

test('checks of a factor type the org does not offer are skipped with the reason; the others run', async () => {
  const io = captureIO({ cwd: dir, suites: suiteLocation() });
  const code = await runCli(
    ['run', '-q', '--target', mock.url, '--token', mock.token, '--allow-target', '127.0.0.1', '--json', 'summary.json', 'suites/okta-factors/question', 'suites/okta-factors/totp'],
    io,
  );
  expect(code, io.out() + io.err()).toBe(0);
  const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as RunSummary;
  const question = summary.checks.filter((c) => c.requirements.some((id) => id.startsWith('FACTORS.QUESTION.')));
  const totp = summary.checks.filter((c) => c.requirements.some((id) => id.startsWith('FACTORS.TOTP.')));
  expect(question.length).toBeGreaterThan(0);
  for (const c of question) {
    expect(c.state, c.name).toBe('skipped');
    expect(c.skipReason, c.name).toBe("target does not offer the question / OKTA factor (not in a fresh test user's factor catalog)");
  }
  // totp is offered: its checks that need no control capability ran and passed
  expect(totp.filter((c) => c.state === 'passed').length).toBeGreaterThan(0);
  expect(totp.some((c) => c.skipReason?.includes('does not offer'))).toBe(false);
  // the user created to read the catalog was removed
  expect([...mock.org.store.users.values()].filter((u) => u.status !== 'DEPROVISIONED')).toHaveLength(0);
}, 240_000);
