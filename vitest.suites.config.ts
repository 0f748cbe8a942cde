import { defineConfig } from 'vitest/config';
import { suitePool } from './cli/suite-pool.js';
import { targetFromEnv } from './drivers/target-config.js';

/**
 * The conformance suites, aimed at a target through a driver.
 * `npx vitest run --config vitest.suites.config.ts suites/okta-factors -t "bad code"` runs against the embedded mock org;
 * set OKTA_CLIENT_ORGURL / OKTA_CLIENT_TOKEN to aim at another target. The CLI builds on the same config.
 */
const target = targetFromEnv(process.env);

export default defineConfig({
  test: {
    include: ['suites/**/*.test.ts'],
    provide: { target },
    // Files in parallel against the embedded mock (an org per file, in the worker), in turns against any other target.
    ...suitePool(target.kind),
    setupFiles: ['allure-vitest/setup'],
    reporters: ['default', ['allure-vitest/reporter', { resultsDir: 'allure-results' }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
