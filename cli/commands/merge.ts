/** `mfa-conformance merge`: the partial results of a sharded run combined into the outputs of a single run. */
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatHelpLines, formatOptions, OUTPUT_FORMATS } from '../../reports/formats/index.js';
import { MergeError, mergeSummaries } from '../../reports/merge.js';
import type { RunSummary } from '../../reports/summary.js';
import { formatRunSummary } from '../print-summary.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';
import { readSummary } from './report.js';

export const MERGE_HELP = `Usage: mfa-conformance merge SHARD.json... [options]

Combines the partial JSON summaries that \`run --shard I/N --json FILE\` wrote (all N of them, from any
machines) into the outputs a single run writes: the summary, Markdown and JUnit are built again from every
shard's checks, and the Allure results of the shards (--allure-from, one per shard) are gathered into one
results folder. Exit code 0 when no check failed or was blocked, 1 when one did, 2 for bad usage or shards
that do not make one whole run.

Options:
  --allure-from DIR      a shard's Allure results folder (repeatable)
${formatHelpLines(OUTPUT_FORMATS)}  -q, --quiet            print nothing but errors
  -h, --help             show this help
`;

export async function mergeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      'allure-from': { type: 'string', multiple: true },
      ...formatOptions(OUTPUT_FORMATS),
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(MERGE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('merge needs the partial summaries of the shards (run --shard I/N --json FILE)');
  const partials = await Promise.all(positionals.map((file) => readSummary(resolve(io.cwd, file))));
  const { REQUIREMENTS } = await import('../../requirements/index.js');
  const summary = mergeOrRefuse(() => mergeSummaries(partials, REQUIREMENTS));

  const flags: Record<string, unknown> = values;
  for (const format of OUTPUT_FORMATS) {
    const value = flags[format.flag];
    if (typeof value !== 'string') continue;
    const path = resolve(io.cwd, value);
    if (format.write) await format.write(summary, path);
    else if (format.id === 'allure') await gatherAllure((values['allure-from'] ?? []).map((dir) => resolve(io.cwd, dir)), path);
  }
  if (!values.quiet) io.stdout.write(formatRunSummary(summary));
  return summary.ok ? 0 : 1;
}

/** Shards that do not make one whole run are bad usage (exit 2), not a failed run. */
function mergeOrRefuse(merge: () => RunSummary): RunSummary {
  try {
    return merge();
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Allure results are one file per test result, container and attachment, each named by its own uuid, so the
 * shards' folders gather into one without a clash; the files every shard writes alike (categories.json,
 * environment.properties) are kept once.
 */
async function gatherAllure(from: readonly string[], into: string): Promise<void> {
  if (from.length === 0) throw new UsageError('--allure-dir needs the shards\' results folders (--allure-from DIR, one per shard)');
  await mkdir(into, { recursive: true });
  const seen = new Set<string>();
  for (const dir of from) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || seen.has(entry.name)) continue;
      seen.add(entry.name);
      await copyFile(join(dir, entry.name), join(into, entry.name));
    }
  }
}
