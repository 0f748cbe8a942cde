import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunSummary } from '../../reports/summary.js';
import { checkRequestsOf, intrusions, overlappingChecks } from './check-requests.js';

/**
 * The built command, as a user runs it: `mfa-conformance mock` in one process, then
 * `mfa-conformance run --target … --token …` against it; passing as served, failing once a fault is switched on through
 * the control protocol. One org: the files take turns, and the checks of a file run concurrently (--concurrency), a
 * check that moves the clock or changes a policy alone.
 *
 * Two mocks, so that the whole suite's run (the longest, on the first) and the runs one after another and with a fault
 * (on the second, in turn) go on at once instead of adding up. The results of the first two are compared once both
 * have ended.
 */

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

interface StartedMock {
  child: ChildProcess;
  url: string;
  token: string;
  /** The IdentityNow tenant the mock announces, handed to run as the SailPoint SDK names it (SAIL_*). */
  sailEnv: Record<string, string>;
  /** The mock's Duo account, as it printed it (the duo-auth suites run against it). */
  duo: Record<string, string>;
}

/** The summaries of the whole suite's run and of the run one after another (in dir), compared once both ended. */
const WHOLE_JSON = 'clean.json';
const SEQUENTIAL_JSON = 'sequential.json';

/** The mock of the whole suite's run. */
let whole: StartedMock;
/** The mock of the runs one after another and with a fault. */
let second: StartedMock;
let dir: string;

async function startMock(): Promise<StartedMock> {
  const child = spawn(process.execPath, [CLI, 'mock'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`mock exited early with ${code}`)));
  });
  const line = JSON.parse(firstLine) as { url: string; token: string; identityNow: { baseUrl: string; clientId: string; clientSecret: string }; duo: Record<string, string> };
  const sailEnv = { SAIL_BASE_URL: line.identityNow.baseUrl, SAIL_CLIENT_ID: line.identityNow.clientId, SAIL_CLIENT_SECRET: line.identityNow.clientSecret };
  return { child, url: line.url, token: line.token, sailEnv, duo: line.duo };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-e2e-'));
  [whole, second] = await Promise.all([startMock(), startMock()]);
}, 30_000);

afterAll(async () => {
  for (const mock of [whole, second]) if (mock?.child.exitCode === null) mock.child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

function run(mock: StartedMock, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'run', '--target', mock.url, '--token', mock.token, '--allow-target', '127.0.0.1', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...mock.sailEnv, CI: 'true', MFA_CONFORMANCE_DUO: JSON.stringify(mock.duo) },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function summaryOf(file: string): Promise<RunSummary> {
  return JSON.parse(await readFile(file, 'utf8')) as RunSummary;
}

test('mock prints one JSON line with a loopback url and a token', () => {
  for (const mock of [whole, second]) {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.token.length).toBeGreaterThan(20);
  }
});

/** The requirements and their results, in the summary's order. */
function resultsOf(summary: RunSummary): [string, string][] {
  return summary.requirements.map((r) => [r.id, r.result]);
}

test.concurrent('run against the separately started mock passes, with every check run, checks concurrently', async () => {
  const json = join(dir, WHOLE_JSON);
  const allure = join(dir, 'allure-concurrent');
  const { code, out } = await run(whole, ['--json', json, '--concurrency', '4', '--allure-dir', allure]);
  expect(code, out).toBe(0);
  const summary = await summaryOf(json);
  expect(summary.driver).toBe('http');
  expect(summary.totals.failed).toBe(0);
  // The mock serves the control protocol behind the same token: nothing needed skipping.
  expect(summary.totals.skipped).toBe(0);
  expect(summary.totals.passed).toBe(summary.totals.checks);
  expect(out).not.toContain(whole.token);
  expect(out).not.toContain(whole.sailEnv.SAIL_CLIENT_SECRET);
  expect(summary.requirements.some((r) => r.family === 'SailPoint IdentityNow MFA API' && r.result === 'pass')).toBe(true);
  expect(out).not.toContain(whole.duo.skey);
  expect(out).not.toContain(whole.duo.adminSkey);

  // The checks overlapped: requests of different checks were in flight together.
  const checks = await checkRequestsOf(allure);
  expect(checks).toHaveLength(summary.totals.checks);
  expect(overlappingChecks(checks).length).toBeGreaterThan(0);
  // A check that moves the clock or changes a policy ran alone: no other check's request from its first to its last.
  const exclusive = checks.filter((c) => c.exclusive && c.requests.length > 0);
  expect(exclusive.map((c) => c.name)).toEqual(expect.arrayContaining([expect.stringContaining('FACTORS.TOTP.')]));
  expect(intrusions(checks)).toEqual([]);
}, 480_000);

// On the second mock, in turn: as served, then with a fault on.
describe.concurrent('the second mock', () => {
  test.sequential('one after another (--concurrency 1): passes, no overlap', async () => {
    // On files that mix shared and exclusive checks (the whole suite one after another is npm test's own run).
    const sequentialAllure = join(dir, 'allure-sequential');
    const mixed = ['suites/okta-factors/totp', 'suites/okta-factors/yubikey', 'suites/identitynow-mfa/config', 'suites/okta-authn/transaction'];
    const sequential = await run(second, ['--json', join(dir, SEQUENTIAL_JSON), '--concurrency', '1', '--allure-dir', sequentialAllure, ...mixed]);
    expect(sequential.code, sequential.out).toBe(0);
    expect(overlappingChecks(await checkRequestsOf(sequentialAllure))).toEqual([]);
  }, 480_000);

  test.sequential('with a fault switched on through the control protocol, run exits 1 naming what broke', async () => {
    const res = await fetch(`${second.url}/__control/v1/faults`, {
      method: 'POST',
      headers: { authorization: `SSWS ${second.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ enable: ['totp.accept-any-code'] }),
    });
    expect(res.status).toBe(200);
    const json = join(dir, 'faulty.json');
    // The suite that covers this fault is enough to show the exit code; the clean runs ran them all.
    // Its checks run concurrently: the fault still fails what it names.
    const { code, out } = await run(second, ['--json', json, '--concurrency', '4', 'suites/okta-factors/totp']);
    expect(code, out).toBe(1);
    const failed = (await summaryOf(json)).requirements.filter((r) => r.result === 'fail').map((r) => r.id);
    expect(failed).toEqual(expect.arrayContaining(['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE']));
    expect(out).toContain('FACTORS.TOTP.ACTIVATE.BAD_CODE');
    expect(out).not.toContain(second.token);
  }, 240_000);
});

test('the requirements of the run one after another end as in the concurrent run', async () => {
  const ran = resultsOf(await summaryOf(join(dir, SEQUENTIAL_JSON))).filter(([, result]) => result !== 'skip');
  expect(ran.length).toBeGreaterThan(40);
  expect(ran).toEqual(resultsOf(await summaryOf(join(dir, WHOLE_JSON))).filter(([id]) => ran.some(([ranId]) => ranId === id)));
});

test('mock stops cleanly on SIGTERM', async () => {
  for (const mock of [whole, second]) {
    const exited = new Promise<number | null>((resolve) => mock.child.once('exit', resolve));
    mock.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});
