import { beforeAll, expect, test } from 'vitest';
import { collectSuites } from './collect-suites.js';
import { AUTHN_TRANSITIONS, cellId, isDocumentedCell, isTransitionCellId } from '../../requirements/authn-transitions.js';

/**
 * The Authentication API's transition table (requirements/authn-transitions.ts) is covered: every documented cell is
 * named by a check (`check(…, { cells })`), and every cell a check names is one of the table's (documented or
 * forbidden). The suites are collected, not run.
 */

const named = new Map<string, string[]>();

beforeAll(async () => {
  for (const suite of await collectSuites()) {
    for (const check of suite.checks) {
      for (const cell of check.meta.transitions ?? []) named.set(cell, [...(named.get(cell) ?? []), check.name]);
    }
  }
}, 120_000);

test('every documented cell of the transition table is exercised by a check', () => {
  const documented = AUTHN_TRANSITIONS.map((c) => cellId(c.from, c.operation));
  expect(documented.filter((id) => !named.has(id))).toEqual([]);
});

test('every cell a check names is a cell of the table', () => {
  expect([...named.keys()].filter((id) => !isTransitionCellId(id))).toEqual([]);
});

test('forbidden cells are exercised too', () => {
  expect([...named.keys()].filter((id) => !isDocumentedCell(id)).length).toBeGreaterThan(0);
});
