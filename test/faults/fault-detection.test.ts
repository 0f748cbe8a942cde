import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';
import { FAULT_CATALOG, type FaultId } from '../../mock-org/faults.js';
import { isRequirementId, requirement, REQUIREMENTS, type RequirementId } from '../../requirements/index.js';

/**
 * Every check must be able to fail: with each fault of the mock org switched on, the suite
 * files of the requirements it `breaks` (each requirement knows its suite folder) run against an
 * embedded mock org with that fault, and must fail on every requirement it names. Only the checks
 * that name one of those requirements run (the others are registered skipped: they cannot prove
 * this fault is caught); other requirements those checks also name and that fail are reported as
 * an annotation of the fault's test, not as a failure.
 *
 * How, quickly: one nested vitest run, one project, modules shared within each worker
 * (`isolate: false`). For every (fault, suite file) pair a small wrapper file switches the
 * fault on for the next org, narrows the checks to the fault's requirements and imports the suite
 * file under its own module id, so the suite's checks register afresh while everything they import
 * is loaded once per worker. Each org lives in its worker (the mock driver's in-process org).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** This run's own folder: two runs at once (two terminals, CI shards) must not share wrapper files. */
const RUN_DIR = fileURLToPath(new URL(`./.runs/${process.pid}-${Date.now().toString(36)}/`, import.meta.url));

/** `MFA_FAULTS=sms.,call.` runs only the faults whose id starts with one of these (while working on an area). */
const ONLY = process.env.MFA_FAULTS?.split(',').filter(Boolean);
/** `MFA_FAULT_SHARD=2/3` runs every third fault from the second (CI machines side by side; each fault whole on one). */
const SHARD = faultShard(process.env.MFA_FAULT_SHARD);
const FAULTS = FAULT_CATALOG.map((f) => f.id)
  .filter((id) => !ONLY || ONLY.some((prefix) => id.startsWith(prefix)))
  .filter((_id, index) => index % SHARD.count === SHARD.index - 1);
const BREAKS = new Map<FaultId, readonly RequirementId[]>(FAULT_CATALOG.map((f) => [f.id, f.breaks]));

const breaksOf = (fault: FaultId): readonly RequirementId[] => BREAKS.get(fault) ?? [];

/** The suite files of a requirement: the `*.test.ts` files of its suite folder. */
async function suiteFiles(folder: string): Promise<string[]> {
  const names = await readdir(`${ROOT}${folder}`);
  return names.filter((name) => name.endsWith('.test.ts')).sort().map((name) => `${folder}/${name}`);
}

/** The suite files that must notice a fault: those of every requirement it breaks. */
async function filesCatching(fault: FaultId): Promise<string[]> {
  const folders = new Set(breaksOf(fault).map((id) => requirement(id).suite));
  const files = await Promise.all([...folders].map(suiteFiles));
  return files.flat();
}

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

/** Writes one wrapper file per (fault, suite file); returns their paths. */
async function writeWrappers(): Promise<string[]> {
  await rm(RUN_DIR, { recursive: true, force: true });
  await mkdir(RUN_DIR, { recursive: true });
  const files: string[] = [];
  for (const fault of FAULTS) {
    for (const suite of await filesCatching(fault)) {
      const file = `${RUN_DIR}${fault}--${suite.replace(/[/.]/g, '_')}.test.ts`;
      // A number, not the fault id: a query ending like `.unlimited` would hide the file's .ts language.
      const suiteUrl = `../../../../${suite}?fault=${files.length}`;
      await writeFile(
        file,
        `import { runOnlyChecksOf, useFaultsForNextSuiteFile } from '../../../../suites/support/target.js';\n` +
          `useFaultsForNextSuiteFile(${JSON.stringify([fault])});\n` +
          `runOnlyChecksOf(${JSON.stringify(breaksOf(fault))});\n` +
          `try {\n  await import(${JSON.stringify(suiteUrl)});\n} finally {\n  runOnlyChecksOf(undefined);\n}\n`,
      );
      collector.expect(file, fault);
      files.push(file);
    }
  }
  return files;
}

beforeAll(async () => {
  const files = await writeWrappers();
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
      // each suite file's org lives in its worker (the mock driver's in-process org), with the wrapper's fault on
      provide: { target: { kind: 'mock' } },
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
  await rm(RUN_DIR, { recursive: true, force: true });
});

test('every fault names the requirements it breaks, each in the catalog, with a suite file to catch it', async () => {
  expect(new Set(FAULT_CATALOG.map((f) => f.id)).size, 'fault ids are unique').toBe(FAULT_CATALOG.length);
  for (const fault of FAULT_CATALOG) {
    expect(fault.breaks.length, `${fault.id}: breaks`).toBeGreaterThan(0);
    // Ids are checked by the compiler too; this catches a catalog built around the types.
    expect(fault.breaks.filter((id) => !isRequirementId(id)), `${fault.id}: unknown requirements`).toEqual([]);
    expect(await filesCatching(fault.id), `${fault.id}: suite files`).not.toEqual([]);
  }
});

test('every requirement has a fault that makes its checks fail (a check that cannot fail proves nothing)', () => {
  const caught = new Set<string>(FAULT_CATALOG.flatMap((f) => f.breaks));
  expect(REQUIREMENTS.map((r) => r.id).filter((id) => !caught.has(id))).toEqual([]);
});

describe.each(FAULTS)('fault %s', (id) => {
  test('makes the suites fail on the requirements it breaks', async ({ annotate }) => {
    const outcome = collector.outcomes.get(id);
    expect(outcome, `no result for fault ${id}`).toBeDefined();
    expect(outcome?.moduleErrors, 'suite files loaded and ran').toEqual([]);
    expect(outcome?.ranChecks, 'checks ran').toBeGreaterThan(0);
    const caught = [...(outcome?.failed.keys() ?? [])];
    const breaks = breaksOf(id);
    const blocked = [...(outcome?.blocked.keys() ?? [])].filter((requirement) => !caught.includes(requirement));
    expect(caught, `requirements failed with ${id} on; checks that caught it: ${[...(outcome?.failed.values() ?? [])].flat().join('; ')}; blocked: ${blocked.join(', ') || 'none'}`)
      .toEqual(expect.arrayContaining([...breaks]));
    const extra = caught.filter((r) => !breaks.some((named) => named === r));
    if (extra.length > 0) await annotate(`${id} also fails ${extra.join(', ')}, which its \`breaks\` does not name`, 'notice');
  });
});

function faultShard(value: string | undefined): { index: number; count: number } {
  if (value === undefined || value === '') return { index: 1, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || index > count) throw new Error(`MFA_FAULT_SHARD must be I/N with 1 <= I <= N, got ${value}`);
  return { index, count };
}

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
