/**
 * The end-of-run text on the terminal: totals, failed requirements with their failed checks (and the kind
 * of each failure), blocked requirements with what blocked them, skipped requirements grouped by reason,
 * and the errors of the run.
 */
import { blockedText } from '../reports/blocked.js';
import type { RequirementResult, RunSummary } from '../reports/summary.js';

export function formatRunSummary(summary: RunSummary): string {
  const { totals, requirementTotals: req } = summary;
  const lines: string[] = [''];
  const harness = summary.harnessVersion ? `mfa-conformance ${summary.harnessVersion}` : 'mfa-conformance';
  lines.push(`${harness} against ${summary.target} (driver ${summary.driver})`);
  lines.push(
    `Checks:       ${totals.checks} — ${totals.passed} passed, ${totals.failed} failed, ${totals.blocked} blocked, ${totals.skipped} skipped` +
      ` (${(summary.durationMs / 1000).toFixed(1)} s, ${summary.httpRequests} HTTP requests)`,
  );
  lines.push(`Requirements: ${req.requirements} — ${req.pass} pass, ${req.fail} fail, ${req.blocked} blocked, ${req.skip} skip`);
  // One section per API family (its title), so each family's standing reads on its own.
  const families = new Map<string, RequirementResult[]>();
  for (const requirement of summary.requirements) families.set(requirement.family, [...(families.get(requirement.family) ?? []), requirement]);
  if (families.size > 1) {
    for (const [family, results] of families) {
      const count = (result: RequirementResult['result']) => results.filter((r) => r.result === result).length;
      lines.push(`  ${family}: ${results.length} — ${count('pass')} pass, ${count('fail')} fail, ${count('blocked')} blocked, ${count('skip')} skip`);
    }
  }
  const kinds = Object.entries(summary.failureKinds).map(([kind, count]) => `${count} ${kind}`);
  if (kinds.length > 0) lines.push(`Failures:     ${kinds.join(', ')}`);

  const failed = summary.requirements.filter((r) => r.result === 'fail');
  if (failed.length > 0) {
    lines.push('', 'Failed requirements:');
    for (const requirement of failed) {
      lines.push(`  FAIL ${requirement.id} (${requirement.level}) ${requirement.title}`);
      for (const name of requirement.failedChecks ?? []) {
        lines.push(`       ✗ ${name}`);
        const error = summary.checks.find((check) => check.name === name)?.errors?.[0];
        if (error) lines.push(`         ${error}`);
      }
    }
  }

  const blocked = summary.requirements.filter((r) => r.result === 'blocked');
  if (blocked.length > 0) {
    lines.push('', 'Blocked requirements (a precondition failed, so they were not tested):');
    for (const requirement of blocked) {
      lines.push(`  BLOCKED ${requirement.id} (${requirement.level}) ${requirement.title}`);
      // the blocking failure itself is listed with its own requirement; here, only what blocked
      for (const text of new Set((requirement.blockedBy ?? []).map(blockedText))) lines.push(`       ${text}`);
    }
  }

  const skippedByReason = groupSkippedByReason(summary.requirements);
  if (skippedByReason.size > 0) {
    lines.push('', 'Skipped requirements:');
    for (const [reason, ids] of skippedByReason) lines.push(`  SKIP (${reason}): ${ids.join(', ')}`);
  }

  if (summary.errors.length > 0) {
    lines.push('', 'Errors of the run:');
    for (const error of summary.errors) {
      const where = error.module ? ` ${error.module}:` : '';
      lines.push(`  ${error.kind}:${where} ${error.message}`);
    }
  }

  lines.push('', summary.ok ? 'Result: PASS (no check failed or was blocked)' : 'Result: FAIL');
  return `${lines.join('\n')}\n`;
}

function groupSkippedByReason(requirements: readonly RequirementResult[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const requirement of requirements) {
    if (requirement.result !== 'skip') continue;
    const reason = requirement.reason ?? 'no reason given';
    const ids = groups.get(reason);
    if (ids) ids.push(requirement.id);
    else groups.set(reason, [requirement.id]);
  }
  return groups;
}
