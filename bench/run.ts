/**
 * `npm run bench`: the whole suite against the embedded mock org, N times, through the same path as
 * `mfa-conformance run`, alternating with the floor (vitest on as many trivial tests in as many files, same pool:
 * bench/floor.ts), each run a process of its own. Prints every run, then the medians: wall and CPU time, the ratio
 * of the suite to its floor and the goal (at most 2× the floor plus 1 ms per check), checks per second, peak memory.
 * On a shared machine wall time is noisy: CPU time (user + system, every thread) is the steadier figure.
 * Exits 1 if any run had a failing check.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs, parsePositiveInt, UsageError } from '../cli/usage.js';
import type { Measurement } from './measure.js';

const HELP = `Usage: npm run bench -- [--runs N]

Runs every conformance suite against the embedded mock org N times (default 5), alternating with the floor
(vitest itself on as many files and trivial tests, same pool settings), each run in a process of its own, and
prints wall time, CPU time (user + system), peak memory, checks and HTTP requests per run, then their medians,
the ratio of the suite to its floor, checks per second and the goals.
`;

const MEASURE = fileURLToPath(new URL('./measure.js', import.meta.url));
const MIB_GOAL = 250;
const CHECKS_PER_SECOND_GOAL = 300;

interface Timed extends Measurement {
  wallMs: number;
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { runs: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, false);
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const runs = values.runs === undefined ? 5 : parsePositiveInt('--runs', values.runs);

  const suites: Timed[] = [];
  const floors: Timed[] = [];
  let bad = 0;
  for (let i = 1; i <= runs; i++) {
    const suite = await measured(['suite']);
    const totals = suite.suite;
    if (!totals) throw new Error('the suite run reported no totals');
    if (!totals.ok) bad++;
    suites.push(suite);
    process.stdout.write(
      `run ${i}/${runs}  suite: ${formatCost(suite)}, ${totals.checks} checks in ${totals.files} files ` +
        `(${totals.passed} passed, ${totals.failed} failed, ${totals.blocked} blocked, ${totals.skipped} skipped), ${totals.httpRequests} HTTP requests\n`,
    );
    // the floor right after, on the same shape: A/B alternately, so a busy spell of the machine hits both
    const floor = await measured(['floor', String(totals.files), String(totals.checks)]);
    floors.push(floor);
    process.stdout.write(`run ${i}/${runs}  floor: ${formatCost(floor)}\n`);
  }

  const median = (of: readonly Timed[], pick: (run: Timed) => number): number => medianOf(of.map(pick));
  const checks = median(suites, (r) => r.suite?.checks ?? 0);
  const suiteWall = median(suites, (r) => r.wallMs);
  const floorWall = median(floors, (r) => r.wallMs);
  const suiteCpu = median(suites, (r) => r.cpuMs);
  const floorCpu = median(floors, (r) => r.cpuMs);
  const peak = Math.max(...suites.map((r) => r.peakMiB));
  const goalMs = 2 * floorWall + checks;
  const perSecond = checks / (suiteWall / 1000);
  const lines = [
    `median suite: ${seconds(suiteWall)} wall, ${seconds(suiteCpu)} CPU, ${checks} checks, ${median(suites, (r) => r.suite?.httpRequests ?? 0)} HTTP requests`,
    `median floor: ${seconds(floorWall)} wall, ${seconds(floorCpu)} CPU (vitest on ${median(suites, (r) => r.suite?.files ?? 0)} files of trivial tests, same pool)`,
    `suite / floor: ${(suiteWall / floorWall).toFixed(1)}× wall, ${(suiteCpu / floorCpu).toFixed(1)}× CPU; ` +
      `goal 2× floor + 1 ms/check = ${seconds(goalMs)} wall: ${suiteWall <= goalMs ? 'met' : 'not met'}`,
    `checks per second: ${perSecond.toFixed(0)} (goal ≥ ${CHECKS_PER_SECOND_GOAL}: ${perSecond >= CHECKS_PER_SECOND_GOAL ? 'met' : 'not met'})`,
    `peak memory: ${peak.toFixed(0)} MiB (goal < ${MIB_GOAL}: ${peak < MIB_GOAL ? 'met' : 'not met'})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (bad > 0) process.stderr.write(`${bad} of ${runs} runs had a failing or blocked check, or an error\n`);
  return bad > 0 ? 1 : 0;
}

/** Runs bench/measure.js in a process of its own; wall time from spawn to exit. */
function measured(args: readonly string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [MEASURE, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ ...(JSON.parse(line) as Measurement), wallMs });
      } catch {
        reject(new Error(`measure ${args.join(' ')} exited ${code} without a measurement`));
      }
    });
  });
}

function formatCost(run: Timed): string {
  return `${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, ${run.peakMiB.toFixed(0)} MiB peak`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
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
