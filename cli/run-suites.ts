/**
 * Runs the conformance suites through vitest's Node API and returns the run summary.
 * The one path from the command line to vitest: `mfa-conformance run` and the benchmark both go through here.
 */
import { resolve } from 'node:path';
import type { Reporter } from 'vitest/node';
import type { TargetConfig } from '../drivers/contract.js';
import type { Requirement } from '../requirements/index.js';
import { OUTPUT_FORMATS, type FormatId, type ReporterSpec } from '../reports/formats/index.js';
import type { RunSummary, Shard } from '../reports/summary.js';
import { SummaryReporter } from '../reports/summary-reporter.js';
import { packageInfo, SUITES_CONFIG } from './package-root.js';
import { checkConcurrency } from './suite-pool.js';
import { redactorFor, redactStrings, type Redact } from '../drivers/redact.js';
import { nullStream, redactingStream, type OutputStream } from './redact.js';
import { describeTarget, targetSecrets } from './target.js';
import { targetEngine } from './run-facts.js';

/** Which suites to run: the package's own by default; the harness's tests point this at a fixture suite. */
export interface SuiteLocation {
  /** Project root (default: the package root). */
  root?: string;
  /** vitest config, relative to root (default: vitest.suites.config.ts). */
  configFile?: string;
  /** Requirement catalog (default: requirements/, the package's own). */
  requirements?: readonly Requirement[];
  /** An embedded-mock host already running (else the suites' global setup starts one). */
  mockHost?: { url: string; adminToken: string };
}

export interface SuiteRunOptions extends SuiteLocation {
  target: TargetConfig;
  /** vitest file filters (substrings of suite file paths), e.g. `suites/okta-factors`. */
  filters?: readonly string[];
  /** Run only the checks whose full name matches (vitest `-t`). */
  testNamePattern?: string;
  /** Run one part of the suite files (vitest's own sharding); the summary is then partial and says which. */
  shard?: Shard;
  /** Also write vitest's blob report here (for `vitest --merge-reports`; `mfa-conformance merge` needs only the summaries). */
  blob?: string;
  /** Show vitest's terminal progress reporter on `stdout`. Off: the run prints nothing but vitest's own errors. */
  progress?: boolean;
  /** Where to write each output format (reports/formats/; relative paths resolve against the current directory). */
  outputs?: Partial<Record<FormatId, string>>;
  /** More vitest reporters (e.g. the live progress line, cli/progress.ts). */
  reporters?: readonly Reporter[];
  /** How the summary is seen before anything is written from it (e.g. narrowed to a profile's requirements). */
  summaryView?: (summary: RunSummary) => RunSummary;
  /** More facts for the Allure report's environment (e.g. the profile). */
  environment?: Record<string, string>;
  /** Checks of a suite file run at once (default: cli/suite-pool.ts, by the target's kind). */
  concurrency?: number;
  /** Stop after this many failed checks (vitest `bail`). */
  bail?: number;
  /** Where vitest prints (default: process.stdout / process.stderr). Everything is redacted on the way. */
  stdout?: OutputStream;
  stderr?: OutputStream;
}

export interface SuiteRunOutcome {
  /** The run summary, secrets redacted. */
  summary: RunSummary;
  /** 0 when no check failed or was blocked and the run had no error, else 1. */
  exitCode: 0 | 1;
  /** Wall time of the whole run, vitest start-up included. */
  wallMs: number;
}

/** A reporter instance, a reporter name, or a name with its options, as vitest's `reporters` option takes them. */
type ReporterEntry = Reporter | string | ReporterSpec;

/** Throws when vitest could not run at all (bad config, no suite matched the filters, …). */
export async function runSuites(options: SuiteRunOptions): Promise<SuiteRunOutcome> {
  const pkg = packageInfo();
  const root = options.root ?? pkg.root;
  const requirements = options.requirements ?? (await import('../requirements/index.js')).REQUIREMENTS;
  const redact = redactorFor(targetSecrets(options.target));
  let summary: RunSummary | undefined;

  const reporters: ReporterEntry[] = [
    ...(options.progress ? ['default'] : []),
    ...(options.reporters ?? []),
    new SummaryReporter({
      requirements,
      ...describeTarget(options.target),
      harnessVersion: pkg.version,
      onSummary: (built) => {
        const view = options.summaryView ? options.summaryView(built) : built;
        summary = redactStrings(options.shard ? { ...view, shard: options.shard } : view, redact);
      },
    }),
    ...(options.blob !== undefined ? [['blob', { outputFile: resolve(options.blob) }] satisfies ReporterSpec] : []),
  ];
  // The engine is asked of the org (one unauthenticated request) only when a report will show it.
  const wantsEnvironment = OUTPUT_FORMATS.some((format) => format.reporter && options.outputs?.[format.id] !== undefined);
  const environment = wantsEnvironment ? { ...(await runEnvironment(options.target, pkg.version)), ...options.environment } : {};
  for (const format of OUTPUT_FORMATS) {
    const path = options.outputs?.[format.id];
    if (path !== undefined && format.reporter) reporters.push(format.reporter(resolve(path), environment));
  }

  const { startVitest } = await import('vitest/node');
  const started = performance.now();
  const restoreProcess = enterRun(options.target);
  try {
    await startVitest(
      'test',
      [...(options.filters ?? [])],
      {
        root,
        config: resolve(root, options.configFile ?? SUITES_CONFIG),
        run: true,
        watch: false,
        reporters,
        provide: {
          target: options.target,
          ...(options.mockHost ? { mockHost: options.mockHost } : {}),
          // Allure's runtime, labels and attachments only for a run that keeps them (suites/support/allure-setup.ts):
          // without Allure results they were built, sent to the main thread and kept there for nothing (whole suite
          // against the embedded mock, load 10-15: peak memory 336-351 → 301-328 MiB).
          allureResults: options.outputs?.allure !== undefined || options.blob !== undefined,
        },
        ...(options.testNamePattern !== undefined ? { testNamePattern: options.testNamePattern } : {}),
        ...(options.bail !== undefined ? { bail: options.bail } : {}),
        ...(options.concurrency !== undefined ? checkConcurrency(options.concurrency) : {}),
        ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
      },
      undefined,
      {
        stdout: redactingStream(options.stdout ?? (options.progress ? process.stdout : nullStream()), redact),
        stderr: redactingStream(options.stderr ?? process.stderr, redact),
      },
    );
  } finally {
    restoreProcess();
  }
  const wallMs = performance.now() - started;
  if (!summary) throw new Error('vitest ended without running the suites (see its messages above)');

  // The summary was redacted when it was built: every format written from it is too.
  for (const format of OUTPUT_FORMATS) {
    const path = options.outputs?.[format.id];
    if (path !== undefined && format.write) await format.write(summary, resolve(path));
  }
  return { summary, exitCode: summary.ok ? 0 : 1, wallMs };
}

/**
 * vitest reads the target from the suites' config (targetFromEnv) as well as from `provide`, and merges the two:
 * the environment variable makes both say the same thing. vitest also sets process.exitCode when a check fails;
 * the caller decides the exit code, so it is put back.
 */
function enterRun(target: TargetConfig): () => void {
  const savedTarget = process.env.MFA_CONFORMANCE_TARGET;
  const savedExitCode = process.exitCode;
  process.env.MFA_CONFORMANCE_TARGET = JSON.stringify(target);
  return () => {
    if (savedTarget === undefined) delete process.env.MFA_CONFORMANCE_TARGET;
    else process.env.MFA_CONFORMANCE_TARGET = savedTarget;
    process.exitCode = savedExitCode;
  };
}

/** What the Allure report shows as the run's environment: no secret, only what reports may name. */
async function runEnvironment(target: TargetConfig, harnessVersion: string): Promise<Record<string, string>> {
  const { target: where, driver } = describeTarget(target);
  return { harness: `mfa-conformance ${harnessVersion}`, target: where, driver, engine: await targetEngine(target) };
}
