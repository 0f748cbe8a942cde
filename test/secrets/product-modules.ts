import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtPath, ROOT } from '../built.js';
import { suiteLocation } from '../support/compiled-suites.js';

/**
 * Where the secret tests take a module of the project from (`source`: its path without extension, e.g.
 * `mock-org/org`): compiled (dist/) when the run's suites are (test/support/compiled-suites.ts: every built module is
 * fresh), else the TypeScript sources, so that the run, the mock and the reports are one build, as the packaged CLI
 * runs them. A mock's state (an org's registries, its classes) is its own module instance's: a test watching the mock
 * takes it from where the mock it watches was made. The isolated project keeps dist/ external (vitest.config.ts):
 * Node loads the compiled modules itself, where vite's transform of the mock alone took ~3 s of a test's start.
 */
export function productModuleUrl(source: string): string {
  const module = `${source}.ts`;
  return pathToFileURL(suiteLocation().configFile !== undefined ? builtPath(module) : join(ROOT, module)).href;
}
