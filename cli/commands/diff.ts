/**
 * `mfa-conformance diff LEFT RIGHT`: the requirements whose outcome differs between two runs of the same suites
 * against two targets (a vendor's implementation and a real org, a real org and the mock), each with its checks and
 * their HTTP exchanges side by side. A side is a run's directory holding `summary.json` (`run --json`) and, for the
 * exchanges, `allure-results/` (`run --allure-dir`); the exchanges there were redacted when they were recorded.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunSummary } from '../../reports/summary.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const DIFF_HELP = `Usage: mfa-conformance diff LEFT RIGHT [--json FILE]

Compares two runs of the same suites against two targets, e.g.
  mfa-conformance run --target https://vendor.example ... --json left/summary.json --allure-dir left/allure-results
  mfa-conformance run --target https://dev-1.oktapreview.com ... --json right/summary.json --allure-dir right/allure-results
  mfa-conformance diff left right --json diff.json
and prints the requirements whose outcome differs, with each side's checks and HTTP exchanges (redacted).
LEFT and RIGHT are run directories (summary.json, allure-results/) or summary files. Exit 0 when no outcome differs, 1 otherwise.

Options:
  --json FILE   also write the differences as JSON
  -h, --help    show this help
`;

interface Exchange {
  request?: { method?: string; url?: string; body?: unknown };
  response?: { status?: number; body?: unknown };
}

interface Side {
  summary: RunSummary;
  /** Exchanges by check name (from the Allure results, when present). */
  exchanges: Map<string, Exchange[]>;
}

interface Difference {
  id: string;
  title: string;
  left: SideOutcome;
  right: SideOutcome;
}

interface SideOutcome {
  result: string;
  checks: { name: string; state: string; error?: string; exchanges: Exchange[] }[];
}

export async function diffCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.stdout.write(DIFF_HELP);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError('diff needs two runs: LEFT RIGHT');
  const [left, right] = positionals.map((p) => readSide(resolve(io.cwd, p))) as [Side, Side];
  const differences = compare(left, right);
  io.stdout.write(formatDiff(left.summary, right.summary, differences));
  if (values.json) {
    const file = resolve(io.cwd, values.json);
    writeFileSync(file, `${JSON.stringify({ left: left.summary.target, right: right.summary.target, differences }, null, 2)}\n`);
    io.stdout.write(`JSON diff: ${file}\n`);
  }
  return differences.length === 0 ? 0 : 1;
}

function readSide(path: string): Side {
  if (!existsSync(path)) throw new UsageError(`no such run: ${path}`);
  const dir = statSync(path).isDirectory() ? path : undefined;
  const summaryFile = dir ? join(dir, 'summary.json') : path;
  let summary: RunSummary;
  try {
    summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as RunSummary;
  } catch {
    throw new UsageError(`${summaryFile} is not a run summary (write one with run --json)`);
  }
  if (!Array.isArray(summary.requirements) || !Array.isArray(summary.checks)) throw new UsageError(`${summaryFile} is not a run summary`);
  const allure = dir ? join(dir, 'allure-results') : undefined;
  return { summary, exchanges: allure && existsSync(allure) ? readExchanges(allure) : new Map() };
}

/** Each Allure result's exchange attachment, by the check's name. */
function readExchanges(dir: string): Map<string, Exchange[]> {
  const byCheck = new Map<string, Exchange[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('-result.json'))) {
    try {
      const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name?: string; attachments?: { name?: string; source?: string }[] };
      const attachment = result.attachments?.find((a) => a.name?.startsWith('HTTP exchange'));
      if (!result.name || !attachment?.source) continue;
      byCheck.set(result.name, JSON.parse(readFileSync(join(dir, attachment.source), 'utf8')) as Exchange[]);
    } catch {
      // a result file that is not one of ours: no exchanges for it
    }
  }
  return byCheck;
}

function compare(left: Side, right: Side): Difference[] {
  const rightById = new Map(right.summary.requirements.map((r) => [r.id, r]));
  const differences: Difference[] = [];
  for (const l of left.summary.requirements) {
    const r = rightById.get(l.id);
    if (!r || r.result === l.result) continue;
    differences.push({ id: l.id, title: l.title, left: outcome(left, l.result, l.checks), right: outcome(right, r.result, r.checks) });
  }
  return differences;
}

function outcome(side: Side, result: string, checkNames: readonly string[]): SideOutcome {
  return {
    result,
    checks: checkNames.map((name) => {
      const check = side.summary.checks.find((c) => c.name === name);
      const shortName = name.replace(/ \[[^\]]*\]$/, '');
      const exchanges = side.exchanges.get(name) ?? side.exchanges.get(shortName) ?? [];
      return { name, state: check?.state ?? 'missing', ...(check?.errors?.[0] ? { error: check.errors[0] } : {}), exchanges };
    }),
  };
}

function formatDiff(left: RunSummary, right: RunSummary, differences: readonly Difference[]): string {
  const lines = [`left:  ${left.target}`, `right: ${right.target}`, ''];
  if (differences.length === 0) lines.push('No requirement has a different outcome.');
  else lines.push(`${differences.length} requirement${differences.length === 1 ? '' : 's'} with different outcomes:`);
  for (const d of differences) {
    lines.push('', `${d.id}: left ${d.left.result.toUpperCase()}, right ${d.right.result.toUpperCase()} — ${d.title}`);
    const count = Math.max(d.left.checks.length, d.right.checks.length);
    for (let i = 0; i < count; i++) {
      const l = d.left.checks[i];
      const r = d.right.checks[i];
      lines.push(`  check: ${l?.name ?? r?.name ?? ''}`);
      lines.push(`    left  ${l?.state ?? '-'}${l?.error ? `: ${l.error}` : ''}`);
      lines.push(`    right ${r?.state ?? '-'}${r?.error ? `: ${r.error}` : ''}`);
      const exchanges = Math.max(l?.exchanges.length ?? 0, r?.exchanges.length ?? 0);
      for (let e = 0; e < exchanges; e++) {
        lines.push(`    ${side(l?.exchanges[e]).padEnd(60)} | ${side(r?.exchanges[e])}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One exchange on one line: method, path, status and the error code if any. */
function side(exchange: Exchange | undefined): string {
  if (!exchange) return '';
  const url = exchange.request?.url ? new URL(exchange.request.url).pathname.replace(/^\/orgs\/[^/]+/, '') : '';
  const code = (exchange.response?.body as { errorCode?: unknown } | undefined)?.errorCode;
  return `${exchange.request?.method ?? ''} ${url} → ${exchange.response?.status ?? ''}${typeof code === 'string' ? ` ${code}` : ''}`;
}
