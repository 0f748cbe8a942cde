/**
 * How vitest runs the conformance suites (vitest.suites.config.ts), in one place, so that the benchmark's floor
 * (bench/floor.ts: vitest on trivial tests) runs with exactly the same pool.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { PoolOptions, PoolRunnerInitializer, PoolWorker, WorkerRequest } from 'vitest/node';

export interface SuitePool {
  pool: PoolRunnerInitializer;
  isolate: boolean;
  fileParallelism: boolean;
  maxWorkers: number;
}

/**
 * The suite worker's V8 old generation, in MiB. Left alone, V8 lets the worker's heap grow to ~3× what it keeps alive
 * (~50 MiB for the whole suite) before it collects; capped, it collects sooner. Whole run on the 2-core machine (load
 * 15-20, so CPU ±1 s): no cap 316-345 MiB peak, 13.3-14.1 s CPU + 0.8-0.9 s sys; 128 MiB 298-306 MiB, 14.2-15.1 s;
 * 96 MiB 290-292 MiB but 16.5-17.5 s; 64 MiB collected without end (5× the CPU, checks timed out).
 */
const SUITE_WORKER_OLD_GENERATION_MIB = 128;

const SUITE_THREADS = 'suite-threads';

/**
 * vitest's own thread worker (its `threads` pool, vitest/dist/workers/threads.js, the same messages), started with a
 * heap limit: a worker thread takes V8 heap options only as `resourceLimits`, not from execArgv.
 */
class HeapCappedThreadWorker implements PoolWorker {
  readonly name = SUITE_THREADS;
  readonly #entrypoint: string;
  readonly #execArgv: string[];
  readonly #env: PoolOptions['env'];
  readonly #stdout: Writable;
  readonly #stderr: Writable;
  #thread: Worker | undefined;

  constructor(options: PoolOptions) {
    this.#entrypoint = resolve(options.distPath, 'workers/threads.js');
    this.#execArgv = options.execArgv;
    this.#env = options.env;
    this.#stdout = options.project.vitest.logger.outputStream;
    this.#stderr = options.project.vitest.logger.errorStream;
  }

  get #started(): Worker {
    if (!this.#thread) throw new Error('the suite worker thread is not running');
    return this.#thread;
  }

  on(event: string, callback: (arg: unknown) => void): void {
    this.#started.on(event, callback);
  }

  off(event: string, callback: (arg: unknown) => void): void {
    this.#started.off(event, callback);
  }

  send(message: WorkerRequest): void {
    this.#started.postMessage(message);
  }

  async start(): Promise<void> {
    if (this.#thread) return;
    this.#thread = new Worker(this.#entrypoint, {
      env: this.#env,
      execArgv: this.#execArgv,
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: SUITE_WORKER_OLD_GENERATION_MIB },
    });
    this.#thread.stdout.pipe(this.#stdout);
    this.#thread.stderr.pipe(this.#stderr);
  }

  async stop(): Promise<void> {
    const thread = this.#thread;
    this.#thread = undefined;
    if (!thread) return;
    await thread.terminate();
    thread.stdout.unpipe(this.#stdout);
    thread.stderr.unpipe(this.#stderr);
  }

  deserialize(data: unknown): unknown {
    return data;
  }
}

const suiteThreads: PoolRunnerInitializer = {
  name: SUITE_THREADS,
  createPoolWorker: (options) => new HeapCappedThreadWorker(options),
};

export function suitePool(targetKind: 'mock' | 'http' | 'okta'): SuitePool {
  return {
    // Suite files share what they import within a worker (drivers, schemas, authenticators, the in-process mock):
    // each file has its own driver and org, so nothing else needs a fresh module graph per file.
    pool: suiteThreads,
    isolate: false,
    // The embedded mock gives each file an org of its own, so files run in parallel: a worker per core but one, which
    // is left to vitest's main thread (it collects results and writes the reports). Measured on the 2-core machine,
    // a second worker cost 2-3 s more CPU (each worker loads and compiles everything) and 70 MiB for no wall time;
    // again with the heap cap and the suites loaded by Node (load 15-17): 1 worker 12.0-12.4 s CPU, 293-300 MiB;
    // 2 workers 15.2-16.0 s CPU, 377-393 MiB, and no shorter wall time on the shared cores.
    // Another target is one org with one clock (and one set of rate limits): files take turns.
    fileParallelism: targetKind === 'mock',
    maxWorkers: targetKind === 'mock' ? Math.max(1, availableParallelism() - 1) : 1,
  };
}
