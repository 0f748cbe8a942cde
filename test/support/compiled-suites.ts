import type { SuiteLocation } from '../../cli/run-suites.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, staleBuilds } from '../built.js';

/**
 * Where the harness's tests that run the real suites in process take them from: the compiled suites (dist/, as the
 * packaged CLI runs them), when every module they are made of is built since its last change, else the TypeScript
 * sources. `npm test` builds before it tests; a test run after an edit and without a build takes the sources, never
 * stale code.
 */

/**
 * What `npm run build` compiles: its folders and files (its one pattern, the schemas' JSON documents, names files of a
 * folder listed too, whose JSON modules staleBuilds reads).
 */
const SOURCES = (JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include.filter((entry) => !entry.includes('*'));

let location: SuiteLocation | undefined;

export function suiteLocation(): SuiteLocation {
  location ??= staleBuilds(SOURCES).length === 0 ? { configFile: 'dist/vitest.suites.config.js' } : {};
  return location;
}
