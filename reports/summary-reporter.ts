/**
 * A vitest reporter that turns a run into the run summary (reports/summary.ts):
 * it reads each check's `meta()` and `result()`, adds the errors of the run, and hands the summary on.
 * It prints nothing; the CLI decides what to show.
 */
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason } from 'vitest/node';
import type { Requirement } from '../requirements/index.js';
import { buildSummary, type CheckRecord, type RunError, type RunSummary } from './summary.js';

export interface SummaryReporterOptions {
  /** The requirement catalog. */
  requirements: readonly Requirement[];
  /** What the run is aimed at, already free of secrets (see cli/target.ts `describeTarget`). */
  target: string;
  /** Driver kind. */
  driver: string;
  harnessVersion?: string;
  /** Called with the summary once the run ends. */
  onSummary?: (summary: RunSummary) => void | Promise<void>;
}

export class SummaryReporter implements Reporter {
  readonly #options: SummaryReporterOptions;
  #startedAt = new Date();
  #startMs = performance.now();

  constructor(options: SummaryReporterOptions) {
    this.#options = options;
  }

  onTestRunStart(): void {
    this.#startedAt = new Date();
    this.#startMs = performance.now();
  }

  async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): Promise<void> {
    const summary = buildSummary({
      requirements: this.#options.requirements,
      checks: testModules.flatMap((module) => [...module.children.allTests()].map(toCheckRecord)),
      errors: runErrors(testModules, unhandledErrors, reason),
      target: this.#options.target,
      driver: this.#options.driver,
      startedAt: this.#startedAt,
      durationMs: performance.now() - this.#startMs,
      ...(this.#options.harnessVersion !== undefined ? { harnessVersion: this.#options.harnessVersion } : {}),
    });
    await this.#options.onSummary?.(summary);
  }
}

function toCheckRecord(test: TestCase): CheckRecord {
  const meta = test.meta();
  const result = test.result();
  const diagnostic = test.diagnostic();
  // vitest saw a blocked check as skipped; `check()` left what blocked it on the meta
  const blocked = result.state === 'skipped' ? meta.blocked : undefined;
  const record: CheckRecord = {
    name: test.fullName,
    module: test.module.relativeModuleId,
    // a check still pending when the run ended never ran: the run error 'interrupted' says why
    state: blocked ? 'blocked' : result.state === 'pending' ? 'skipped' : result.state,
    requirements: [...(meta.requirements ?? [])],
    ...(meta.transitions ? { transitions: [...meta.transitions] } : {}),
  };
  if (blocked) record.blockedBy = blocked;
  else if (result.state === 'skipped') {
    const reason = result.note ?? meta.skipReason;
    if (reason) record.skipReason = reason;
  }
  if (result.state === 'failed') {
    record.errors = result.errors.map((error) => firstLine(error.message));
    // check() says the kind; a plain vitest test is judged by its error's name
    record.failureKind = meta.failureKind ?? (/assert/i.test(result.errors[0]?.name ?? '') ? 'assertion' : 'error');
  }
  if (diagnostic) record.durationMs = Math.round(diagnostic.duration);
  if (typeof meta.httpRequests === 'number') record.httpRequests = meta.httpRequests;
  return record;
}

function runErrors(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): RunError[] {
  const errors: RunError[] = [];
  if (testModules.length === 0) errors.push({ kind: 'no-suites', message: 'no test file matched the filters' });
  for (const module of testModules) {
    const suiteErrors = [module, ...module.children.allSuites()].flatMap((suite) => suite.errors());
    for (const error of suiteErrors) {
      errors.push({ kind: 'module', module: module.relativeModuleId, message: describeError(error) });
    }
  }
  for (const error of unhandledErrors) errors.push({ kind: 'unhandled', message: describeError(error) });
  if (reason === 'interrupted') errors.push({ kind: 'interrupted', message: 'the run was interrupted' });
  return errors;
}

function describeError(error: SerializedError): string {
  const message = firstLine(error.message);
  return error.name && !message.startsWith(error.name) ? `${error.name}: ${message}` : message;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n', 1)[0]?.trim() ?? '';
}
