import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';
import { FAULT_CATALOG } from '../../mock-org/core/faults.js';
import { startMockOrgHost, type MockOrgHost } from '../../mock-org/core/host.js';
import { REQUIREMENTS } from '../../suites/support/requirements.js';
import { AWAITING_A_FAULT, FAULT_EXPECTATIONS } from './expectations.js';

/**
 * Every check must be able to fail: with each fault of the mock org switched on, the suite
 * files that cover it run against an embedded mock org with that fault, and must fail on the
 * requirements it breaks.
 *
 * How, quickly: one nested vitest run, one project, modules shared within each worker
 * (`isolate: false`). For every (fault, suite file) pair a two-line wrapper file switches the
 * fault on for the next org and imports the suite file under its own module id, so the suite's
 * checks register afresh while everything they import is loaded once per worker.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** This run's own folder: two runs at once (two terminals, CI shards) must not share wrapper files. */
const RUN_DIR = fileURLToPath(new URL(`./.runs/${process.pid}-${Date.now().toString(36)}/`, import.meta.url));

/** `MFA_FAULTS=sms.,call.` runs only the faults whose id starts with one of these (while working on an area). */
const ONLY = process.env.MFA_FAULTS?.split(',').filter(Boolean);
const FAULTS = FAULT_CATALOG.map((f) => f.id).filter((id) => !ONLY || ONLY.some((prefix) => id.startsWith(prefix)));

interface FaultOutcome {
  /** requirement id → names of the checks that failed on it */
  failed: Map<string, string[]>;
  /** requirement id → names of its checks a failed precondition blocked (BLOCKED is not FAIL: it proves nothing) */
  blocked: Map<string, string[]>;
  moduleErrors: string[];
  ranChecks: number;
}

/** Collects, per fault (named by its wrapper files), which checks failed and on which requirements. */
class OutcomeCollector implements Reporter {
  readonly outcomes = new Map<string, FaultOutcome>();
  readonly #faultOfFile = new Map<string, string>();

  expect(file: string, fault: string): void {
    this.#faultOfFile.set(file, fault);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const module of modules) {
      const fault = this.#faultOfFile.get(module.moduleId);
      if (!fault) continue;
      const outcome = this.#outcome(fault);
      for (const error of module.errors()) outcome.moduleErrors.push(error.message);
      for (const testCase of module.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed' || state === 'failed') outcome.ranChecks++;
        const into = state === 'failed' ? outcome.failed : state === 'skipped' && testCase.meta().blocked ? outcome.blocked : undefined;
        if (!into) continue;
        for (const id of testCase.meta().requirements ?? []) {
          into.set(id, [...(into.get(id) ?? []), testCase.fullName]);
        }
      }
    }
  }

  #outcome(fault: string): FaultOutcome {
    let outcome = this.outcomes.get(fault);
    if (!outcome) {
      outcome = { failed: new Map(), blocked: new Map(), moduleErrors: [], ranChecks: 0 };
      this.outcomes.set(fault, outcome);
    }
    return outcome;
  }
}

const collector = new OutcomeCollector();
let host: MockOrgHost | undefined;

/** Writes one wrapper file per (fault, suite file); returns their paths. */
async function writeWrappers(): Promise<string[]> {
  await rm(RUN_DIR, { recursive: true, force: true });
  await mkdir(RUN_DIR, { recursive: true });
  const files: string[] = [];
  for (const fault of FAULTS) {
    for (const suite of FAULT_EXPECTATIONS[fault].files) {
      const file = `${RUN_DIR}${fault}--${suite.replace(/[/.]/g, '_')}.test.ts`;
      // A number, not the fault id: a query ending like `.unlimited` would hide the file's .ts language.
      const suiteUrl = `../../../../${suite}?fault=${files.length}`;
      await writeFile(
        file,
        `import { useFaultsForNextSuiteFile } from '../../../../suites/support/target.js';\n` +
          `useFaultsForNextSuiteFile(${JSON.stringify([fault])});\n` +
          `await import(${JSON.stringify(suiteUrl)});\n`,
      );
      collector.expect(file, fault);
      files.push(file);
    }
  }
  return files;
}

beforeAll(async () => {
  const files = await writeWrappers();
  host = await startMockOrgHost();
  const { startVitest } = await import('vitest/node');
  const savedExitCode = process.exitCode;
  const vitest = await startVitest(
    'test',
    [],
    {
      root: ROOT,
      config: false,
      watch: false,
      include: files.map((f) => f.slice(ROOT.length)),
      reporters: [collector],
      provide: { target: { kind: 'mock' }, mockHost: { url: host.url, adminToken: host.adminToken } },
      setupFiles: ['allure-vitest/setup'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      pool: 'threads',
      isolate: false,
      maxWorkers: Math.max(2, availableParallelism()),
    },
    undefined,
    { stdout: nullStream(), stderr: nullStream() },
  );
  await vitest.close();
  process.exitCode = savedExitCode; // the nested run fails on purpose; this run's result is ours to decide
}, 600_000);

afterAll(async () => {
  await host?.close();
  await rm(RUN_DIR, { recursive: true, force: true });
});

test('every fault in the catalog says which suites catch it', () => {
  const catalog = FAULT_CATALOG.map((f) => f.id).sort();
  expect(Object.keys(FAULT_EXPECTATIONS).sort()).toEqual(catalog);
  for (const [id, expectation] of Object.entries(FAULT_EXPECTATIONS)) {
    expect(expectation.files.length, `${id}: files`).toBeGreaterThan(0);
    expect(expectation.failing.length, `${id}: failing requirements`).toBeGreaterThan(0);
  }
});

test('every requirement has a fault that makes its checks fail (a check that cannot fail proves nothing)', () => {
  const caught = new Set(Object.values(FAULT_EXPECTATIONS).flatMap((e) => e.failing));
  const uncaught = REQUIREMENTS.map((r) => r.id).filter((id) => !caught.has(id));
  // Exactly the listed gaps, no other: a requirement that gets its fault must leave the list.
  expect(uncaught.sort()).toEqual(Object.keys(AWAITING_A_FAULT).sort());
  // And every requirement a fault names exists in the catalog.
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  expect([...caught].filter((id) => !known.has(id))).toEqual([]);
});

describe.each(FAULTS)('fault %s', (id) => {
  test('makes the suites fail on the requirements it breaks', () => {
    const outcome = collector.outcomes.get(id);
    expect(outcome, `no result for fault ${id}`).toBeDefined();
    expect(outcome?.moduleErrors, 'suite files loaded and ran').toEqual([]);
    expect(outcome?.ranChecks, 'checks ran').toBeGreaterThan(0);
    const caught = [...(outcome?.failed.keys() ?? [])];
    const blocked = [...(outcome?.blocked.keys() ?? [])].filter((requirement) => !caught.includes(requirement));
    expect(caught, `requirements failed with ${id} on; checks that caught it: ${[...(outcome?.failed.values() ?? [])].flat().join('; ')}; blocked: ${blocked.join(', ') || 'none'}`)
      .toEqual(expect.arrayContaining(FAULT_EXPECTATIONS[id].failing));
  });
});

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
