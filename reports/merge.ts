/**
 * The partial summaries of a sharded run (`run --shard i/n`, one per CI machine) combined into the summary a
 * single run writes: the checks of every shard judged again, requirement by requirement, against the catalog.
 * JUnit and Markdown are rendered from the merged summary, so they equal a single run's too.
 */
import type { Requirement } from '../requirements/index.js';
import { buildSummary, type RunError, type RunSummary } from './summary.js';

/** The partials do not make one run (a shard missing or twice, another target or harness version). */
export class MergeError extends Error {
  override readonly name = 'MergeError';
}

export function mergeSummaries(partials: readonly RunSummary[], requirements: readonly Requirement[]): RunSummary {
  const [first] = partials;
  if (!first) throw new MergeError('no partial summary to merge');
  const count = first.shard?.count;
  if (count === undefined) throw new MergeError('a summary without a shard (not written by run --shard) cannot be merged');
  const byIndex = new Map<number, RunSummary>();
  for (const partial of partials) {
    const shard = partial.shard;
    if (!shard) throw new MergeError('a summary without a shard (not written by run --shard) cannot be merged');
    if (shard.count !== count) throw new MergeError(`shards of different runs: ${shard.index}/${shard.count} beside ${first.shard?.index}/${count}`);
    if (byIndex.has(shard.index)) throw new MergeError(`shard ${shard.index}/${count} given twice`);
    for (const field of ['target', 'driver', 'harnessVersion'] as const) {
      if (partial[field] !== first[field]) throw new MergeError(`shards of different runs: ${field} ${String(partial[field])} beside ${String(first[field])}`);
    }
    byIndex.set(shard.index, partial);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) throw new MergeError(`shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing: a merged run would not be whole`);

  const ordered = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, partial]) => partial);
  const started = Math.min(...ordered.map((partial) => Date.parse(partial.startedAt)));
  return buildSummary({
    requirements,
    checks: ordered.flatMap((partial) => partial.checks),
    errors: mergedErrors(ordered),
    target: first.target,
    driver: first.driver,
    startedAt: new Date(started),
    // shards run side by side: the run took as long as its slowest shard
    durationMs: Math.max(...ordered.map((partial) => partial.durationMs)),
    ...(first.harnessVersion !== undefined ? { harnessVersion: first.harnessVersion } : {}),
  });
}

/**
 * Every shard's errors, except those the merge judges again: the catalog's (buildSummary finds them once for the
 * whole run), and a shard with no suite file of its own (more shards than files) when other shards ran checks.
 */
function mergedErrors(partials: readonly RunSummary[]): RunError[] {
  const ranChecks = partials.some((partial) => partial.checks.length > 0);
  return partials
    .flatMap((partial) => partial.errors)
    .filter((error) => error.kind !== 'unknown-requirement' && error.kind !== 'duplicate-requirement')
    .filter((error) => !(ranChecks && error.kind === 'no-suites'));
}
