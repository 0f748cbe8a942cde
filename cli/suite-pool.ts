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
    // a second worker cost 2-3 s more CPU (each worker loads and compiles everything) and 70 MiB for no wall time;
    // again with the suites loaded by Node and the heap cap below (load 15-17): 1 worker 12.0-12.4 s CPU, 293-300 MiB
    // peak; 2 workers 15.2-16.0 s CPU, 377-393 MiB, and no shorter wall time on the shared cores.
    // Not taken either: capping the worker's V8 old generation (a worker thread takes it only as `resourceLimits`, so
    // through a custom pool) at 128 MiB lowered the peak by ~50 MiB (300 vs 345-359 MiB) but cost ~1 s more CPU and
    // wall time over ~12 s (more collections on the worker's critical path); 64 MiB collected without end.
    // Another target is one org with one clock (and one set of rate limits): files take turns.
    fileParallelism: targetKind === 'mock',
    maxWorkers: targetKind === 'mock' ? Math.max(1, availableParallelism() - 1) : 1,
  };
}
