/**
 * The parts of `run` beyond running: its extra flags (selection, baselines, bail, progress) and what it prints at
 * the end besides the summary (the table by family and factor type, the baseline's verdict). Kept apart from
 * commands/run.ts so that the run command stays a thin list of steps.
 */
import { resolve } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redact } from '../drivers/redact.js';
import { applyBaseline, baselineFrom, formatBaselineVerdict, readBaseline, type Baseline } from '../reports/baseline.js';
import type { RunSummary } from '../reports/summary.js';
import type { CliIO } from './io.js';
import { formatResultTable } from './print-table.js';
import { catalogOf, findProfile } from './profiles.js';
import { ProgressReporter } from './progress.js';
import { packageInfo } from './package-root.js';
import { selectChecks, type Selection } from './run-selection.js';
import { readSummary } from './commands/report.js';
import { parsePositiveInt, UsageError } from './usage.js';

export const RUN_EXTRA_OPTIONS = {
  grep: { type: 'string' },
  profile: { type: 'string' },
  'only-failed': { type: 'string' },
  replay: { type: 'string' },
  bail: { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'string' },
} as const;

export const RUN_EXTRA_HELP = `  --grep TEXT            run only the checks whose name or requirement id contains TEXT
  --profile NAME         run the suites of a certification profile; the summary keeps its requirements
  --only-failed FILE     re-run the failed and blocked checks of an earlier JSON summary
  --replay NAME|ID       re-run one check by its name, or the checks of one requirement id
  --bail N               stop after N failed checks
  --baseline FILE        known failures: exit 1 only for failures not in FILE (and for expired entries)
  --update-baseline FILE write the failures of this run to FILE (reasons of entries already there are kept)
`;

export interface RunExtras {
  selection: Selection;
  bail?: number;
  baseline?: Baseline;
  updateBaseline?: string;
}

interface ExtraValues {
  grep?: string | undefined;
  profile?: string | undefined;
  'only-failed'?: string | undefined;
  replay?: string | undefined;
  bail?: string | undefined;
  baseline?: string | undefined;
  'update-baseline'?: string | undefined;
}

export async function readRunExtras(values: ExtraValues, filters: readonly string[], testNamePattern: string | undefined, io: CliIO): Promise<RunExtras> {
  const onlyFailed = values['only-failed'] !== undefined ? await readSummary(resolve(io.cwd, values['only-failed'])) : undefined;
  const profile = values.profile !== undefined ? findProfile(io, values.profile) : undefined;
  const selection = selectChecks(
    { filters, ...(testNamePattern !== undefined ? { testNamePattern } : {}), ...(values.grep !== undefined ? { grep: values.grep } : {}), ...(profile ? { profile } : {}), ...(onlyFailed ? { onlyFailed } : {}), ...(values.replay !== undefined ? { replay: values.replay } : {}) },
    catalogOf(io),
    io.suites?.root ?? packageInfo().root,
  );
  let baseline: Baseline | undefined;
  if (values.baseline !== undefined) {
    try {
      baseline = await readBaseline(resolve(io.cwd, values.baseline));
    } catch (error) {
      throw new UsageError(`--baseline: ${(error as Error).message}`);
    }
  }
  return {
    selection,
    ...(values.bail !== undefined ? { bail: parsePositiveInt('--bail', values.bail) } : {}),
    ...(baseline ? { baseline } : {}),
    ...(values['update-baseline'] !== undefined ? { updateBaseline: resolve(io.cwd, values['update-baseline']) } : {}),
  };
}

export function progressReporters(quiet: boolean | undefined, io: CliIO, redact: Redact): ProgressReporter[] {
  return quiet ? [] : [new ProgressReporter({ stream: io.stdout, env: io.env, redact })];
}

/** A profile's run: the summary keeps only the profile's requirements, at the profile's levels. */
export function narrowToProfile(summary: RunSummary, selection: Selection): RunSummary {
  const profile = selection.profile;
  if (!profile) return summary;
  const levels = new Map(profile.requirements.map((r) => [r.id, r.level]));
  const requirements = summary.requirements.filter((r) => levels.has(r.id)).map((r) => ({ ...r, level: levels.get(r.id) ?? r.level }));
  const count = (result: string): number => requirements.filter((r) => r.result === result).length;
  const requirementTotals = { requirements: requirements.length, pass: count('pass'), fail: count('fail'), blocked: count('blocked'), skip: count('skip') };
  return { ...summary, requirements, requirementTotals, ok: requirementTotals.fail === 0 && requirementTotals.blocked === 0 && summary.errors.length === 0 };
}

/** The end of `run` beyond the summary: the table, the baseline's verdict, the baseline written. Returns the exit code. */
export async function finishRun(summary: RunSummary, extras: RunExtras, exitCode: number, io: CliIO): Promise<number> {
  io.stdout.write(`\nBy family and factor type (requirements):\n${formatResultTable(summary.requirements)}`);
  let code = exitCode;
  if (extras.baseline) {
    const verdict = applyBaseline(summary, extras.baseline);
    io.stdout.write(formatBaselineVerdict(verdict));
    code = verdict.ok ? 0 : 1;
  }
  if (extras.updateBaseline !== undefined) {
    const previous = extras.baseline ?? (await readBaseline(extras.updateBaseline).catch(() => undefined));
    const baseline = baselineFrom(summary, previous);
    await mkdir(dirname(extras.updateBaseline), { recursive: true });
    await writeFile(extras.updateBaseline, `${JSON.stringify(baseline, null, 2)}\n`);
    io.stdout.write(`Baseline: ${extras.updateBaseline} (${baseline.expectedFailures.length} expected failures)\n`);
  }
  return code;
}
