/** `mfa-conformance compare OLD.json NEW.json`: requirements whose result changed between two runs. */
import { resolve } from 'node:path';
import { compareSummaries, formatChanges } from '../../reports/compare.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';
import { readSummary } from './report.js';

export const COMPARE_HELP = `Usage: mfa-conformance compare OLD.json NEW.json [--json]

Shows the requirements whose result changed between two run summaries (run --json), newly failing first
(a requirement that fails or is blocked in NEW and did not in OLD).

Options:
  --json       print the changes as JSON
  -h, --help   show this help

Exit codes: 0 nothing newly fails, 1 a requirement newly fails, 2 bad usage.
`;

export async function compareCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.stdout.write(COMPARE_HELP);
    return 0;
  }
  const [older, newer, ...extra] = positionals;
  if (older === undefined || newer === undefined || extra.length > 0) throw new UsageError('compare takes two summaries: OLD.json NEW.json');
  const changes = compareSummaries(await readSummary(resolve(io.cwd, older)), await readSummary(resolve(io.cwd, newer)));
  io.stdout.write(values.json ? `${JSON.stringify(changes, null, 2)}\n` : formatChanges(changes));
  return changes.some((c) => c.newlyFailing) ? 1 : 0;
}
