/** `mfa-conformance report`: the certification report of an earlier run, from its JSON summary. */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderMarkdown } from '../../reports/markdown.js';
import type { RunSummary } from '../../reports/summary.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const REPORT_HELP = `Usage: mfa-conformance report SUMMARY.json [--markdown FILE]

Renders the certification report (Markdown) of a run from the JSON summary that \`run --json\` wrote.
Prints it on stdout unless --markdown names a file.

Options:
  --markdown FILE   write the Markdown report to FILE
  -h, --help        show this help
`;

export async function reportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    { markdown: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    true,
  );
  if (values.help) {
    io.stdout.write(REPORT_HELP);
    return 0;
  }
  const [input, ...extra] = positionals;
  if (input === undefined) throw new UsageError('report needs the JSON summary of a run (run --json FILE)');
  if (extra.length > 0) throw new UsageError(`report takes one summary file, got ${positionals.length}`);

  const summary = await readSummary(resolve(io.cwd, input));
  const markdown = renderMarkdown(summary);
  if (values.markdown === undefined) io.stdout.write(markdown);
  else await writeFile(resolve(io.cwd, values.markdown), markdown);
  return 0;
}

async function readSummary(file: string): Promise<RunSummary> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'is not JSON' : 'cannot be read';
    throw new UsageError(`${file} ${why}`);
  }
  if (!isRunSummary(parsed)) throw new UsageError(`${file} is not a run summary (no totals and requirements)`);
  return parsed;
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
