/**
 * The run summary: every requirement of the catalog as pass / fail / blocked / skip, built from the checks of one run.
 * Other tools (CI gates, the certification report, the benchmark) read this shape, so fields are only ever added.
 */
import { familyTitle, type Requirement, type RequirementLevel } from '../requirements/index.js';
import type { BlockedBy, FailureKind } from './check-meta.js';
import { buildTransitionTable, type TransitionTableSummary } from './transition-table.js';

/** `blocked`: a precondition of the check failed, so its requirement was not tested (vitest saw a skip). */
export type CheckState = 'passed' | 'failed' | 'blocked' | 'skipped';

/** One vitest test of the run, as the summary sees it. */
export interface CheckRecord {
  /** vitest's full name (`describe > … > test`), the name `-t` matches. */
  name: string;
  /** Test file, relative to the project root. */
  module: string;
  state: CheckState;
  /** Requirement ids the check names (`meta.requirements`). */
  requirements: string[];
  /** Transition-table cells the check exercises (`meta.transitions`). */
  transitions?: string[];
  /** Why the check was skipped (its skip note, else `meta.skipReason`). Absent when it was filtered out. */
  skipReason?: string;
  /** First line of each error of a failed check. */
  errors?: string[];
  /** What kind of expectation a failed check broke (`status`, `error-code`, `schema`, …). */
  failureKind?: FailureKind;
  /** The precondition that blocked a blocked check, and the requirement it relies on. */
  blockedBy?: BlockedBy;
  durationMs?: number;
  /** HTTP requests the check sent (`meta.httpRequests`). */
  httpRequests?: number;
}

export type RunErrorKind =
  /** A check names a requirement id that is not in the catalog. */
  | 'unknown-requirement'
  /** The catalog lists the same id twice. */
  | 'duplicate-requirement'
  /** A test file or suite failed outside any check (import error, failing beforeAll, …). */
  | 'module'
  /** An error vitest caught outside the tests (unhandled rejection, worker crash, …). */
  | 'unhandled'
  /** The run was interrupted before every check finished. */
  | 'interrupted'
  /** No test file matched the filters: a run that ran nothing proves nothing. */
  | 'no-suites';

/** Something wrong with the run itself rather than with the target: any of these makes the run not ok. */
export interface RunError {
  kind: RunErrorKind;
  message: string;
  module?: string;
  requirement?: string;
  checks?: string[];
}

export type RequirementOutcome = 'pass' | 'fail' | 'blocked' | 'skip';

export interface RequirementResult {
  id: string;
  result: RequirementOutcome;
  /** Why a requirement was skipped: its checks' skip reasons, or `no check ran`. */
  reason?: string;
  /** Names of the checks that name this requirement, in run order. */
  checks: string[];
  /** Names of the failed checks among them (only when the result is `fail`). */
  failedChecks?: string[];
  /** Names of the blocked checks among them (whenever there are some). */
  blockedChecks?: string[];
  /** What blocked them: each distinct precondition (and the requirement it relies on) once. */
  blockedBy?: BlockedBy[];
  level: RequirementLevel;
  family: string;
  feature: string;
  story: string;
  title: string;
  source: Requirement['source'];
}

export interface RunTotals {
  checks: number;
  passed: number;
  failed: number;
  /** Checks a failed precondition kept from testing their requirement. */
  blocked: number;
  skipped: number;
}

export interface RunSummary {
  totals: RunTotals;
  requirements: RequirementResult[];
  /** What the run was aimed at, with no secret in it (e.g. `embedded mock org`, `https://example.okta.com`). */
  target: string;
  /** Driver kind (`mock`, `http`, …). */
  driver: string;
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  harnessVersion?: string;
  /** True when no check failed or was blocked and the run had no error. */
  ok: boolean;
  /** Requirement counts by outcome. */
  requirementTotals: { requirements: number; pass: number; fail: number; blocked: number; skip: number };
  /** Failed checks by failure kind. */
  failureKinds: Partial<Record<FailureKind, number>>;
  /** Sum of `meta.httpRequests` over all checks. */
  httpRequests: number;
  checks: CheckRecord[];
  errors: RunError[];
  /** Present on the partial summary of one shard (`run --shard index/count`); `merge` combines them into a whole run's. */
  shard?: Shard;
  /** The Authentication API's transition table: each documented and forbidden cell with the checks that exercised it. */
  transitionTable?: TransitionTableSummary;
}

/** One of `count` parts of a run's suite files (vitest's `--shard index/count`), 1-based. */
export interface Shard {
  index: number;
  count: number;
}

export interface SummaryInput {
  /** The requirement catalog; every entry appears in the summary. */
  requirements: readonly Requirement[];
  checks: readonly CheckRecord[];
  /** Errors of the run the caller saw (module errors, unhandled errors, interruption). */
  errors?: readonly RunError[];
  target: string;
  driver: string;
  startedAt: Date | string;
  durationMs: number;
  harnessVersion?: string;
}

/** Reason of a requirement none of whose checks ran or said why. */
export const NO_CHECK_RAN = 'no check ran';

export function buildSummary(input: SummaryInput): RunSummary {
  const checks = input.checks.map((check) => ({ ...check, requirements: [...check.requirements] }));
  const errors: RunError[] = [...(input.errors ?? [])];

  const catalog = new Map<string, Requirement>();
  for (const requirement of input.requirements) {
    if (catalog.has(requirement.id)) {
      errors.push({
        kind: 'duplicate-requirement',
        requirement: requirement.id,
        message: `requirement ${requirement.id} appears twice in the catalog`,
      });
      continue;
    }
    catalog.set(requirement.id, requirement);
  }

  const checksByRequirement = new Map<string, CheckRecord[]>();
  for (const check of checks) {
    for (const id of new Set(check.requirements)) {
      const list = checksByRequirement.get(id);
      if (list) list.push(check);
      else checksByRequirement.set(id, [check]);
    }
  }

  for (const [id, named] of checksByRequirement) {
    if (catalog.has(id)) continue;
    errors.push({
      kind: 'unknown-requirement',
      requirement: id,
      checks: named.map((check) => check.name),
      message: `requirement ${id} is named by ${describeCount(named.length, 'check')} but is not in the catalog`,
    });
  }

  const requirements = [...catalog.values()].map((requirement) =>
    judgeRequirement(requirement, checksByRequirement.get(requirement.id) ?? []),
  );

  const totals: RunTotals = {
    checks: checks.length,
    passed: checks.filter((check) => check.state === 'passed').length,
    failed: checks.filter((check) => check.state === 'failed').length,
    blocked: checks.filter((check) => check.state === 'blocked').length,
    skipped: checks.filter((check) => check.state === 'skipped').length,
  };

  return {
    ...(input.harnessVersion !== undefined ? { harnessVersion: input.harnessVersion } : {}),
    target: input.target,
    driver: input.driver,
    startedAt: typeof input.startedAt === 'string' ? input.startedAt : input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    ok: totals.failed === 0 && totals.blocked === 0 && errors.length === 0,
    totals,
    requirementTotals: {
      requirements: requirements.length,
      pass: requirements.filter((r) => r.result === 'pass').length,
      fail: requirements.filter((r) => r.result === 'fail').length,
      blocked: requirements.filter((r) => r.result === 'blocked').length,
      skip: requirements.filter((r) => r.result === 'skip').length,
    },
    failureKinds: countFailureKinds(checks),
    httpRequests: checks.reduce((sum, check) => sum + (check.httpRequests ?? 0), 0),
    requirements,
    checks,
    errors,
    transitionTable: buildTransitionTable(checks),
  };
}

/**
 * Fails if any check failed; else blocked if any check was blocked (the requirement is not proven);
 * passes if one passed; else skips with the checks' reasons.
 */
function judgeRequirement(requirement: Requirement, checks: readonly CheckRecord[]): RequirementResult {
  const failed = checks.filter((check) => check.state === 'failed');
  const blocked = checks.filter((check) => check.state === 'blocked');
  const outcome: Pick<RequirementResult, 'result' | 'reason'> =
    failed.length > 0
      ? { result: 'fail' }
      : blocked.length > 0
        ? { result: 'blocked' }
        : checks.some((check) => check.state === 'passed')
          ? { result: 'pass' }
          : { result: 'skip', reason: skipReasonOf(checks) };
  return {
    id: requirement.id,
    ...outcome,
    checks: checks.map((check) => check.name),
    ...(failed.length > 0 ? { failedChecks: failed.map((check) => check.name) } : {}),
    ...(blocked.length > 0 ? { blockedChecks: blocked.map((check) => check.name), blockedBy: distinctBlockers(blocked) } : {}),
    level: requirement.level,
    family: familyTitle(requirement.family),
    feature: requirement.feature,
    story: requirement.story,
    title: requirement.title,
    source: requirement.source,
  };
}

function distinctBlockers(checks: readonly CheckRecord[]): BlockedBy[] {
  const seen = new Map<string, BlockedBy>();
  for (const { blockedBy } of checks) {
    if (!blockedBy) continue;
    const key = `${blockedBy.precondition}\u0000${blockedBy.by ?? ''}`;
    if (!seen.has(key)) seen.set(key, blockedBy);
  }
  return [...seen.values()];
}

function countFailureKinds(checks: readonly CheckRecord[]): Partial<Record<FailureKind, number>> {
  const counts: Partial<Record<FailureKind, number>> = {};
  for (const check of checks) {
    if (check.state !== 'failed') continue;
    const kind = check.failureKind ?? 'error';
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function skipReasonOf(checks: readonly CheckRecord[]): string {
  const reasons = new Set<string>();
  for (const check of checks) {
    const reason = check.skipReason?.trim();
    if (reason) reasons.add(reason);
  }
  return reasons.size > 0 ? [...reasons].join('; ') : NO_CHECK_RAN;
}

function describeCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
