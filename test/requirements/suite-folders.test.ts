import { dirname, relative } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { isRequirementId, requirement, REQUIREMENTS } from '../../requirements/index.js';

/**
 * Every check lives in the suite folder of each requirement it names, so that a kind's folder
 * holds its requirements and all their checks, and the fault-detection harness (which runs a
 * requirement's folder) runs every check that could catch a fault. The suites are collected,
 * not run: vitest imports each suite file and records its checks' requirement ids (task meta).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** suite file (relative to the root) → requirement ids of each of its checks */
const checksByFile = new Map<string, { name: string; requirements: string[] }[]>();

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
      const errors = module.errors().map((e) => e.message);
      if (errors.length > 0) throw new Error(`${module.moduleId} did not load: ${errors.join('; ')}`);
      const checks = [...module.children.allTests()].map((t) => ({ name: t.fullName, requirements: t.meta().requirements ?? [] }));
      checksByFile.set(relative(ROOT, module.moduleId), checks);
    }
  } finally {
    await vitest.close();
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

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
