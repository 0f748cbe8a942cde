/**
 * Email codes through an adapter: a target that brings sms and call codes through the telephony inline hook but
 * has no email adapter (here a mock without the control protocol, whose outbox would be one) has its email checks
 * that need codes skipped with the reason, not failed.
 */
import { createServer } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import type { RunSummary } from '../../reports/summary.js';
import { captureIO } from '../cli/capture-io.js';
import { suiteLocation } from '../support/compiled-suites.js';

const HOOK_SECRET = 'hook-secret-email-adapter-0123456789';
let dir: string;
let mock: RunningMockOrg;
let port: number;

/** A port free right now, for the harness's hook listener. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-email-adapter-'));
  port = await freePort();
  mock = await startMockOrg({ control: false, telephonyHook: { url: `http://127.0.0.1:${port}/telephony`, secret: HOOK_SECRET } });
});
afterAll(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

test('with a telephony hook and no email adapter, email checks that need codes skip with the reason', async () => {
  const io = captureIO({ cwd: dir, env: { MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET: HOOK_SECRET }, suites: suiteLocation() });
  const code = await runCli(
    ['run', '-q', '--target', mock.url, '--token', mock.token, '--telephony-hook-port', String(port), '--allow-target', '127.0.0.1', '--json', 'summary.json', 'suites/okta-factors/email'],
    io,
  );
  expect(code, io.out() + io.err()).toBe(0);
  const summary = JSON.parse(await readFile(join(dir, 'summary.json'), 'utf8')) as RunSummary;
  expect(summary.driver).toBe('okta');
  const noAdapter = summary.checks.filter((c) => c.skipReason === 'no email adapter: the target delivers only sms and call codes to the harness');
  expect(noAdapter.length).toBeGreaterThan(0);
  expect(noAdapter.some((c) => c.requirements.includes('FACTORS.EMAIL.VERIFY.GOOD_CODE'))).toBe(true);
  // the email checks that need no code still ran
  expect(summary.checks.some((c) => c.state === 'passed' && c.requirements.includes('FACTORS.EMAIL.ENROLL.UNVERIFIED_ADDRESS'))).toBe(true);
  expect(summary.totals.failed).toBe(0);
  expect(io.out()).not.toContain(HOOK_SECRET);
}, 240_000);
