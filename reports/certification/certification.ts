/**
 * A certification: the run summary seen through a profile. Every requirement of the profile with its level
 * within the profile, its result and a reason, grouped by family and factor type, and the verdict: refused when
 * any MUST requirement failed, was blocked, or did not run.
 */
import type { Profile, Variant } from '../../requirements/index.js';
import { blockedText } from '../blocked.js';
import type { RequirementOutcome, RunSummary } from '../summary.js';

export interface CertifiedRequirement {
  id: string;
  level: string;
  result: RequirementOutcome;
  /** Why it did not pass: the first failure line, what blocked it, or why it was skipped. */
  reason?: string;
  family: string;
  feature: string;
  title: string;
  checks: string[];
}

export interface RunFacts {
  harnessVersion: string;
  /** The harness's git commit, or `unknown` outside a git checkout. */
  commit: string;
  driver: string;
  /** The target's origin (never a credential). */
  target: string;
  /** `Classic`, `Identity Engine`, or `unknown (why)`. */
  engine: string;
  startedAt: string;
  endedAt: string;
}

export interface Certification {
  profile: { name: string; title: string; variants: readonly Variant[] };
  facts: RunFacts;
  /** `certified` when every MUST requirement of the profile passed. */
  verdict: 'certified' | 'refused';
  /** The MUST requirements that failed, were blocked or did not run (why certification is refused). */
  refusedBecause: CertifiedRequirement[];
  totals: Record<RequirementOutcome, number>;
  requirements: CertifiedRequirement[];
  /** Errors of the run itself (a run with errors is not certified). */
  runErrors: string[];
}

export function certificationOf(summary: RunSummary, profile: Profile, facts: RunFacts): Certification {
  const results = new Map(summary.requirements.map((r) => [r.id, r]));
  const firstError = (names: readonly string[] | undefined): string | undefined =>
    names?.map((name) => summary.checks.find((c) => c.name === name)?.errors?.[0]).find((e) => e !== undefined);

  const requirements: CertifiedRequirement[] = profile.requirements.map(({ id, level }) => {
    const result = results.get(id);
    if (!result) return { id, level, result: 'skip', reason: 'not in the run', family: '', feature: '', title: '', checks: [] };
    const reason =
      result.result === 'fail'
        ? firstError(result.failedChecks)
        : result.result === 'blocked'
          ? (result.blockedBy ?? []).map(blockedText).join('; ')
          : result.reason;
    return {
      id, level, result: result.result, ...(reason ? { reason } : {}),
      family: result.family, feature: result.feature, title: result.title, checks: result.checks,
    };
  });
  const refusedBecause = requirements.filter((r) => r.level === 'MUST' && r.result !== 'pass');
  const runErrors = summary.errors.map((e) => `${e.kind}: ${e.message}`);
  const totals = { pass: 0, fail: 0, blocked: 0, skip: 0 };
  for (const r of requirements) totals[r.result] += 1;
  return {
    profile: { name: profile.name, title: profile.title, variants: profile.variants },
    facts,
    verdict: refusedBecause.length === 0 && runErrors.length === 0 ? 'certified' : 'refused',
    refusedBecause,
    totals,
    requirements,
    runErrors,
  };
}

/** Requirements grouped by family, then factor type (feature), in profile order. */
export function groupByFamilyAndFeature(requirements: readonly CertifiedRequirement[]): Map<string, Map<string, CertifiedRequirement[]>> {
  const groups = new Map<string, Map<string, CertifiedRequirement[]>>();
  for (const r of requirements) {
    const family = groups.get(r.family) ?? new Map<string, CertifiedRequirement[]>();
    groups.set(r.family, family);
    family.set(r.feature, [...(family.get(r.feature) ?? []), r]);
  }
  return groups;
}
