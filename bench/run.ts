/**
 * `npm run bench`: the whole suite against the embedded mock org, N times, through the same path as
 * `mfa-conformance run`; prints each run and then the medians. Exits 1 if any run had a failing check.
 */
import { parseCommandArgs, parsePositiveInt, UsageError } from '../cli/usage.js';
import { nullStream } from '../cli/redact.js';
import { runSuites } from '../cli/run-suites.js';
import type { RunSummary } from '../reports/summary.js';

const HELP = `Usage: npm run bench -- [--runs N]

Runs every conformance suite against the embedded mock org N times (default 5), quietly,
and prints wall time, checks and HTTP requests per run, then their medians.
`;

interface BenchRun {
  wallMs: number;
  summary: RunSummary;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { runs: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const runs = values.runs === undefined ? 5 : parsePositiveInt('--runs', values.runs);

  const results: BenchRun[] = [];
  for (let i = 1; i <= runs; i++) {
    const { summary, wallMs } = await runSuites({ target: { kind: 'mock' }, stdout: nullStream() });
    results.push({ wallMs, summary });
    process.stdout.write(`run ${i}/${runs}: ${formatRun(wallMs, summary)}\n`);
    for (const error of summary.errors) process.stdout.write(`  error (${error.kind}): ${error.message}\n`);
  }

  const median = (pick: (run: BenchRun) => number): number => medianOf(results.map(pick));
  process.stdout.write(
    `median: ${(median((r) => r.wallMs) / 1000).toFixed(2)} s wall, ` +
      `${median((r) => r.summary.totals.checks)} checks ` +
      `(${median((r) => r.summary.totals.passed)} passed, ${median((r) => r.summary.totals.failed)} failed, ` +
      `${median((r) => r.summary.totals.blocked)} blocked, ` +
      `${median((r) => r.summary.totals.skipped)} skipped), ` +
      `${median((r) => r.summary.httpRequests)} HTTP requests\n`,
  );
  const bad = results.filter((run) => !run.summary.ok).length;
  if (bad > 0) process.stderr.write(`${bad} of ${runs} runs had a failing or blocked check, or an error\n`);
  return bad > 0 ? 1 : 0;
}

function formatRun(wallMs: number, summary: RunSummary): string {
  const { totals } = summary;
  return (
    `${(wallMs / 1000).toFixed(2)} s wall, ${totals.checks} checks ` +
    `(${totals.passed} passed, ${totals.failed} failed, ${totals.blocked} blocked, ${totals.skipped} skipped), ${summary.httpRequests} HTTP requests`
  );
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
