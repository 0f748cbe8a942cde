import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';
import type { TargetProfile } from '../../drivers/contract.js';
import { builtPath, DIST, expectBuilt, ROOT } from '../built.js';

/**
 * What the fault-detection harness and its opposite, the variant harness, share: one nested vitest
 * run over wrapper files, each switching mock-org switches (faults or `variant.*`) on for the next org
 * and importing a suite file under its own module id, so the suite's checks register afresh while
 * everything they import is loaded once per worker (`isolate: false`).
 *
 * The nested run runs the compiled suites (dist/, as the packaged CLI does), loaded by Node itself: vite would
 * otherwise transform each suite file again for every wrapper that imports it under its own id (measured on the
 * totp, sms, webauthn, push and authn faults: main thread 9 s → 3.5 s busy, wall 26 s → 17.5 s at load 13).
 */

/** What the suites load: their build must be fresh, or the proof would be of older code. */
const BUILT_FOLDERS = ['suites', 'drivers', 'mock-org', 'schemas', 'requirements', 'reports', 'virtual-authenticators'];

/** The `*.test.ts` files of a suite folder (relative to the root). */
export async function suiteFiles(folder: string): Promise<string[]> {
  const names = await readdir(`${ROOT}${folder}`, { recursive: true });
  return names.filter((name) => name.endsWith('.test.ts')).sort().map((name) => `${folder}/${name}`);
}

export interface SwitchOutcome {
  /** requirement id → names of the checks that failed on it */
  failed: Map<string, string[]>;
  /** requirement id → names of its checks a failed precondition blocked (BLOCKED is not FAIL: it proves nothing) */
  blocked: Map<string, string[]>;
  moduleErrors: string[];
  ranChecks: number;
}

/** Collects, per switch (named by its wrapper files), which checks failed or were blocked, on which requirements. */
export class OutcomeCollector implements Reporter {
  readonly outcomes = new Map<string, SwitchOutcome>();
  readonly #switchOfFile = new Map<string, string>();

  expect(file: string, id: string): void {
    this.#switchOfFile.set(file, id);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const module of modules) {
      const id = this.#switchOfFile.get(module.moduleId);
      if (!id) continue;
      const outcome = this.#outcome(id);
      for (const error of module.errors()) outcome.moduleErrors.push(error.message);
      for (const testCase of module.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed' || state === 'failed') outcome.ranChecks++;
        const into = state === 'failed' ? outcome.failed : state === 'skipped' && testCase.meta().blocked ? outcome.blocked : undefined;
        if (!into) continue;
        const failure = state === 'failed' ? (testCase.result().errors?.[0]?.message.split('\n', 1)[0] ?? '') : '';
        for (const requirement of testCase.meta().requirements ?? []) {
          into.set(requirement, [...(into.get(requirement) ?? []), failure ? `${testCase.fullName}: ${failure}` : testCase.fullName]);
        }
      }
    }
  }

  #outcome(id: string): SwitchOutcome {
    let outcome = this.outcomes.get(id);
    if (!outcome) {
      outcome = { failed: new Map(), blocked: new Map(), moduleErrors: [], ranChecks: 0 };
      this.outcomes.set(id, outcome);
    }
    return outcome;
  }
}

/** One run's own folder: two runs at once (two terminals, CI shards) must not share wrapper files. */
export function runDir(kind: string): string {
  return fileURLToPath(new URL(`./.runs/${kind}-${process.pid}-${Date.now().toString(36)}/`, import.meta.url));
}

/** Writes one wrapper file per (switch, suite file); returns their paths. */
export async function writeWrappers(
  dir: string,
  /** `runOnly`: the requirements whose checks run (the others are registered skipped); all when absent. */
  plan: readonly { id: string; suites: readonly string[]; profile?: TargetProfile; runOnly?: readonly string[] }[],
  collector: OutcomeCollector,
): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (const { id, suites, profile, runOnly } of plan) {
    for (const suite of suites) {
      const file = `${dir}${id}--${suite.replace(/[/.]/g, '_')}.test.js`;
      // Its own module id: a number, not the switch id (a query ending like `.unlimited` would hide the file's language).
      const suiteUrl = `${pathToFileURL(builtPath(suite)).href}?switch=${files.length}`;
      const args = [JSON.stringify([id]), ...(profile ? [JSON.stringify(profile)] : [])].join(', ');
      // Every wrapper says which checks run (all: `undefined`). Not reset after the import: vitest calls the suite
      // file's describe() bodies, where most checks register, only once the import has finished; the next wrapper in
      // the worker sets its own before importing its suite file (files run one at a time in a worker).
      await writeFile(
        file,
        `import { runOnlyChecksOf, useFaultsForNextSuiteFile } from ${JSON.stringify(pathToFileURL(builtPath('suites/support/target.ts')).href)};\n` +
          `useFaultsForNextSuiteFile(${args});\n` +
          `runOnlyChecksOf(${runOnly ? JSON.stringify(runOnly) : 'undefined'});\n` +
          `await import(${JSON.stringify(suiteUrl)});\n`,
      );
      collector.expect(file, id);
      files.push(file);
    }
  }
  return files;
}

/** Runs the wrapper files against embedded mock orgs (each in its worker: the mock driver's in-process org), reporting to `collector` only. */
export async function runNested(files: readonly string[], collector: OutcomeCollector): Promise<void> {
  expectBuilt(BUILT_FOLDERS);
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
      provide: { target: { kind: 'mock' } },
      setupFiles: ['allure-vitest/setup'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      pool: 'threads',
      isolate: false,
      maxWorkers: Math.max(2, availableParallelism()),
      // The suites and all they import load natively (the wrappers set the switches on the same dist/ modules).
      server: { deps: { external: [new RegExp(`${DIST.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`)] } },
    },
    undefined,
    { stdout: nullStream(), stderr: nullStream() },
  );
  await vitest.close();
  process.exitCode = savedExitCode; // a nested run may fail on purpose; the outer run's result is ours to decide
}

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
