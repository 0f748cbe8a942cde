/** Two run summaries side by side: the requirements whose result changed, newly failing first. */
import type { RequirementOutcome, RunSummary } from './summary.js';

export interface ResultChange {
  id: string;
  from: RequirementOutcome | 'absent';
  to: RequirementOutcome | 'absent';
  /** Fails or is blocked now, and did not before. */
  newlyFailing: boolean;
}

const failing = (result: RequirementOutcome | 'absent'): boolean => result === 'fail' || result === 'blocked';

export function compareSummaries(older: Pick<RunSummary, 'requirements'>, newer: Pick<RunSummary, 'requirements'>): ResultChange[] {
  const before = new Map(older.requirements.map((r) => [r.id, r.result]));
  const after = new Map(newer.requirements.map((r) => [r.id, r.result]));
  const changes: ResultChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const from = before.get(id) ?? 'absent';
    const to = after.get(id) ?? 'absent';
    if (from !== to) changes.push({ id, from, to, newlyFailing: failing(to) && !failing(from) });
  }
  return changes.sort((a, b) => Number(b.newlyFailing) - Number(a.newlyFailing) || a.id.localeCompare(b.id));
}

export function formatChanges(changes: readonly ResultChange[]): string {
  if (changes.length === 0) return 'No requirement changed result.\n';
  const newly = changes.filter((c) => c.newlyFailing).length;
  const lines = [`${changes.length} requirement(s) changed result, ${newly} newly failing:`];
  for (const c of changes) lines.push(`  ${c.newlyFailing ? 'NEWLY FAILING' : 'changed      '} ${c.id}: ${c.from} → ${c.to}`);
  return `${lines.join('\n')}\n`;
}
