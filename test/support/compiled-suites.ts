import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteLocation } from '../../cli/run-suites.js';
import { packageInfo } from '../../cli/package-root.js';

/**
 * Where the harness's tests that run the real suites in process take them from: the compiled suites (dist/, as the
 * packaged CLI runs them), when the build is newer than every source it is made of, else the TypeScript sources.
 * A run from the sources starts a vite server that transforms every module the suites import again, once per run
 * (3-4 s of CPU each); the compiled suites and what they import are loaded by Node itself. `npm test` builds before
 * it tests; a test run after an edit and without a build takes the sources, never stale code.
 */

const COMPILED_CONFIG = 'dist/vitest.suites.config.js';
/** What `npm run build` compiles (tsconfig.build.json's include), and the JSON the suites read (schemas). */
const SOURCES = ['index.ts', 'vitest.suites.config.ts', 'cli', 'drivers', 'mock-org', 'requirements', 'virtual-authenticators', 'schemas', 'reports', 'bench', 'suites'];

let location: SuiteLocation | undefined;

export function suiteLocation(): SuiteLocation {
  location ??= buildIsCurrent() ? { configFile: COMPILED_CONFIG } : {};
  return location;
}

function buildIsCurrent(): boolean {
  const root = packageInfo().root;
  const built = modifiedMs(join(root, COMPILED_CONFIG));
  return built !== undefined && SOURCES.every((source) => newestSource(join(root, source)) <= built);
}

function newestSource(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(path) ? stat.mtimeMs : 0;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

function modifiedMs(file: string): number | undefined {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs;
}
