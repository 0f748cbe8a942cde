/** `mfa-conformance report`: the certification report of an earlier run, from its JSON summary (read here for `merge` too). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { buildAllureHtml } from '../../reports/allure-html.js';
import { resolve } from 'node:path';
import { formatHelpLines, formatOptions, OUTPUT_FORMATS, type OutputFormat } from '../../reports/formats/index.js';
import { renderMarkdown } from '../../reports/markdown.js';
import type { RunSummary } from '../../reports/summary.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';

/** The formats a report can be rendered in from a summary alone (Allure results need the run itself). */
const SUMMARY_FORMATS = OUTPUT_FORMATS.filter((format): format is OutputFormat & Required<Pick<OutputFormat, 'write'>> => format.write !== undefined);

export const REPORT_HELP = `Usage: mfa-conformance report SUMMARY.json [options]
       mfa-conformance report --allure-dir DIR [--out DIR]

Renders the reports of a run from the JSON summary that \`run --json\` wrote.
With no option, prints the certification report (Markdown) on stdout.
With --allure-dir, builds the Allure 3 HTML report (one self-contained index.html) from the Allure results
that \`run --allure-dir\` wrote, keeping history across builds: history.jsonl in the output directory carries
the previous reports' results forward (trends, newly failing checks). Keep the output directory between runs.

Options:
${formatHelpLines(SUMMARY_FORMATS)}  --allure-dir DIR       the Allure results to build the HTML report from
  --out DIR              where to write the HTML report (default: allure-report)
  -h, --help             show this help

Exit codes: 0 written, 1 the report could not be built, 2 bad usage.
`;

export async function reportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { ...formatOptions(SUMMARY_FORMATS), 'allure-dir': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  if (values['allure-dir'] !== undefined) {
    if (positionals.length > 0) throw new UsageError('report --allure-dir takes no summary file');
    const resultsDir = resolve(io.cwd, values['allure-dir']);
    if (!existsSync(resultsDir)) throw new UsageError(`--allure-dir ${values['allure-dir']} does not exist (run --allure-dir DIR writes it)`);
    const built = await buildAllureHtml({ resultsDir, outDir: resolve(io.cwd, values.out ?? 'allure-report') });
    io.stdout.write(`Allure report: ${built.index}\nHistory: ${built.history} (${built.historyEntries} report${built.historyEntries === 1 ? '' : 's'})\n`);
    return 0;
  }
  if (values.out !== undefined) throw new UsageError('--out goes with --allure-dir');
  const [input, ...extra] = positionals;
  if (input === undefined) throw new UsageError('report needs the JSON summary of a run (run --json FILE)');
  if (extra.length > 0) throw new UsageError(`report takes one summary file, got ${positionals.length}`);

  const summary = await readSummary(resolve(io.cwd, input));
  const flags: Record<string, unknown> = values;
  const chosen = SUMMARY_FORMATS.filter((format) => typeof flags[format.flag] === 'string');
  if (chosen.length === 0) io.stdout.write(renderMarkdown(summary));
  for (const format of chosen) await format.write(summary, resolve(io.cwd, String(flags[format.flag])));
  return 0;
}

export async function readSummary(file: string): Promise<RunSummary> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'is not JSON' : 'cannot be read';
    throw new UsageError(`${file} ${why}`);
  }
  if (!isRunSummary(parsed)) throw new UsageError(`${file} is not a run summary (no totals and requirements)`);
  return withAddedFields(parsed);
}

/** A summary written before BLOCKED and failure kinds existed has none of either. */
function withAddedFields(summary: RunSummary): RunSummary {
  return {
    ...summary,
    totals: { ...summary.totals, blocked: summary.totals.blocked ?? 0 },
    requirementTotals: { ...summary.requirementTotals, blocked: summary.requirementTotals.blocked ?? 0 },
    failureKinds: summary.failureKinds ?? {},
  };
}

function isRunSummary(value: unknown): value is RunSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof RunSummary, unknown>>;
  return (
    typeof v.totals === 'object' &&
    Array.isArray(v.requirements) &&
    Array.isArray(v.errors) &&
    typeof v.requirementTotals === 'object' &&
    typeof v.target === 'string' &&
    typeof v.driver === 'string'
  );
}
