import { describe, expect, test } from 'vitest';
import { renderMarkdown } from '../../reports/markdown.js';
import { buildSummary, type CheckRecord } from '../../reports/summary.js';
import { buildTransitionTable, renderTransitionTable } from '../../reports/transition-table.js';
import { AUTHN_TRANSITIONS } from '../../requirements/authn-transitions.js';

const record = (name: string, state: CheckRecord['state'], transitions: string[]): CheckRecord => ({
  name,
  module: 'suites/okta-authn/transaction/transaction.test.ts',
  state,
  requirements: ['AUTHN.PREVIOUS'],
  transitions,
});

describe('the transition table of a run', () => {
  test('every documented cell is a row, with the checks that exercised it and their result', () => {
    const table = buildTransitionTable([
      record('prev back', 'passed', ['MFA_ENROLL_ACTIVATE previous']),
      record('prev broken', 'failed', ['MFA_CHALLENGE previous']),
      record('prev blocked', 'blocked', ['MFA_CHALLENGE previous']),
    ]);
    const row = (cell: string) => table.cells.find((c) => c.cell === cell);
    expect(table.totals.documented).toBe(AUTHN_TRANSITIONS.length);
    expect(row('MFA_ENROLL_ACTIVATE previous')).toMatchObject({ kind: 'documented', result: 'pass', checks: ['prev back'], outcomes: ['MFA_ENROLL'] });
    expect(row('MFA_CHALLENGE previous')).toMatchObject({ result: 'fail', checks: ['prev broken', 'prev blocked'] });
    expect(row('MFA_ENROLL enroll')).toMatchObject({ result: 'unchecked', checks: [] });
    expect(table.uncheckedDocumented).toContain('MFA_ENROLL enroll');
    expect(table.uncheckedDocumented).not.toContain('MFA_ENROLL_ACTIVATE previous');
  });

  test('forbidden cells (403 E0000079) are rows too, counted when exercised', () => {
    const table = buildTransitionTable([record('no prev', 'passed', ['MFA_ENROLL previous'])]);
    expect(table.cells.find((c) => c.cell === 'MFA_ENROLL previous')).toMatchObject({ kind: 'forbidden', outcomes: ['403 E0000079'], result: 'pass' });
    expect(table.cells.some((c) => c.cell === 'MFA_ENROLL_ACTIVATE previous' && c.kind === 'forbidden'), 'a documented cell is not forbidden').toBe(false);
    expect(table.totals.forbiddenChecked).toBe(1);
  });

  test('the JSON summary carries the table, and the Markdown report shows it after the requirements', () => {
    const summary = buildSummary({
      requirements: [],
      checks: [record('prev back', 'passed', ['MFA_ENROLL_ACTIVATE previous'])],
      target: 'embedded mock org',
      driver: 'mock',
      startedAt: '2026-01-02T03:04:05.000Z',
      durationMs: 1,
    });
    expect(summary.transitionTable?.totals.documentedChecked).toBe(1);
    const markdown = renderMarkdown(summary);
    expect(markdown).toContain('## Authentication API transition table');
    expect(markdown).toMatch(/\| PASS \| MFA_ENROLL_ACTIVATE \| previous \| MFA_ENROLL \| 1 \|/);
    expect(markdown).toMatch(/\| NO CHECK \| MFA_ENROLL \| enroll \|/);
  });

  test('a run that exercised no cell shows no table', () => {
    expect(renderTransitionTable(buildTransitionTable([]))).toEqual([]);
  });
});
