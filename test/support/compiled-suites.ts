import type { SuiteLocation } from '../../cli/run-suites.js';
import { staleBuilds } from '../built.js';

/**
 * Where the harness's tests that run the real suites in process take them from: the compiled suites (dist/, as the
 * packaged CLI runs them), when every module they are made of is built since its last change, else the TypeScript
 * sources. `npm test` builds before it tests; a test run after an edit and without a build takes the sources, never
 * stale code.
 */

/** What `npm run build` compiles (tsconfig.build.json's include). */
const SOURCES = ['index.ts', 'vitest.suites.config.ts', 'cli', 'drivers', 'mock-org', 'requirements', 'virtual-authenticators', 'schemas', 'reports', 'bench', 'suites'];

let location: SuiteLocation | undefined;

export function suiteLocation(): SuiteLocation {
  location ??= staleBuilds(SOURCES).length === 0 ? { configFile: 'dist/vitest.suites.config.js' } : {};
  return location;
}
