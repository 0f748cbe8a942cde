/**
 * How vitest runs the conformance suites (vitest.suites.config.ts), in one place, so that the benchmark's floor
 * (bench/floor.ts: vitest on trivial tests) runs with exactly the same pool.
 */
import { availableParallelism } from 'node:os';

export interface SuitePool {
  pool: 'threads';
  isolate: boolean;
  fileParallelism: boolean;
  maxWorkers: number;
}

export function suitePool(targetKind: 'mock' | 'http' | 'okta'): SuitePool {
  return {
    // Suite files share what they import within a worker (drivers, schemas, authenticators, the in-process mock):
    // each file has its own driver and org, so nothing else needs a fresh module graph per file.
    pool: 'threads',
    isolate: false,
    // The embedded mock gives each file an org of its own, so files run in parallel: a worker per core but one, which
    // is left to vitest's main thread (it collects results and writes the reports). Measured on the 2-core machine,
    // a second worker cost 2-3 s more CPU (each worker loads and compiles everything) and 70 MiB for no wall time.
    // Another target is one org with one clock (and one set of rate limits): files take turns.
    fileParallelism: targetKind === 'mock',
    maxWorkers: targetKind === 'mock' ? Math.max(1, availableParallelism() - 1) : 1,
  };
}
