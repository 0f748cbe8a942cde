import { defineConfig } from 'vitest/config';
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
    // The embedded mock gives each file an org of its own, so files run in parallel. Another
    // target is one org with one clock (and one set of rate limits): files take turns.
    fileParallelism: target.kind === 'mock',
    // Suite files share what they import within a worker (drivers, schemas, authenticators): each
    // file has its own driver and org, so nothing else needs a fresh module graph per file.
    pool: 'threads',
    isolate: false,
    globalSetup: ['./suites/support/global-setup.ts'],
    setupFiles: ['allure-vitest/setup'],
    reporters: ['default', ['allure-vitest/reporter', { resultsDir: 'allure-results' }]],
    // A real org's rate-limit windows pass in real time (up to a minute each): its checks and hooks may wait for them.
    testTimeout: target.kind === 'mock' ? 30_000 : 300_000,
    hookTimeout: target.kind === 'mock' ? 30_000 : 300_000,
  },
});
