import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { TargetProfile } from '../../drivers/contract.js';
import { builtPath, DIST, expectBuilt, ROOT } from '../built.js';

/**
 * What the fault-detection harness and its opposite, the variant harness, share: one nested vitest
 * run over wrapper files, one per suite file, with a describe per mock-org switch (a fault or a `variant.*`)
 * that sets the switch for the next org and imports the suite file under its own module id, so the suite's
 * checks register afresh, each switch's on an org of its own, while everything they import is loaded once per
 * worker (`isolate: false`). One wrapper file per (switch, suite file) cost vitest's per-file work ~430 times
 * (collection, RPC, reporting, a setup file). Measured on 3 December 2026 (2 cores, load 10-14, CPU of the whole
 * `vitest run` of the harness file): fault run, median of 5, 37.9 s -> 31.9 s with one wrapper per suite file and no
 * Allure runtime messages; variant run 48.5-72.3 s (4 runs) -> 40.0-46.0 s (3 runs), the same outcomes.
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

/**
 * Collects, per switch, which checks failed or were blocked, on which requirements. A switch is a top-level describe of
 * a wrapper file, named by its id; a wrapper file's own errors (it failed to load) count for every switch it hosts.
 */
export class OutcomeCollector implements Reporter {
  readonly outcomes = new Map<string, SwitchOutcome>();
  readonly #switchesOfFile = new Map<string, readonly string[]>();

  expect(file: string, ids: readonly string[]): void {
    this.#switchesOfFile.set(file, ids);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    for (const module of modules) {
      const ids = this.#switchesOfFile.get(module.moduleId);
      if (!ids) continue;
      const moduleErrors = module.errors().map((error) => error.message);
      for (const id of ids) this.#outcome(id).moduleErrors.push(...moduleErrors);
      for (const suite of module.children.suites()) {
        if (!ids.includes(suite.name)) continue;
        const outcome = this.#outcome(suite.name);
        // The switch's own describe: its org failed to connect (beforeAll) or close (afterAll).
        for (const error of suite.errors()) outcome.moduleErrors.push(error.message);
        for (const testCase of suite.children.allTests()) this.#record(outcome, testCase);
      }
    }
  }

  #record(outcome: SwitchOutcome, testCase: TestCase): void {
    const state = testCase.result().state;
    if (state === 'passed' || state === 'failed') outcome.ranChecks++;
    const into = state === 'failed' ? outcome.failed : state === 'skipped' && testCase.meta().blocked ? outcome.blocked : undefined;
    if (!into) return;
    const failure = state === 'failed' ? (testCase.result().errors?.[0]?.message.split('\n', 1)[0] ?? '') : '';
    // The name inside the switch's describe: the suite file's own describes and the check's title.
    const name = testCase.fullName.split(' > ').slice(1).join(' > ');
    for (const requirement of testCase.meta().requirements ?? []) {
      into.set(requirement, [...(into.get(requirement) ?? []), failure ? `${name}: ${failure}` : name]);
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

/** One switch of a plan: the suite files it runs, the profile its driver reports, the requirements whose checks run. */
export interface SwitchPlan {
  id: string;
  /** The mock-org switches it turns on: `[id]` when absent (an empty list: the org as it is, a control). */
  switches?: readonly string[];
  suites: readonly string[];
  profile?: TargetProfile;
  /** The requirements whose checks run (the others are registered skipped); all when absent. */
  runOnly?: readonly string[];
}

/**
 * The nested run's setup file. The outcomes are read from vitest's own results alone, so the checks' Allure labels and
 * attachments are dropped where they are made (allure-vitest's runtime would carry every exchange, base64, in each test's
 * meta to the main thread), and a failed check's stack is not mapped back through dist/'s source maps (the main thread
 * reads a file and its map for every frame of every failure; the outcome keeps the message's first line).
 */
const SETUP = `import { afterEach } from 'vitest';
import { BaseMessageTestRuntime, setGlobalTestRuntime } from 'allure-js-commons/sdk/runtime';

class DroppedMessages extends BaseMessageTestRuntime {
  async sendMessage() {}
  async attachment() {}
  async globalAttachment() {}
}
setGlobalTestRuntime(new DroppedMessages());

afterEach(({ task }) => {
  for (const error of task.result?.errors ?? []) error.stacks = [];
});
`;

/**
 * Writes one wrapper file per suite file, hosting every switch that runs it: a describe per switch, named by its id,
 * that sets the switch for the suite file and imports it under its own module id (its checks register afresh, inside
 * that describe; its target hook takes the switch as it registers, and connects a fresh org in the describe's
 * beforeAll). vitest's cost per file is then paid once per suite file, not once per (switch, suite file).
 * Returns the wrapper files' paths and the setup file's.
 */
export async function writeWrappers(dir: string, plan: readonly SwitchPlan[], collector: OutcomeCollector): Promise<{ files: string[]; setup: string }> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const switchesOfSuite = new Map<string, SwitchPlan[]>();
  for (const entry of plan) {
    for (const suite of entry.suites) switchesOfSuite.set(suite, [...(switchesOfSuite.get(suite) ?? []), entry]);
  }
  const targetUrl = JSON.stringify(pathToFileURL(builtPath('suites/support/target.ts')).href);
  let imports = 0;
  const files: string[] = [];
  for (const [suite, switches] of switchesOfSuite) {
    const file = `${dir}${suite.replace(/[/.]/g, '_')}.test.js`;
    const describes = switches.map(({ id, switches: on, profile, runOnly }) => {
      // Its own module id: a number, not the switch id (a query ending like `.unlimited` would hide the file's language).
      const suiteUrl = `${pathToFileURL(builtPath(suite)).href}?switch=${imports++}`;
      const args = [JSON.stringify(on ?? [id]), ...(profile ? [JSON.stringify(profile)] : [])].join(', ');
      // Which checks run (all: `undefined`) is left set after the import: vitest calls the suite file's describe()
      // bodies, where most checks register, once this describe's body has returned, before the next switch's.
      return (
        `describe(${JSON.stringify(id)}, async () => {\n` +
        `  useMockSwitchesForNextSuiteFile(${args});\n` +
        `  runOnlyChecksOf(${runOnly ? JSON.stringify(runOnly) : 'undefined'});\n` +
        `  await import(${JSON.stringify(suiteUrl)});\n` +
        `});\n`
      );
    });
    await writeFile(
      file,
      `import { describe } from 'vitest';\n` +
        `import { runOnlyChecksOf, useMockSwitchesForNextSuiteFile } from ${targetUrl};\n` +
        describes.join(''),
    );
    collector.expect(file, switches.map((s) => s.id));
    files.push(file);
  }
  const setup = `${dir}setup.js`;
  await writeFile(setup, SETUP);
  return { files, setup };
}

/** Runs the wrapper files against embedded mock orgs (each in its worker: the mock driver's in-process org), reporting to `collector` only. */
export async function runNested({ files, setup }: { files: readonly string[]; setup: string }, collector: OutcomeCollector): Promise<void> {
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
      setupFiles: [setup],
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
