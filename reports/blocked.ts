import type { BlockedBy } from './check-meta.js';

/** One line saying what blocked a check, as every report writes it. */
export function blockedText(blocked: Pick<BlockedBy, 'precondition' | 'by'>): string {
  const by = blocked.by ? ` (${blocked.by})` : '';
  return `BLOCKED by precondition '${blocked.precondition}'${by}`;
}
