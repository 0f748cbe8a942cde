import { describe, expect, test } from 'vitest';
import type { FamilyId, Requirement } from '../../requirements/index.js';
import { buildSummary, NO_CHECK_RAN, type CheckRecord, type SummaryInput } from '../../reports/summary.js';

function requirement(id: string, family: FamilyId = 'okta-factors', feature = 'token:software:totp'): Requirement {
  return {
    id,
    level: 'MUST',
    family,
    feature,
    story: 'verify',
    title: `${id} holds`,
    source: { tag: 'F', section: id, url: `https://example.test/${id}` },
    suite: 'suites/okta-factors/totp',
  };
}

function check(name: string, state: CheckRecord['state'], requirements: string[], extra: Partial<CheckRecord> = {}): CheckRecord {
  return { name, module: 'suites/okta-factors/totp/totp.test.ts', state, requirements, ...extra };
}

function summarize(checks: CheckRecord[], requirements: Requirement[], extra: Partial<SummaryInput> = {}) {
  return buildSummary({
    requirements,
    checks,
    target: 'embedded mock org',
    driver: 'mock',
    startedAt: new Date('2026-01-02T03:04:05.000Z'),
    durationMs: 1234.4,
    ...extra,
  });
}

const byId = (summary: ReturnType<typeof summarize>, id: string) => summary.requirements.find((r) => r.id === id);

describe('buildSummary', () => {
  test('a requirement fails if any of its checks failed, even when another passed', () => {
    const summary = summarize(
      [check('good code', 'passed', ['R.A']), check('bad code', 'failed', ['R.A']), check('skipped', 'skipped', ['R.A'], { skipReason: 'x' })],
      [requirement('R.A')],
    );
    expect(byId(summary, 'R.A')).toMatchObject({
      result: 'fail',
      checks: ['good code', 'bad code', 'skipped'],
      failedChecks: ['bad code'],
    });
    expect(byId(summary, 'R.A')).not.toHaveProperty('reason');
    expect(summary.ok).toBe(false);
  });

  test('a requirement is blocked when a check of it was blocked and none failed, naming each distinct blocker once', () => {
    const blockedBy = { precondition: 'a pending TOTP factor', by: 'R.ENROLL', message: '[status] HTTP 500, expected 200' };
    const summary = summarize(
      [
        check('enroll', 'failed', ['R.ENROLL'], { errors: ['[status] HTTP 500, expected 200'], failureKind: 'status' }),
        check('activate (OKTA)', 'blocked', ['R.ACTIVATE'], { blockedBy }),
        check('activate (GOOGLE)', 'blocked', ['R.ACTIVATE'], { blockedBy }),
        check('verify', 'passed', ['R.VERIFY']),
        check('verify after activate', 'blocked', ['R.VERIFY'], { blockedBy }),
      ],
      [requirement('R.ENROLL'), requirement('R.ACTIVATE'), requirement('R.VERIFY')],
    );
    expect(byId(summary, 'R.ENROLL')).toMatchObject({ result: 'fail', failedChecks: ['enroll'] });
    expect(byId(summary, 'R.ACTIVATE')).toMatchObject({
      result: 'blocked',
      blockedChecks: ['activate (OKTA)', 'activate (GOOGLE)'],
      blockedBy: [blockedBy],
    });
    expect(byId(summary, 'R.VERIFY')).toMatchObject({ result: 'blocked', blockedChecks: ['verify after activate'] });
    expect(summary.totals).toEqual({ checks: 5, passed: 1, failed: 1, blocked: 3, skipped: 0 });
    expect(summary.requirementTotals).toEqual({ requirements: 3, pass: 0, fail: 1, blocked: 2, skip: 0 });
    expect(summary.failureKinds).toEqual({ status: 1 });
    expect(summary.checks[0]).toMatchObject({ failureKind: 'status' });
  });

  test('a blocked check alone makes the run not ok: its requirement is not proven', () => {
    const summary = summarize(
      [check('passes', 'passed', ['R.A']), check('blocked', 'blocked', ['R.B'], { blockedBy: { precondition: 'p', message: 'm' } })],
      [requirement('R.A'), requirement('R.B')],
    );
    expect(summary.ok).toBe(false);
    expect(summary.failureKinds).toEqual({});
  });

  test('a requirement passes when one check passed and none failed; skipped siblings do not matter', () => {
    const summary = summarize(
      [check('runs', 'passed', ['R.A']), check('needs clock', 'skipped', ['R.A'], { skipReason: 'driver lacks clock' })],
      [requirement('R.A')],
    );
    expect(byId(summary, 'R.A')).toMatchObject({ result: 'pass', checks: ['runs', 'needs clock'] });
    expect(byId(summary, 'R.A')).not.toHaveProperty('reason');
    expect(summary.ok).toBe(true);
  });

  test('a requirement whose checks were all skipped is skipped with their distinct reasons', () => {
    const summary = summarize(
      [
        check('one', 'skipped', ['R.A'], { skipReason: 'driver lacks clock' }),
        check('two', 'skipped', ['R.A'], { skipReason: 'driver lacks clock' }),
        check('three', 'skipped', ['R.A'], { skipReason: 'real time only (--real-time)' }),
        check('filtered', 'skipped', ['R.A']),
      ],
      [requirement('R.A')],
    );
    expect(byId(summary, 'R.A')).toMatchObject({
      result: 'skip',
      reason: 'driver lacks clock; real time only (--real-time)',
    });
  });

  test('"no check ran" when every check was filtered out, and for a catalog entry no check names', () => {
    const summary = summarize([check('filtered', 'skipped', ['R.A'])], [requirement('R.A'), requirement('R.B')]);
    expect(byId(summary, 'R.A')).toMatchObject({ result: 'skip', reason: NO_CHECK_RAN, checks: ['filtered'] });
    expect(byId(summary, 'R.B')).toMatchObject({ result: 'skip', reason: NO_CHECK_RAN, checks: [] });
    expect(summary.ok).toBe(true);
  });

  test('every catalog requirement appears, in catalog order, with its catalog data', () => {
    const catalog = [requirement('R.C', 'okta-authn', 'sms'), requirement('R.A'), requirement('R.B')];
    const summary = summarize([check('b', 'passed', ['R.B'])], catalog);
    expect(summary.requirements.map((r) => r.id)).toEqual(['R.C', 'R.A', 'R.B']);
    expect(summary.requirements[0]).toMatchObject({ family: 'Okta Authentication API', feature: 'sms', level: 'MUST', story: 'verify' });
    expect(summary.requirementTotals).toEqual({ requirements: 3, pass: 1, fail: 0, blocked: 0, skip: 2 });
  });

  test('a check naming an id absent from the catalog is an error of the run, and the run is not ok', () => {
    const summary = summarize(
      [check('typo', 'passed', ['R.TYPO']), check('also typo', 'passed', ['R.A', 'R.TYPO'])],
      [requirement('R.A')],
    );
    expect(summary.errors).toEqual([
      expect.objectContaining({ kind: 'unknown-requirement', requirement: 'R.TYPO', checks: ['typo', 'also typo'] }),
    ]);
    expect(summary.requirements.map((r) => r.id)).toEqual(['R.A']);
    expect(summary.ok).toBe(false);
  });

  test('a catalog listing an id twice is an error of the run; the requirement appears once', () => {
    const summary = summarize([], [requirement('R.A'), requirement('R.A')]);
    expect(summary.requirements).toHaveLength(1);
    expect(summary.errors).toEqual([expect.objectContaining({ kind: 'duplicate-requirement', requirement: 'R.A' })]);
  });

  test('checks that name no requirement still count in the totals', () => {
    const summary = summarize(
      [
        check('tagged', 'passed', ['R.A']),
        check('untagged pass', 'passed', []),
        check('untagged fail', 'failed', []),
        check('untagged skip', 'skipped', []),
      ],
      [requirement('R.A')],
    );
    expect(summary.totals).toEqual({ checks: 4, passed: 2, failed: 1, blocked: 0, skipped: 1 });
    expect(byId(summary, 'R.A')?.result).toBe('pass');
    expect(summary.ok).toBe(false);
  });

  test('a check naming the same requirement twice is listed once under it', () => {
    const summary = summarize([check('twice', 'passed', ['R.A', 'R.A'])], [requirement('R.A')]);
    expect(byId(summary, 'R.A')?.checks).toEqual(['twice']);
  });

  test('errors passed in make the run not ok even when every check passed', () => {
    const summary = summarize([check('ok', 'passed', ['R.A'])], [requirement('R.A')], {
      errors: [{ kind: 'module', module: 'suites/x.test.ts', message: 'SyntaxError: boom' }],
    });
    expect(summary.ok).toBe(false);
    expect(summary.errors).toHaveLength(1);
  });

  test('carries the run data: target, driver, ISO start, whole-ms duration, version, HTTP request total', () => {
    const summary = summarize(
      [check('a', 'passed', ['R.A'], { httpRequests: 4 }), check('b', 'failed', ['R.A'], { httpRequests: 3 }), check('c', 'skipped', [])],
      [requirement('R.A')],
      { harnessVersion: '0.1.0' },
    );
    expect(summary).toMatchObject({
      target: 'embedded mock org',
      driver: 'mock',
      startedAt: '2026-01-02T03:04:05.000Z',
      durationMs: 1234,
      harnessVersion: '0.1.0',
      httpRequests: 7,
    });
    expect(summary.checks.map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });

  test('the summary is plain JSON data', () => {
    const summary = summarize([check('a', 'failed', ['R.A'], { errors: ['expected 403'] })], [requirement('R.A')]);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
