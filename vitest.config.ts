import { defineConfig } from 'vitest/config';

/** The harness's own tests (test/). The conformance suites have their own config: vitest.suites.config.ts. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
