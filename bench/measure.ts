/**
 * One measured run in a process of its own, so that its CPU time and peak memory are its own:
 * `node dist/bench/measure.js suite` (the whole suite against the embedded mock, as `mfa-conformance run` runs it)
 * or `node dist/bench/measure.js floor FILES TESTS` (bench/floor.ts). Prints one JSON line (a Measurement).
 */
import { nullStream } from '../cli/redact.js';
import { runSuites } from '../cli/run-suites.js';
import { runFloor } from './floor.js';

export interface Measurement {
  /** user + system CPU time of the whole process, every thread, start-up included. */
  cpuMs: number;
  /** Peak resident set size of the process. */
  peakMiB: number;
  /** The suite run only. */
  suite?: { checks: number; passed: number; failed: number; blocked: number; skipped: number; files: number; httpRequests: number; ok: boolean };
}

async function measure(argv: readonly string[]): Promise<Measurement> {
  const [what, files, tests] = argv;
  let suite: Measurement['suite'];
  if (what === 'suite') {
    const { summary } = await runSuites({ target: { kind: 'mock' }, stdout: nullStream() });
    const { totals } = summary;
    const files = new Set(summary.checks.map((check) => check.module)).size;
    suite = { ...totals, files, httpRequests: summary.httpRequests, ok: summary.ok };
  } else if (what === 'floor') {
    await runFloor(Number(files), Number(tests));
  } else {
    throw new Error(`measure what? (suite | floor FILES TESTS), got ${String(what)}`);
  }
  const usage = process.resourceUsage();
  return {
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakMiB: usage.maxRSS / 1024,
    ...(suite ? { suite } : {}),
  };
}

process.stdout.write(`${JSON.stringify(await measure(process.argv.slice(2)))}\n`);
