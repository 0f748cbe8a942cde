/**
 * `run` with a baseline, --update-baseline, --replay, --only-failed and plain progress lines in CI, and `compare`,
 * on the fixture suite (FIX.FAIL's 'fails' check always fails).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { FIXTURE_REQUIREMENTS } from '../fixtures/summary-suite/catalog.js';
import { captureIO } from './capture-io.js';

const suites = {
  root: fileURLToPath(new URL('../fixtures/summary-suite/', import.meta.url)),
  configFile: 'vitest.fixture.config.ts',
  requirements: FIXTURE_REQUIREMENTS,
};
const FAULT = ['--fault', 'totp.allow-replay'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-baseline-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  const io = captureIO({ cwd: dir, suites, env });
  const code = await runCli(['run', ...FAULT, ...args], io);
  return { code, out: io.out() };
}

const baseline = async (name: string, entries: object[]): Promise<string> => {
  await writeFile(join(dir, name), JSON.stringify({ expectedFailures: entries }));
  return name;
};

test('run --baseline passes with known failures, fails on a new one, and reports an expected failure that did not happen', async () => {
  const known = await run(['-q', '-t', 'fails', '--baseline', await baseline('known.json', [{ requirement: 'FIX.FAIL', reason: 'known bug' }])]);
  expect(known.code).toBe(0);
  expect(known.out).toContain('expected FIX.FAIL: known bug');
  expect(known.out).toContain('Result with baseline: PASS (no new failure)');

  const none = await run(['-q', '-t', 'fails', '--baseline', await baseline('empty.json', [])]);
  expect(none.code).toBe(1);
  expect(none.out).toContain('NEW FAIL FIX.FAIL: arithmetic: expected 2 to be 3');

  const stale = await run(['-q', '-t', 'fails', '--baseline', await baseline('stale.json', [{ requirement: 'FIX.FAIL', reason: 'r' }, { check: 'passes', reason: 'was flaky' }])]);
  expect(stale.code).toBe(0);
  expect(stale.out).toContain('expected failure did not happen: check "passes" (fixed? remove it from the baseline)');

  const expired = await run(['-q', '-t', 'fails', '--baseline', await baseline('expired.json', [{ requirement: 'FIX.FAIL', reason: 'r', expires: '2020-01-01' }])]);
  expect(expired.code).toBe(1);
  expect(expired.out).toMatch(/EXPIRED +FIX\.FAIL \(expired 2020-01-01\)/);
}, 60_000);

test('run --update-baseline writes the failures of the run', async () => {
  const { out } = await run(['-q', '-t', 'fails', '--update-baseline', 'written.json']);
  expect(out).toContain(`Baseline: ${join(dir, 'written.json')} (1 expected failures)`);
  const written = JSON.parse(await readFile(join(dir, 'written.json'), 'utf8')) as unknown;
  expect(written).toEqual({ expectedFailures: [{ requirement: 'FIX.FAIL', reason: 'arithmetic: expected 2 to be 3 // Object.is equality' }] });
}, 30_000);

test('compare names the newly failing requirement (exit 1), and nothing newly failing exits 0', async () => {
  await run(['-q', '-t', 'passes', '--json', 'before.json']);
  await run(['-q', '-t', 'fails', '--json', 'after.json']);
  const worse = captureIO({ cwd: dir });
  expect(await runCli(['compare', 'before.json', 'after.json'], worse)).toBe(1);
  expect(worse.out()).toMatch(/^ {2}NEWLY FAILING FIX\.FAIL: pass → fail$/m);
  const better = captureIO({ cwd: dir });
  expect(await runCli(['compare', 'after.json', 'before.json'], better)).toBe(0);
  expect(better.out()).toMatch(/^ {2}changed {7}FIX\.FAIL: fail → pass$/m);
}, 60_000);

test('--only-failed re-runs the failures of a summary; --replay one check by name; CI=true prints plain lines and the table', async () => {
  // The whole fixture run in CI also writes the summary --only-failed reads (one run for both).
  const ci = await run(['--json', 'all.json'], { CI: 'true' });
  expect(ci.out).toMatch(/^ {4}✗ fails: arithmetic: expected 2 to be 3/m);
  expect(ci.out).toContain('By family and factor type (requirements):');
  expect(ci.out).not.toContain('\x1b[2K');

  const again = await run(['-q', '--only-failed', 'all.json']);
  expect(again.out).toMatch(/^Checks: +7 — 0 passed, 1 failed, 0 blocked, 6 skipped/m);

  const replay = await run(['--replay', 'passes beside a failure'], { CI: 'true' });
  expect(replay.code).toBe(0);
  expect(replay.out).toMatch(/^ {2}✓ checks\.fixture\.ts: 7 checks, 0 failed, 6 skipped or blocked/m);
  expect(replay.out).toMatch(/^ {2}Okta Factors API +basics +1 +0 +0 +1$/m);
}, 60_000);

test('on a terminal (not CI) the progress is one live line rewritten in place', async () => {
  const io = captureIO({ cwd: dir, suites, env: {} });
  Object.assign(io.stdout, { isTTY: true });
  await runCli(['run', ...FAULT], io);
  expect(io.out()).toMatch(/\r\x1b\[2K {2}7\/7 checks · 1 failed · \d+\.\d s/);
  expect(io.out()).not.toMatch(/^ {2}✗ checks\.fixture\.ts/m);
}, 30_000);

test('--bail 1 stops the run at the first failed check', async () => {
  const bailed = await run(['-q', '--bail', '1', '--json', 'bailed.json']);
  expect(bailed.code).toBe(1);
  const summary = JSON.parse(await readFile(join(dir, 'bailed.json'), 'utf8')) as { totals: { failed: number; passed: number } };
  expect(summary.totals.failed).toBe(1);
  // 'fails' is the second check of the file: what follows it does not run
  expect(summary.totals.passed).toBeLessThan(5);
}, 30_000);
