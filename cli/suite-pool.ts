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
  /** Checks of one file that run at once (vitest's own limit on concurrent tests). */
  maxConcurrency: number;
  sequence: { concurrent: boolean };
}

type TargetKind = 'mock' | 'http' | 'okta';

/**
 * Checks of one suite file run at once by default. Against one org the files take turns, so its checks run
 * concurrently, each holding shared or exclusive use of the org (drivers/org-lock.ts); the real-org driver's
 * pacing (drivers/pacing.ts) caps the requests in flight and keeps within the rate limits. The embedded mock
 * gives each file an org of its own in the worker, which is CPU-bound: concurrency within a file only adds
 * interleaving there, so its checks run one after another. Measured on the 2-core machine under a load of 12-18
 * (whole run, 2 runs each): CPU 17.8/16.9 s at 1 against 16.4/15.5 s at 4, wall time within the noise, peak memory
 * 30-40 MiB higher at 4; the WebAuthn and FIDO files alone (RSA key generation waits): no gain in wall time.
 */
function defaultConcurrency(targetKind: TargetKind): number {
  return targetKind === 'mock' ? 1 : 4;
}

export function suitePool(targetKind: TargetKind, concurrency = defaultConcurrency(targetKind)): SuitePool {
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
    ...checkConcurrency(concurrency),
  };
}

/** vitest's settings for `concurrency` checks of a file at once (1: one after another). */
export function checkConcurrency(concurrency: number): Pick<SuitePool, 'maxConcurrency' | 'sequence'> {
  return { maxConcurrency: concurrency, sequence: { concurrent: concurrency > 1 } };
}
