/**
 * The certification report as Markdown: the run's header (harness, driver, target, time),
 * the failed checks grouped by failure kind, then every requirement as PASS / FAIL / BLOCKED / SKIP,
 * grouped by API family and then by feature.
 */
import { blockedText } from './blocked.js';
import { FAILURE_KINDS } from './check-meta.js';
import type { RequirementOutcome, RequirementResult, RunSummary } from './summary.js';
import { renderTransitionTable } from './transition-table.js';

const OUTCOME_LABEL: Record<RequirementOutcome, string> = { pass: 'PASS', fail: 'FAIL', blocked: 'BLOCKED', skip: 'SKIP' };

export function renderMarkdown(summary: RunSummary): string {
  const lines: string[] = [];
  const { totals, requirementTotals: req } = summary;
  lines.push('# MFA conformance report', '');
  lines.push(`**Result: ${summary.ok ? 'CONFORMANT' : 'NOT CONFORMANT'}** — ${verdict(summary)}`, '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Harness | mfa-conformance ${cell(summary.harnessVersion ?? 'unknown version')} |`);
  lines.push(`| Driver | ${cell(summary.driver)} |`);
  lines.push(`| Target | ${cell(summary.target)} |`);
  lines.push(`| Started | ${cell(summary.startedAt)} |`);
  lines.push(`| Duration | ${formatDuration(summary.durationMs)} |`);
  lines.push(`| Requirements | ${req.pass} pass, ${req.fail} fail, ${req.blocked} blocked, ${req.skip} skip (of ${req.requirements}) |`);
  lines.push(
    `| Checks | ${totals.passed} passed, ${totals.failed} failed, ${totals.blocked} blocked, ${totals.skipped} skipped (of ${totals.checks}) |`,
  );
  lines.push('');

  if (summary.errors.length > 0) {
    lines.push('## Errors of the run', '');
    for (const error of summary.errors) {
      const where = error.module ? ` (${inline(error.module)})` : '';
      lines.push(`- **${error.kind}**${where}: ${inline(error.message)}`);
    }
    lines.push('');
  }

  lines.push(...failuresByKind(summary));

  for (const [family, features] of groupByFamilyAndFeature(summary.requirements)) {
    lines.push(`## ${inline(family)}`, '');
    for (const [feature, requirements] of features) {
      lines.push(`### ${inline(feature)}`, '');
      lines.push('| Result | Level | Requirement | Notes |', '|---|---|---|---|');
      for (const requirement of requirements) lines.push(requirementRow(requirement));
      lines.push('');
    }
  }
  lines.push(...renderTransitionTable(summary.transitionTable));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** A section per failure kind that occurred, listing its failed checks with their first error line. */
function failuresByKind(summary: RunSummary): string[] {
  const failed = summary.checks.filter((check) => check.state === 'failed');
  if (failed.length === 0) return [];
  const lines = ['## Failures by kind', ''];
  for (const kind of FAILURE_KINDS) {
    const ofKind = failed.filter((check) => (check.failureKind ?? 'error') === kind);
    if (ofKind.length === 0) continue;
    lines.push(`### ${kind} (${ofKind.length})`, '');
    for (const check of ofKind) {
      const error = check.errors?.[0];
      lines.push(`- ${inline(check.name)}${error ? `: ${inline(error)}` : ''}`);
    }
    lines.push('');
  }
  return lines;
}

function verdict(summary: RunSummary): string {
  const { fail, blocked } = summary.requirementTotals;
  const parts: string[] = [];
  if (fail > 0) parts.push(`${fail} requirement${fail === 1 ? '' : 's'} failed`);
  if (blocked > 0) parts.push(`${blocked} requirement${blocked === 1 ? '' : 's'} blocked`);
  if (summary.errors.length > 0) parts.push(`${summary.errors.length} error${summary.errors.length === 1 ? '' : 's'} in the run`);
  if (parts.length === 0) parts.push('no requirement failed or was blocked');
  return parts.join(', ');
}

function requirementRow(requirement: RequirementResult): string {
  const title = requirement.source.url
    ? `[${cell(requirement.title)}](${requirement.source.url})`
    : cell(requirement.title);
  const notes =
    requirement.result === 'fail'
      ? `failed: ${(requirement.failedChecks ?? []).map(cell).join('; ')}`
      : requirement.result === 'blocked'
        ? (requirement.blockedBy ?? []).map((blocked) => cell(`${blockedText(blocked)}: ${blocked.message}`)).join('; ')
        : requirement.result === 'skip'
          ? cell(requirement.reason ?? '')
          : '';
  return `| ${OUTCOME_LABEL[requirement.result]} | ${requirement.level} | \`${requirement.id}\` ${title} | ${notes} |`;
}

/** Families and features in the order the catalog first names them. */
function groupByFamilyAndFeature(
  requirements: readonly RequirementResult[],
): Map<string, Map<string, RequirementResult[]>> {
  const families = new Map<string, Map<string, RequirementResult[]>>();
  for (const requirement of requirements) {
    let features = families.get(requirement.family);
    if (!features) families.set(requirement.family, (features = new Map()));
    const list = features.get(requirement.feature);
    if (list) list.push(requirement);
    else features.set(requirement.feature, [requirement]);
  }
  return families;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Text safe inside a table cell: one line, pipes escaped. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
