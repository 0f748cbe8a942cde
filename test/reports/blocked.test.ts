/**
 * BLOCKED, end to end: with TOTP enrollment broken (fault `totp.enroll-fails`), the enroll requirement FAILs
 * and every requirement whose checks need an enrolled TOTP factor is BLOCKED by it, not FAIL, in the summary,
 * the Markdown report, JUnit and Allure; the run is not ok.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runSuites, type SuiteRunOutcome } from '../../cli/run-suites.js';
import { ALLURE_CATEGORIES } from '../../reports/allure-categories.js';
import { suiteLocation } from '../support/compiled-suites.js';

const ENROLL = 'FACTORS.TOTP.ENROLL.PENDING';
const NEED_AN_ENROLLED_FACTOR = [
  'FACTORS.TOTP.ENROLL.LINKS',
  'FACTORS.TOTP.ACTIVATE.GOOD_CODE',
  'FACTORS.TOTP.ACTIVATE.BAD_CODE',
  'FACTORS.TOTP.VERIFY.GOOD_CODE',
  'FACTORS.TOTP.VERIFY.BAD_CODE',
  'FACTORS.TOTP.VERIFY.REPLAY',
  'FACTORS.TOTP.VERIFY.TIME_WINDOW',
];

let dir: string;
let outcome: SuiteRunOutcome;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-blocked-'));
  outcome = await runSuites({
    ...suiteLocation(),
    target: { kind: 'mock', faults: ['totp.enroll-fails'] },
    filters: ['suites/okta-factors/totp'],
    outputs: { json: join(dir, 'summary.json'), markdown: join(dir, 'report.md'), junit: join(dir, 'junit.xml'), allure: join(dir, 'allure') },
  });
}, 240_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const result = (id: string) => outcome.summary.requirements.find((r) => r.id === id);

test('the enroll requirement FAILs, with the failure kind of what broke (HTTP status)', () => {
  expect(result(ENROLL)?.result).toBe('fail');
  const failed = outcome.summary.checks.filter((c) => c.state === 'failed');
  expect(failed.length).toBeGreaterThan(0);
  for (const check of failed) {
    expect(check.requirements, check.name).toEqual([ENROLL]);
    expect(check.failureKind, check.name).toBe('status');
    expect(check.errors?.[0], check.name).toMatch(/^\[status\] HTTP 500, expected 200/);
  }
});

test('the activate and verify requirements are BLOCKED by the enroll requirement, not FAIL', () => {
  for (const id of NEED_AN_ENROLLED_FACTOR) {
    expect(result(id), id).toMatchObject({ result: 'blocked' });
    expect(result(id)?.failedChecks, id).toBeUndefined();
    for (const blocked of result(id)?.blockedBy ?? []) {
      expect(blocked, id).toMatchObject({ by: ENROLL, precondition: expect.stringMatching(/pending token:software:totp factor/) });
      expect(blocked.message).toMatch(/^\[status\] HTTP 500/);
    }
  }
  const { totals, requirementTotals } = outcome.summary;
  expect(totals.blocked).toBeGreaterThanOrEqual(NEED_AN_ENROLLED_FACTOR.length * 2);
  expect(requirementTotals.fail).toBe(1);
  expect(requirementTotals.blocked).toBeGreaterThanOrEqual(NEED_AN_ENROLLED_FACTOR.length);
  expect(outcome.summary.ok).toBe(false);
  expect(outcome.exitCode).toBe(1);
});

test('Markdown and JUnit say BLOCKED and by what; the failure is grouped and typed by its kind', async () => {
  const markdown = await readFile(join(dir, 'report.md'), 'utf8');
  expect(markdown).toMatch(/\| BLOCKED \| MUST \| `FACTORS\.TOTP\.ACTIVATE\.GOOD_CODE` .*BLOCKED by precondition '.*' \(FACTORS\.TOTP\.ENROLL\.PENDING\)/);
  expect(markdown).toContain('### status (');
  const junit = await readFile(join(dir, 'junit.xml'), 'utf8');
  expect(junit).toMatch(/<failure type="status" message="\[status\] HTTP 500, expected 200/);
  expect(junit).toMatch(/<skipped message="BLOCKED by precondition [^"]*\(FACTORS\.TOTP\.ENROLL\.PENDING\)/);
});

test('Allure: categories by failure kind, and blocked checks tagged BLOCKED with the precondition as a broken step', async () => {
  const files = await readdir(join(dir, 'allure'));
  const categories = JSON.parse(await readFile(join(dir, 'allure', 'categories.json'), 'utf8')) as unknown[];
  expect(categories).toEqual(ALLURE_CATEGORIES);
  // the environment names the engine (Classic or Identity Engine) beside the harness and the target
  expect(await readFile(join(dir, 'allure', 'environment.properties'), 'utf8')).toMatch(/^engine ?= ?Classic \(embedded mock org\)$/m);
  const results = await Promise.all(
    files.filter((f) => f.endsWith('-result.json')).map(async (f) => JSON.parse(await readFile(join(dir, 'allure', f), 'utf8')) as AllureResult),
  );
  const blocked = results.filter((r) => r.labels.some((l) => l.name === 'tag' && l.value === 'BLOCKED'));
  expect(blocked.length).toBe(outcome.summary.totals.blocked);
  for (const r of blocked) {
    expect(r.status).toBe('skipped');
    expect(r.steps.some((s) => s.status === 'broken' && s.name.startsWith('given '))).toBe(true);
  }
  const failed = results.filter((r) => r.status === 'failed');
  expect(failed.length).toBe(outcome.summary.totals.failed);
  const statusCategory = ALLURE_CATEGORIES.find((c) => c.name === 'Wrong HTTP status');
  for (const r of failed) expect(r.statusDetails?.message).toMatch(new RegExp(`^(?:${statusCategory?.messageRegex})$`));
});

interface AllureResult {
  status: string;
  labels: { name: string; value: string }[];
  steps: { name: string; status: string }[];
  statusDetails?: { message?: string };
}
