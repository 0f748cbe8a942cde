/**
 * Baselines: the failures a team knows about. A file of expected failures (a requirement id or a check name, the
 * reason, an optional expiry date) is applied to a run: only failures not in it fail the run; an expected failure
 * that did not happen is reported ("fixed? remove it from the baseline"); an expired entry counts as a failure.
 */
import { readFile } from 'node:fs/promises';
import type { RunSummary } from './summary.js';

export interface BaselineEntry {
  /** A requirement id, or… */
  requirement?: string;
  /** …a check's full name. */
  check?: string;
  reason: string;
  /** YYYY-MM-DD: from the day after, the entry no longer excuses anything. */
  expires?: string;
}

export interface Baseline {
  expectedFailures: BaselineEntry[];
}

/** A requirement that failed or was blocked, with the checks that did. */
interface Failure {
  requirement: string;
  checks: string[];
  line: string;
}

export interface BaselineVerdict {
  /** Failures no entry excuses: these fail the run. */
  unexpected: Failure[];
  /** Failures an entry excuses. */
  expected: { failure: Failure; entry: BaselineEntry }[];
  /** Entries that matched no failure: fixed? */
  notHappened: BaselineEntry[];
  /** Entries past their expiry date: reported as failures. */
  expired: BaselineEntry[];
  ok: boolean;
}

function describeEntry(entry: BaselineEntry): string {
  return entry.requirement ?? `check "${entry.check ?? ''}"`;
}

export function parseBaseline(text: string, where: string): Baseline {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const list = (parsed as { expectedFailures?: unknown } | null)?.expectedFailures;
  if (!Array.isArray(list)) throw new Error(`${where} has no expectedFailures array`);
  const entries = list.map((item: unknown, index): BaselineEntry => {
    const e = (item ?? {}) as Record<string, unknown>;
    const requirement = typeof e.requirement === 'string' ? e.requirement : undefined;
    const check = typeof e.check === 'string' ? e.check : undefined;
    if (!requirement && !check) throw new Error(`${where}: entry ${index + 1} names neither a requirement nor a check`);
    if (typeof e.reason !== 'string' || e.reason.trim() === '') throw new Error(`${where}: entry ${index + 1} has no reason`);
    if (e.expires !== undefined && (typeof e.expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.expires))) {
      throw new Error(`${where}: entry ${index + 1} expires must be YYYY-MM-DD`);
    }
    return { ...(requirement ? { requirement } : {}), ...(check ? { check } : {}), reason: e.reason, ...(typeof e.expires === 'string' ? { expires: e.expires } : {}) };
  });
  return { expectedFailures: entries };
}

export async function readBaseline(path: string): Promise<Baseline> {
  return parseBaseline(await readFile(path, 'utf8'), path);
}

function failuresOf(summary: RunSummary): Failure[] {
  return summary.requirements
    .filter((r) => r.result === 'fail' || r.result === 'blocked')
    .map((r) => {
      const checks = [...(r.failedChecks ?? []), ...(r.blockedChecks ?? [])];
      const first = summary.checks.find((c) => c.name === checks[0]);
      const line = first?.errors?.[0] ?? (first?.blockedBy ? `blocked by ${first.blockedBy.precondition}` : r.result);
      return { requirement: r.id, checks, line };
    });
}

export function applyBaseline(summary: RunSummary, baseline: Baseline, today: Date = new Date()): BaselineVerdict {
  const day = today.toISOString().slice(0, 10);
  const expired = baseline.expectedFailures.filter((e) => e.expires !== undefined && e.expires < day);
  const live = baseline.expectedFailures.filter((e) => !expired.includes(e));
  const matches = (entry: BaselineEntry, f: Failure): boolean =>
    entry.requirement !== undefined ? entry.requirement === f.requirement : entry.check !== undefined && f.checks.includes(entry.check);

  const unexpected: Failure[] = [];
  const expected: BaselineVerdict['expected'] = [];
  const used = new Set<BaselineEntry>();
  for (const failure of failuresOf(summary)) {
    const entry = live.find((e) => matches(e, failure));
    if (entry) {
      expected.push({ failure, entry });
      used.add(entry);
    } else unexpected.push(failure);
  }
  const notHappened = live.filter((e) => !used.has(e));
  return { unexpected, expected, notHappened, expired, ok: unexpected.length === 0 && expired.length === 0 && summary.errors.length === 0 };
}

/** The current failures as a baseline; reasons and expiry dates of entries already there are kept. */
export function baselineFrom(summary: RunSummary, previous?: Baseline): Baseline {
  const known = new Map((previous?.expectedFailures ?? []).filter((e) => e.requirement).map((e) => [e.requirement, e]));
  return {
    expectedFailures: failuresOf(summary).map((f) => {
      const old = known.get(f.requirement);
      return old ? { ...old } : { requirement: f.requirement, reason: f.line };
    }),
  };
}

export function formatBaselineVerdict(verdict: BaselineVerdict): string {
  const lines = ['', `Baseline: ${verdict.expected.length} expected failure(s), ${verdict.unexpected.length} new, ${verdict.notHappened.length} did not happen, ${verdict.expired.length} expired`];
  for (const f of verdict.unexpected) lines.push(`  NEW FAIL ${f.requirement}: ${f.line}`);
  for (const e of verdict.expired) lines.push(`  EXPIRED  ${describeEntry(e)} (expired ${e.expires ?? ''}): ${e.reason}`);
  for (const { failure, entry } of verdict.expected) lines.push(`  expected ${failure.requirement}: ${entry.reason}`);
  for (const e of verdict.notHappened) lines.push(`  expected failure did not happen: ${describeEntry(e)} (fixed? remove it from the baseline)`);
  lines.push(verdict.ok ? 'Result with baseline: PASS (no new failure)' : 'Result with baseline: FAIL');
  return `${lines.join('\n')}\n`;
}
