/** `mfa-conformance run` from the command line to the printed summary and exit code, on the fixture suite. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('exit 1 when a check failed; the summary names the failed requirement and its check, and the skip reasons', async () => {
  const io = captureIO({ cwd: dir, suites });
  const code = await runCli(['run', '--quiet', '--fault', 'totp.allow-replay', '--json', 'out/summary.json', '--markdown', 'out/report.md'], io);
  expect(code).toBe(1);
  const out = io.out();
  expect(out).toMatch(/^Checks: +7 — 5 passed, 1 failed, 0 blocked, 1 skipped/m);
  expect(out).toMatch(/^Requirements: 5 — 2 pass, 1 fail, 0 blocked, 2 skip$/m);
  expect(out).toMatch(/^ {2}FAIL FIX\.FAIL \(MUST\) Fails\n {7}✗ fails\n {9}arithmetic: expected 2 to be 3/m);
  expect(out).toContain('  SKIP (driver lacks capability clock): FIX.SKIP');
  expect(out).toContain('  SKIP (no check ran): FIX.NONE');
  expect(out).toContain('unknown-requirement: requirement FIX.UNKNOWN is named by 1 check but is not in the catalog');
  expect(out).toContain(`JSON summary: ${join(dir, 'out', 'summary.json')}`);
  const summary = JSON.parse(await readFile(join(dir, 'out', 'summary.json'), 'utf8')) as { totals: unknown };
  expect(summary.totals).toEqual({ checks: 7, passed: 5, failed: 1, blocked: 0, skipped: 1 });
  expect(await readFile(join(dir, 'out', 'report.md'), 'utf8')).toContain('# MFA conformance report');
});

test('exit 0 when no check failed (here: -t keeps only passing checks)', async () => {
  const io = captureIO({ cwd: dir, suites });
  const code = await runCli(['run', '-q', '--fault', 'totp.allow-replay', '-t', 'passes'], io);
  expect(code).toBe(0);
  expect(io.out()).toContain('Result: PASS');
});

test('report renders the Markdown report of a saved summary', async () => {
  const io = captureIO({ cwd: dir, suites });
  await runCli(['run', '-q', '--fault', 'totp.allow-replay', '--json', 'again.json'], io);
  const report = captureIO({ cwd: dir });
  expect(await runCli(['report', 'again.json'], report)).toBe(0);
  expect(report.out()).toMatch(/^# MFA conformance report\n/);
  expect(report.out()).toContain('| Target | embedded mock org (faults: totp.allow-replay) |');
});
