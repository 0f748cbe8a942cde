import type { BlockedBy } from './check-meta.js';

/** One line saying what blocked a check, as every report writes it. */
export function blockedText(blocked: Pick<BlockedBy, 'precondition' | 'requirement'>): string {
  const by = blocked.requirement ? ` (${blocked.requirement})` : '';
  return `BLOCKED by precondition '${blocked.precondition}'${by}`;
}
