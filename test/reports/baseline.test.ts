/** Baselines of known failures, and the comparison of two summaries. */
import { expect, test } from 'vitest';
import { applyBaseline, baselineFrom, formatBaselineVerdict, parseBaseline } from '../../reports/baseline.js';
import { compareSummaries, formatChanges } from '../../reports/compare.js';
import { buildSummary, type CheckRecord } from '../../reports/summary.js';
import { FIXTURE_REQUIREMENTS } from '../fixtures/summary-suite/catalog.js';

function run(states: Record<string, CheckRecord['state']>): ReturnType<typeof buildSummary> {
  const checks: CheckRecord[] = Object.entries(states).map(([id, state]) => ({
    name: `check of ${id}`, module: 'm.ts', state, requirements: [id], ...(state === 'failed' ? { errors: [`[status] ${id} broke`] } : {}),
  }));
  return buildSummary({ requirements: FIXTURE_REQUIREMENTS, checks, target: 't', driver: 'mock', startedAt: '2026-01-01T00:00:00Z', durationMs: 1 });
}

const TODAY = new Date('2026-06-01T12:00:00Z');

test('known failures pass; a new failure fails; an expected failure that did not happen is reported; an expired entry fails', () => {
  const summary = run({ 'FIX.PASS': 'failed', 'FIX.FAIL': 'failed', 'FIX.SKIP': 'passed' });
  const known = parseBaseline(JSON.stringify({ expectedFailures: [
    { requirement: 'FIX.PASS', reason: 'vendor bug 1' },
    { check: 'check of FIX.FAIL', reason: 'vendor bug 2', expires: '2026-12-31' },
  ] }), 'b.json');
  expect(applyBaseline(summary, known, TODAY)).toMatchObject({ ok: true, unexpected: [], notHappened: [] });

  const partial = parseBaseline(JSON.stringify({ expectedFailures: [{ requirement: 'FIX.PASS', reason: 'r' }, { requirement: 'FIX.SKIP', reason: 'was broken' }] }), 'b.json');
  const verdict = applyBaseline(summary, partial, TODAY);
  expect(verdict.ok).toBe(false);
  expect(verdict.unexpected.map((f) => f.requirement)).toEqual(['FIX.FAIL']);
  expect(verdict.notHappened.map((e) => e.requirement)).toEqual(['FIX.SKIP']);
  const text = formatBaselineVerdict(verdict);
  expect(text).toContain('NEW FAIL FIX.FAIL: [status] FIX.FAIL broke');
  expect(text).toContain('expected failure did not happen: FIX.SKIP (fixed? remove it from the baseline)');

  const expired = parseBaseline(JSON.stringify({ expectedFailures: [{ requirement: 'FIX.PASS', reason: 'r', expires: '2026-05-31' }, { requirement: 'FIX.FAIL', reason: 'r' }] }), 'b.json');
  const late = applyBaseline(summary, expired, TODAY);
  expect(late.ok).toBe(false);
  expect(late.expired.map((e) => e.requirement)).toEqual(['FIX.PASS']);
  expect(formatBaselineVerdict(late)).toMatch(/EXPIRED +FIX\.PASS \(expired 2026-05-31\)/);
});

test('a baseline file that names nothing, has no reason or a bad date is refused', () => {
  expect(() => parseBaseline('[]', 'b.json')).toThrow(/expectedFailures/);
  expect(() => parseBaseline('{"expectedFailures":[{"reason":"x"}]}', 'b.json')).toThrow(/neither a requirement nor a check/);
  expect(() => parseBaseline('{"expectedFailures":[{"requirement":"A"}]}', 'b.json')).toThrow(/no reason/);
  expect(() => parseBaseline('{"expectedFailures":[{"requirement":"A","reason":"r","expires":"soon"}]}', 'b.json')).toThrow(/YYYY-MM-DD/);
});

test('update-baseline writes the current failures and keeps reasons already there', () => {
  const summary = run({ 'FIX.PASS': 'failed', 'FIX.FAIL': 'failed' });
  const written = baselineFrom(summary, { expectedFailures: [{ requirement: 'FIX.PASS', reason: 'ticket 7', expires: '2027-01-01' }] });
  expect(written.expectedFailures).toEqual([
    { requirement: 'FIX.PASS', reason: 'ticket 7', expires: '2027-01-01' },
    { requirement: 'FIX.FAIL', reason: '[status] FIX.FAIL broke' },
  ]);
  expect(applyBaseline(summary, written, TODAY).ok).toBe(true);
});

test('compare lists the requirements that changed result, newly failing first', () => {
  const older = run({ 'FIX.PASS': 'passed', 'FIX.FAIL': 'failed', 'FIX.SKIP': 'passed' });
  const newer = run({ 'FIX.PASS': 'failed', 'FIX.FAIL': 'passed', 'FIX.SKIP': 'blocked' });
  const changes = compareSummaries(older, newer);
  expect(changes.map((c) => [c.id, c.from, c.to, c.newlyFailing])).toEqual([
    ['FIX.PASS', 'pass', 'fail', true],
    ['FIX.SKIP', 'pass', 'blocked', true],
    ['FIX.FAIL', 'fail', 'pass', false],
  ]);
  expect(formatChanges(changes)).toMatch(/^3 requirement\(s\) changed result, 2 newly failing:\n {2}NEWLY FAILING FIX\.PASS: pass → fail/);
  expect(compareSummaries(older, older)).toEqual([]);
});
