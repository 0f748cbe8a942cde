import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The harness's own tests (test/). The conformance suites have their own config: vitest.suites.config.ts.
 *
 * Projects. `shared`: tests of modules that keep no process-wide state a test changes (schemas, authenticators,
 * requirements, the mock org, drivers, reports, the CLI's commands run in process with their own I/O) run in threads
 * that keep their loaded modules from file to file (`isolate: false`): each file then pays for its own imports once per
 * worker, not once per file (measured: 28 files, 81 s → 28 s wall on a loaded 2-core machine, CPU 28 s → 12 s; 24 more
 * files, CPU 39 s in a process each → 19 s). `isolated-threads`: tests that change process-wide state for their own
 * tests (spy on a Node module, set an environment variable) get a fresh worker thread per file: its own Node modules,
 * environment and exit code, ~0.25 s of CPU less per file than a process. `isolated`: the rest keep a fresh process
 * per file.
 */
const SHARED = [
  'test/architecture/**',
  'test/drivers/**',
  'test/mock-org/**',
  'test/requirements/**',
  'test/schemas/**',
  'test/support/**',
  'test/virtual-authenticators/**',
];
/**
 * Files of folders whose other files need isolation: reports and CLI commands run in process (each command is given
 * its I/O, environment and working directory; a suite run puts back the environment variable and exit code vitest
 * sets), the Okta client, the end-to-end runs of the CLI against the embedded mock.
 */
const SHARED_FILES = [
  'test/cli/diff-and-config.test.ts',
  'test/cli/mock-command.test.ts',
  'test/cli/output-formats.test.ts',
  'test/cli/redact.test.ts',
  'test/cli/run-command.test.ts',
  'test/cli/run-suites.test.ts',
  'test/cli/safety.test.ts',
  'test/cli/sweep-duo.test.ts',
  'test/cli/target.test.ts',
  'test/cli/usage-errors.test.ts',
  'test/clients/okta-auth-js.test.ts',
  'test/e2e/email-without-adapter.test.ts',
  'test/e2e/factor-catalog-detection.test.ts',
  'test/e2e/skips-without-capabilities.test.ts',
  'test/reports/allure-categories.test.ts',
  'test/reports/baseline.test.ts',
  'test/reports/blocked.test.ts',
  'test/reports/bundle.test.ts',
  'test/reports/markdown.test.ts',
  'test/reports/summary.test.ts',
  'test/reports/transition-table.test.ts',
  'test/secrets/shows-secret.test.ts',
];
const SHARED_TESTS = [...SHARED.map((glob) => `${glob}/*.test.ts`), ...SHARED_FILES];
/** duo-api spies on node:https's request; sailpoint keeps loopback off any proxy through NO_PROXY. */
const ISOLATED_THREADS = ['test/clients/duo-api.test.ts', 'test/clients/sailpoint.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One worker per core (vitest's default leaves one core to its main process, which is mostly idle here): on 2
    // cores, 14 report, CLI-helper and client files took 60-66 s wall instead of 87 s, the same CPU (load 12-14).
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'shared', include: SHARED_TESTS, pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'isolated-threads', include: ISOLATED_THREADS, pool: 'threads', isolate: true } },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: [...SHARED_TESTS, ...ISOLATED_THREADS],
          // The compiled modules a test imports by path (the secret tests' mock, test/secrets/product-modules.ts) are loaded
          // by Node itself, as the compiled suites are (vitest.suites.config.ts): vite's transform of the compiled mock
          // took ~3 s of a test's start, Node's load ~0.6 s.
          server: { deps: { external: [/\/dist\//] } },
        },
      },
    ],
  },
});
