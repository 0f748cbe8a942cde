import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { AUTHN_TRANSITIONS, cellId, isDocumentedCell, isTransitionCellId } from '../../requirements/authn-transitions.js';

/**
 * The Authentication API's transition table (requirements/authn-transitions.ts) is covered: every documented cell is
 * named by a check (`check(…, { cells })`), and every cell a check names is one of the table's (documented or
 * forbidden). The suites are collected, not run.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const named = new Map<string, string[]>();

beforeAll(async () => {
  const { createVitest } = await import('vitest/node');
  const vitest = await createVitest(
    'test',
    { root: ROOT, config: false, watch: false, include: ['suites/**/*.test.ts'], reporters: [], pool: 'threads', isolate: false },
    undefined,
    { stdout: nullStream(), stderr: nullStream() },
  );
  try {
    const { testModules } = await vitest.collect();
    for (const module of testModules) {
      for (const check of module.children.allTests()) {
        for (const cell of check.meta().transitions ?? []) named.set(cell, [...(named.get(cell) ?? []), check.fullName]);
      }
    }
  } finally {
    await vitest.close();
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

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
