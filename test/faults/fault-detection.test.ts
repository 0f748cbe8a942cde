import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';
import { FAULT_CATALOG } from '../../mock-org/faults.js';
import { FAULT_EXPECTATIONS } from './expectations.js';

/**
 * Every check must be able to fail: with each fault of the mock org switched on, the suite
 * files that cover it run against an embedded mock with that fault, and must fail on the
 * requirements it breaks. One nested vitest run holds a project per fault (only the files
 * that matter to it), so the whole catalog costs one start-up, not one per fault.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `MFA_FAULTS=sms.,call.` runs only the faults whose id starts with one of these (while working on an area). */
const ONLY = process.env.MFA_FAULTS?.split(',').filter(Boolean);
const FAULTS = FAULT_CATALOG.map((f) => f.id).filter((id) => !ONLY || ONLY.some((prefix) => id.startsWith(prefix)));

interface ProjectOutcome {
  /** requirement id → names of the checks that failed on it */
  failed: Map<string, string[]>;
  moduleErrors: string[];
}

/** Collects, per project (= per fault), which checks failed and on which requirements. */
class OutcomeCollector implements Reporter {
  readonly outcomes = new Map<string, ProjectOutcome>();

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const module of modules) {
      const outcome = this.#outcome(module.project.name);
      for (const error of module.errors()) outcome.moduleErrors.push(error.message);
      for (const testCase of module.children.allTests()) {
        const state = testCase.result().state;
        if (state !== 'failed') continue;
        for (const id of testCase.meta().requirements ?? []) {
          outcome.failed.set(id, [...(outcome.failed.get(id) ?? []), testCase.fullName]);
        }
      }
    }
  }

  #outcome(project: string): ProjectOutcome {
    let outcome = this.outcomes.get(project);
    if (!outcome) {
      outcome = { failed: new Map(), moduleErrors: [] };
      this.outcomes.set(project, outcome);
    }
    return outcome;
  }
}

const collector = new OutcomeCollector();

beforeAll(async () => {
  const { startVitest } = await import('vitest/node');
  const savedExitCode = process.exitCode;
  const vitest = await startVitest(
    'test',
    [],
    {
      root: ROOT,
      config: false,
      watch: false,
      reporters: [collector],
      maxWorkers: Math.max(2, availableParallelism()),
      projects: FAULTS.map((id) => ({
        test: {
          name: id,
          root: ROOT,
          include: FAULT_EXPECTATIONS[id].files,
          provide: { target: { kind: 'mock' as const, faults: [id] } },
          setupFiles: ['allure-vitest/setup'],
          testTimeout: 30_000,
          pool: 'threads' as const,
          isolate: false,
        },
      })),
    },
    undefined,
    { stdout: nullStream(), stderr: nullStream() },
  );
  await vitest.close();
  process.exitCode = savedExitCode; // the nested run fails on purpose; this run's result is ours to decide
}, 180_000);

test('every fault in the catalog says which suites catch it', () => {
  const catalog = FAULT_CATALOG.map((f) => f.id).sort();
  expect(Object.keys(FAULT_EXPECTATIONS).sort()).toEqual(catalog);
  for (const [id, expectation] of Object.entries(FAULT_EXPECTATIONS)) {
    expect(expectation.files.length, `${id}: files`).toBeGreaterThan(0);
    expect(expectation.failing.length, `${id}: failing requirements`).toBeGreaterThan(0);
  }
});

describe.each(FAULTS)('fault %s', (id) => {
  test('makes the suites fail on the requirements it breaks', () => {
    const outcome = collector.outcomes.get(id);
    expect(outcome, `no result for the project of fault ${id}`).toBeDefined();
    expect(outcome?.moduleErrors, 'suite files loaded and ran').toEqual([]);
    const caught = [...(outcome?.failed.keys() ?? [])];
    expect(caught, `requirements failed with ${id} on; checks that caught it: ${[...(outcome?.failed.values() ?? [])].flat().join('; ')}`)
      .toEqual(expect.arrayContaining(FAULT_EXPECTATIONS[id].failing));
  });
});

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
