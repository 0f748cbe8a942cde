import { dirname } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { collectSuites } from './collect-suites.js';
import { isRequirementId, requirement, REQUIREMENTS } from '../../requirements/index.js';

/**
 * Every check lives in the suite folder of each requirement it names, so that a kind's folder
 * holds its requirements and all their checks, and the fault-detection harness (which runs a
 * requirement's folder) runs every check that could catch a fault. The suites are collected,
 * not run: vitest imports each suite file and records its checks' requirement ids (task meta).
 */

/** suite file (relative to the root) → requirement ids of each of its checks */
const checksByFile = new Map<string, { name: string; requirements: string[] }[]>();

beforeAll(async () => {
  for (const suite of await collectSuites()) {
    if (suite.errors.length > 0) throw new Error(`${suite.file} did not load: ${suite.errors.join('; ')}`);
    checksByFile.set(suite.file, suite.checks.map((c) => ({ name: c.name, requirements: c.meta.requirements ?? [] })));
  }
}, 120_000);

test('every suite file was collected, with checks', () => {
  expect(checksByFile.size).toBeGreaterThan(0);
  for (const [file, checks] of checksByFile) expect(checks.length, file).toBeGreaterThan(0);
});

test("every check names requirements of its own suite folder's catalog", () => {
  const misplaced: string[] = [];
  for (const [file, checks] of checksByFile) {
    const folder = dirname(file);
    for (const check of checks) {
      expect(check.requirements.length, `${file}: ${check.name} names no requirement`).toBeGreaterThan(0);
      for (const id of check.requirements) {
        if (!isRequirementId(id)) misplaced.push(`${file}: ${check.name}: ${id} is not in the catalog`);
        else if (requirement(id).suite !== folder) misplaced.push(`${file}: ${check.name}: ${id} belongs to ${requirement(id).suite}`);
      }
    }
  }
  expect(misplaced).toEqual([]);
});

test('every requirement is named by a check', () => {
  const named = new Set([...checksByFile.values()].flat().flatMap((c) => c.requirements));
  expect(REQUIREMENTS.map((r) => r.id).filter((id) => !named.has(id))).toEqual([]);
});
