import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../built.js';
import { suiteLocation } from '../support/compiled-suites.js';

/**
 * Where the secret tests take a module of the mock from (`source`: its path without extension, e.g. `mock-org/org`):
 * compiled (dist/) when the run's suites are (test/support/compiled-suites.ts), else the TypeScript sources. A mock's
 * state (an org's registries, its classes) is its own module instance's, so a test watching the mock takes it from
 * where the mock it watches was made. The isolated project keeps dist/ external (vitest.config.ts): Node loads the
 * compiled mock itself, ~0.6 s, where vite's transform of it took ~3 s of the test's start.
 */
export function mockModuleUrl(source: string): string {
  const compiled = suiteLocation().configFile !== undefined;
  return pathToFileURL(join(ROOT, compiled ? `dist/${source}.js` : `${source}.ts`)).href;
}
