/** The output formats registry (reports/formats/) is what `run` and `report` offer, and `report` writes from a summary. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { OUTPUT_FORMATS } from '../../reports/formats/index.js';
import { buildSummary } from '../../reports/summary.js';
import { captureIO } from './capture-io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-formats-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('run --help lists every format of the registry with its help line; report lists those a summary can render', async () => {
  const run = captureIO();
  await runCli(['run', '--help'], run);
  for (const format of OUTPUT_FORMATS) expect(run.out()).toMatch(new RegExp(`^  --${format.flag} ${format.value} +${escape(format.help)}$`, 'm'));
  const report = captureIO();
  await runCli(['report', '--help'], report);
  for (const format of OUTPUT_FORMATS) {
    if (format.write) expect(report.out()).toContain(`--${format.flag} ${format.value}`);
    // Allure results are not rendered from a summary; report's --allure-dir reads them to build the HTML report
    else expect(report.out()).not.toContain(format.help);
  }
});

test('report writes JUnit and Markdown from a summary, BLOCKED included', async () => {
  const summary = buildSummary({
    requirements: [
      { id: 'R.ENROLL', level: 'MUST', family: 'okta-factors', feature: 'totp', story: 'enroll', title: 'enrolls', suite: 'suites/okta-factors/totp', source: { tag: 'F', section: '1', url: 'https://example.test/1' } },
      { id: 'R.VERIFY', level: 'MUST', family: 'okta-factors', feature: 'totp', story: 'verify', title: 'verifies', suite: 'suites/okta-factors/totp', source: { tag: 'F', section: '2', url: 'https://example.test/2' } },
    ],
    checks: [
      { name: 'enroll', module: 'totp.test.ts', state: 'failed', requirements: ['R.ENROLL'], errors: ['[status] HTTP 500, expected 200'], failureKind: 'status' },
      { name: 'verify', module: 'totp.test.ts', state: 'blocked', requirements: ['R.VERIFY'], blockedBy: { precondition: 'a pending factor', by: 'R.ENROLL', message: '[status] HTTP 500, expected 200' } },
    ],
    target: 'embedded mock org',
    driver: 'mock',
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 10,
  });
  await writeFile(join(dir, 'summary.json'), JSON.stringify(summary));
  const io = captureIO({ cwd: dir });
  expect(await runCli(['report', 'summary.json', '--junit', 'junit.xml', '--markdown', 'report.md'], io)).toBe(0);
  expect(io.out()).toBe('');
  const junit = await readFile(join(dir, 'junit.xml'), 'utf8');
  expect(junit).toContain('<testsuites name="mfa-conformance" tests="2" failures="1" errors="0" skipped="1"');
  expect(junit).toContain('<failure type="status" message="[status] HTTP 500, expected 200">');
  expect(junit).toContain(`<skipped message="BLOCKED by precondition 'a pending factor' (R.ENROLL): [status] HTTP 500, expected 200"/>`);
  expect(await readFile(join(dir, 'report.md'), 'utf8')).toMatch(/\| BLOCKED \| MUST \| `R\.VERIFY` /);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
