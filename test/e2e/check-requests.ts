import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXCLUSIVE_LABEL } from '../../reports/allure-labels.js';

/** A check as its Allure result shows it: whether it had the org to itself, and when each of its requests ran. */
export interface CheckRequests {
  name: string;
  exclusive: boolean;
  /** Epoch ms on this machine: when the request was sent and when its answer was read. */
  requests: { start: number; end: number }[];
}

interface AllureStep {
  attachments?: { name: string; source: string }[];
  steps?: AllureStep[];
}

interface AllureResult extends AllureStep {
  name: string;
  labels: { name: string; value: string }[];
}

/** Every check of a run's Allure results, with the requests its HTTP exchanges attachment lists. */
export async function checkRequestsOf(dir: string): Promise<CheckRequests[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('-result.json'));
  return Promise.all(
    files.map(async (file) => {
      const result = JSON.parse(await readFile(join(dir, file), 'utf8')) as AllureResult;
      const sources = attachmentsOf(result).filter((a) => a.name.startsWith('HTTP exchange')).map((a) => a.source);
      const requests = [];
      for (const source of sources) {
        const exchanges = JSON.parse(await readFile(join(dir, source), 'utf8')) as { startedAt: string; durationMs: number }[];
        for (const exchange of exchanges) {
          const start = Date.parse(exchange.startedAt);
          requests.push({ start, end: start + exchange.durationMs });
        }
      }
      const exclusive = result.labels.some((label) => label.name === EXCLUSIVE_LABEL && label.value === 'exclusive');
      return { name: result.name, exclusive, requests };
    }),
  );
}

function attachmentsOf(step: AllureStep): { name: string; source: string }[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

/**
 * Pairs of checks that had requests in flight at the same time (strictly: times are whole milliseconds, and a
 * request that starts in the millisecond another ended is not counted).
 */
export function overlappingChecks(checks: readonly CheckRequests[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [i, a] of checks.entries()) {
    for (const b of checks.slice(i + 1)) {
      if (a.requests.some((x) => b.requests.some((y) => x.start < y.end && y.start < x.end))) pairs.push([a.name, b.name]);
    }
  }
  return pairs;
}

/**
 * Requests of other checks that ran between an exclusive check's first request and the end of its last: what must
 * never happen (it holds the org from before its first request until after its last).
 */
export function intrusions(checks: readonly CheckRequests[]): { exclusive: string; other: string }[] {
  const found: { exclusive: string; other: string }[] = [];
  for (const check of checks.filter((c) => c.exclusive && c.requests.length > 0)) {
    const from = Math.min(...check.requests.map((r) => r.start));
    const to = Math.max(...check.requests.map((r) => r.end));
    for (const other of checks) {
      if (other !== check && other.requests.some((r) => r.start < to && r.end > from)) {
        found.push({ exclusive: check.name, other: other.name });
      }
    }
  }
  return found;
}
