/**
 * The run path against a fixture suite with known outcomes (test/fixtures/summary-suite):
 * vitest's Node API, the summary reporter on real TestCase objects, the target handed over by provide/inject,
 * the files written, and redaction of a target's token from everything printed and written.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REDACTED } from '../../drivers/redact.js';
import { runSuites, type SuiteLocation, type SuiteRunOutcome } from '../../cli/run-suites.js';
import { FIXTURE_REQUIREMENTS } from '../fixtures/summary-suite/catalog.js';
import { captureIO } from './capture-io.js';

const fixture: SuiteLocation = {
  root: fileURLToPath(new URL('../fixtures/summary-suite/', import.meta.url)),
  configFile: 'vitest.fixture.config.ts',
  requirements: FIXTURE_REQUIREMENTS,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a full run of the fixture suite against the embedded mock', () => {
  let outcome: SuiteRunOutcome;
  beforeAll(async () => {
    outcome = await runSuites({
      ...fixture,
      target: { kind: 'mock', faults: ['totp.allow-replay'] },
      outputs: { json: join(dir, 'full', 'summary.json'), markdown: join(dir, 'full', 'report.md'), junit: join(dir, 'full', 'junit.xml') },
    });
  });

  test('judges each requirement from the real test results', () => {
    const results = Object.fromEntries(outcome.summary.requirements.map((r) => [r.id, [r.result, r.reason]]));
    expect(results).toEqual({
      'FIX.PASS': ['pass', undefined],
      'FIX.FAIL': ['fail', undefined],
      'FIX.SKIP': ['skip', 'driver lacks capability clock'],
      'FIX.TARGET': ['pass', undefined],
      'FIX.NONE': ['skip', 'no check ran'],
    });
    expect(outcome.summary.requirements.find((r) => r.id === 'FIX.FAIL')).toMatchObject({
      checks: ['fails', 'passes beside a failure'],
      failedChecks: ['fails'],
    });
  });

  test('counts every check, including the one naming no requirement, and sums HTTP requests', () => {
    expect(outcome.summary.totals).toEqual({ checks: 7, passed: 5, failed: 1, blocked: 0, skipped: 1 });
    expect(outcome.summary.httpRequests).toBe(5);
    const failed = outcome.summary.checks.find((c) => c.name === 'fails');
    expect(failed).toMatchObject({
      module: 'checks.fixture.ts',
      state: 'failed',
      errors: ['arithmetic: expected 2 to be 3 // Object.is equality'],
      failureKind: 'assertion',
    });
    expect(outcome.summary.failureKinds).toEqual({ assertion: 1 });
  });

  test('the unknown requirement id is an error of the run, and the run exits 1', () => {
    expect(outcome.summary.errors).toEqual([
      expect.objectContaining({ kind: 'unknown-requirement', requirement: 'FIX.UNKNOWN', checks: ['names a requirement missing from the catalog'] }),
    ]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.summary).toMatchObject({ ok: false, driver: 'mock', target: 'embedded mock org (faults: totp.allow-replay)' });
    expect(outcome.summary.harnessVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('writes the JSON summary, the Markdown report and the JUnit report', async () => {
    expect(JSON.parse(await readFile(join(dir, 'full', 'summary.json'), 'utf8'))).toEqual(outcome.summary);
    const markdown = await readFile(join(dir, 'full', 'report.md'), 'utf8');
    expect(markdown).toContain('## Okta Factors API');
    expect(markdown).toMatch(/\| FAIL \| MUST \| `FIX\.FAIL` .* failed: fails \|/);
    const junit = await readFile(join(dir, 'full', 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites [^>]*tests="7" failures="1"/);
    expect(junit).toMatch(/<testcase classname="checks\.fixture\.ts" name="fails"[^>]*>\s*<failure type="assertion" message="arithmetic: expected 2 to be 3/);
    expect(junit).toMatch(/<testcase [^>]*name="skips with a reason"[^>]*>\s*<skipped message="driver lacks capability clock"\/>/);
  });

  test('leaves process.exitCode and MFA_CONFORMANCE_TARGET as they were', () => {
    expect(process.exitCode ?? 0).toBe(0);
    expect(process.env.MFA_CONFORMANCE_TARGET).toBeUndefined();
  });
});

test('-t runs only the matching checks; the others leave their requirements skipped with "no check ran"', async () => {
  const { summary, exitCode } = await runSuites({ ...fixture, target: { kind: 'mock', faults: ['totp.allow-replay'] }, testNamePattern: 'passes' });
  expect(summary.totals).toEqual({ checks: 7, passed: 2, failed: 0, blocked: 0, skipped: 5 });
  expect(summary.requirements.map((r) => [r.id, r.result, r.reason])).toEqual([
    ['FIX.PASS', 'pass', undefined],
    ['FIX.FAIL', 'pass', undefined],
    ['FIX.SKIP', 'skip', 'no check ran'],
    ['FIX.TARGET', 'skip', 'no check ran'],
    ['FIX.NONE', 'skip', 'no check ran'],
  ]);
  expect(summary.errors).toEqual([]);
  expect(exitCode).toBe(0);
});

test("an http target's token never reaches vitest's output, the summary or the report files", async () => {
  const token = 'ssws-token-that-must-not-leak-0123';
  const io = captureIO();
  const { summary } = await runSuites({
    ...fixture,
    target: { kind: 'http', baseUrl: 'https://org.example/', token },
    testNamePattern: 'sees the target',
    progress: true,
    stdout: io.stdout,
    stderr: io.stderr,
    outputs: { json: join(dir, 'http', 'summary.json'), junit: join(dir, 'http', 'junit.xml') },
  });
  // the fixture check printed the token and failed with it in its message
  expect(summary.checks.find((c) => c.name === 'sees the target')?.errors).toEqual([
    `request failed with Authorization: SSWS ${REDACTED}`,
  ]);
  expect(summary.target).toBe('https://org.example');
  const printed = io.out() + io.err();
  expect(printed).toContain(`token is ${REDACTED}`);
  for (const text of [printed, JSON.stringify(summary), await readFile(join(dir, 'http', 'summary.json'), 'utf8'), await readFile(join(dir, 'http', 'junit.xml'), 'utf8')]) {
    expect(text).not.toContain(token);
  }
});

test('a filter that matches no suite file is an error of the run, not a pass', async () => {
  const { summary, exitCode } = await runSuites({ ...fixture, target: { kind: 'mock' }, filters: ['no-such-suite'], stderr: captureIO().stderr });
  expect(summary.errors).toEqual([{ kind: 'no-suites', message: 'no test file matched the filters' }]);
  expect(summary.totals.checks).toBe(0);
  expect(exitCode).toBe(1);
});
