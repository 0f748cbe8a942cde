/**
 * `mfa-conformance diff`: runs the same suites against two targets (`--left-…`, `--right-…`, see cli/diff-run.ts), or
 * reads two runs already made (`diff LEFT RIGHT`), and reports the requirements whose outcome differs between two runs of the same suites
 * against two targets (a vendor's implementation and a real org, a real org and the mock), each with its checks and
 * their HTTP exchanges side by side. A side is a run's directory holding `summary.json` (`run --json`) and, for the
 * exchanges, `allure-results/` (`run --allure-dir`); the exchanges there were redacted when they were recorded.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { redactorFor } from '../../drivers/redact.js';
import { DIFF_SIDE_OPTIONS, runBothSides, wantsRun } from '../diff-run.js';
import type { RunSummary } from '../../reports/summary.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const DIFF_HELP = `Usage: mfa-conformance diff --left-target URL ... --right-target URL ... [options] [FILTER...]
       mfa-conformance diff LEFT RIGHT [--json FILE]

Runs the same suites (FILTER: parts of suite file paths) against two targets, one after the other, e.g. a vendor's
implementation and a real Okta org, or a real org and the embedded mock, and prints the requirements whose outcome
differs, with each side's checks and HTTP exchanges (redacted) side by side:
  mfa-conformance diff --left-target https://vendor.example --left-token T1 \\
                       --right-target https://dev-1.oktapreview.com --right-token T2 \\
                       --allow-target vendor.example --allow-target dev-1.oktapreview.com suites/okta-factors/totp
A side given no target is the embedded mock org (which takes --left-fault/--right-fault ID).

Each side takes the target flags of \`run\`, prefixed:
  --left-target URL, --left-token T, --left-control-token T, --left-client-id ID, --left-private-key FILE,
  --left-scopes "S", --left-key-id KID, --left-driver okta|http, --left-telephony-hook-port N, --left-fault ID,
  --left-config FILE (its target, driver and allowTargets), and the same with --right-.
  OKTA_CLIENT_ORGURL and MFA_CONFORMANCE_TARGET are not read (each side names its own target); OKTA_CLIENT_TOKEN
  and the other OKTA_CLIENT_* variables serve a side whose flags give no credentials.

With two positional arguments and no side flag, compares two runs already made instead:
  mfa-conformance run --target https://vendor.example ... --json left/summary.json --allure-dir left/allure-results
  mfa-conformance run --target https://dev-1.oktapreview.com ... --json right/summary.json --allure-dir right/allure-results
  mfa-conformance diff left right --json diff.json
LEFT and RIGHT are run directories (summary.json, allure-results/) or summary files.

Options:
  --allow-target HOST     allow this host (repeatable, both sides; see run --help)
  --allow-production      also allow a host that looks like production
  -t, --test-name-pattern PATTERN   run only the checks whose full name matches
  --out DIR               keep the two runs in DIR/left and DIR/right (default: a temporary directory, removed)
  --json FILE             also write the differences as JSON
  -q, --quiet             no progress output
  -h, --help              show this help

Exit 0 when no outcome differs, 1 otherwise, 2 bad usage or a target that cannot be used.
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
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      ...DIFF_SIDE_OPTIONS,
      'allow-target': { type: 'string', multiple: true },
      'allow-production': { type: 'boolean' },
      'test-name-pattern': { type: 'string', short: 't' },
      out: { type: 'string' },
      json: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(DIFF_HELP);
    return 0;
  }
  let dirs: [string, string];
  let secrets: string[] = [];
  let scratch: string | undefined;
  if (wantsRun(values)) {
    const outDir = values.out !== undefined ? resolve(io.cwd, values.out) : (scratch = mkdtempSync(join(tmpdir(), 'mfa-conformance-diff-')));
    try {
      secrets = await runBothSides(
        {
          values,
          allowTargets: values['allow-target'] ?? [],
          allowProduction: values['allow-production'] ?? false,
          filters: positionals,
          ...(values['test-name-pattern'] !== undefined ? { testNamePattern: values['test-name-pattern'] } : {}),
          quiet: values.quiet ?? false,
        },
        outDir,
        io,
      );
    } catch (error) {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      throw error;
    }
    dirs = [join(outDir, 'left'), join(outDir, 'right')];
  } else {
    if (values['allow-target'] || values['allow-production'] || values['test-name-pattern'] !== undefined || values.out !== undefined) {
      throw new UsageError('--allow-target, --allow-production, -t and --out belong to the run mode (--left-target …, --right-target …)');
    }
    if (positionals.length !== 2) throw new UsageError('diff needs two targets (--left-target …, --right-target …) or two runs: LEFT RIGHT');
    dirs = positionals.map((p) => resolve(io.cwd, p)) as [string, string];
  }
  try {
    return writeDiff(dirs, values.json, secrets, io);
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

function writeDiff([leftPath, rightPath]: [string, string], json: string | undefined, secrets: readonly string[], io: CliIO): number {
  const redact = redactorFor(secrets);
  const left = readSide(leftPath);
  const right = readSide(rightPath);
  const differences = compare(left, right);
  io.stdout.write(redact(formatDiff(left.summary, right.summary, differences)));
  if (json) {
    const file = resolve(io.cwd, json);
    writeFileSync(file, `${redact(JSON.stringify({ left: left.summary.target, right: right.summary.target, differences }, null, 2))}\n`);
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
      const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AllureStep & { name?: string };
      const attachment = attachmentsOf(result).find((a) => a.name?.startsWith('HTTP exchange'));
      if (!result.name || !attachment?.source) continue;
      byCheck.set(result.name, JSON.parse(readFileSync(join(dir, attachment.source), 'utf8')) as Exchange[]);
    } catch {
      // a result file that is not one of ours: no exchanges for it
    }
  }
  return byCheck;
}

interface AllureStep {
  attachments?: { name?: string; source?: string }[];
  steps?: AllureStep[];
}

/** A result's attachments, its steps' included (Allure 3 puts a runtime attachment in a step of its own). */
function attachmentsOf(step: AllureStep): NonNullable<AllureStep['attachments']> {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
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
      // Allure names a result by the check's own title, without its describe blocks (and, in older results, without its requirement ids)
      const title = name.split(' > ').pop() ?? name;
      const exchanges = side.exchanges.get(name) ?? side.exchanges.get(title) ?? side.exchanges.get(title.replace(/ \[[^\]]*\]$/, '')) ?? [];
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
