import { defineConfig } from 'vitest/config';
import { suitePool } from './cli/suite-pool.js';
import { targetFromEnv } from './drivers/target-config.js';

/**
 * The conformance suites, aimed at a target through a driver.
 * `npx vitest run --config vitest.suites.config.ts suites/okta-factors -t "bad code"` runs against the embedded mock org;
 * set OKTA_CLIENT_ORGURL / OKTA_CLIENT_TOKEN to aim at another target. The CLI builds on the same config.
 */
const target = targetFromEnv(process.env);

/** Compiled (dist/vitest.suites.config.js, as the packaged CLI runs it): the compiled suites, no TypeScript transform. */
const compiled = import.meta.url.endsWith('.js');

export default defineConfig({
  test: {
    include: [compiled ? 'dist/suites/**/*.test.js' : 'suites/**/*.test.ts'],
    provide: { target },
    // Files in parallel against the embedded mock (an org per file, in the worker), in turns against any other target.
    ...suitePool(target.kind),
    // The compiled suite files, and all they import (drivers, schemas, requirements, reports, the authenticators, the
    // mock), are loaded by Node itself, as node_modules is, instead of through vite's module runner: the worker does not
    // wait on the main thread for each module, and the main thread keeps no transformed copy of them (its native
    // memory grew by ~70 MiB over a whole run doing so). The suites use nothing a transform gives (no vi.mock).
    ...(compiled ? { server: { deps: { external: [/\/dist\//] } } } : {}),
    // Allure's runtime, unless the run keeps no Allure results (provide: allureResults false).
    setupFiles: [compiled ? 'dist/suites/support/allure-setup.js' : 'suites/support/allure-setup.ts'],
    reporters: ['default', ['allure-vitest/reporter', { resultsDir: 'allure-results' }]],
    // A real org's rate-limit windows pass in real time (up to a minute each): its checks and hooks may wait for them.
    testTimeout: target.kind === 'mock' ? 30_000 : 300_000,
    hookTimeout: target.kind === 'mock' ? 30_000 : 300_000,
  },
});
