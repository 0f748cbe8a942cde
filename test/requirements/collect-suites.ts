import { relative } from 'node:path';
import { Writable } from 'node:stream';
import type { TaskMeta } from 'vitest';
import { DIST, ROOT } from '../built.js';
import { suiteLocation } from '../support/compiled-suites.js';

/** A suite file as vitest collects it (imported, not run): its load errors and its checks' names and meta. */
export interface CollectedSuite {
  /** Relative to the project root. */
  file: string;
  errors: string[];
  checks: { name: string; meta: TaskMeta }[];
}

let collected: Promise<CollectedSuite[]> | undefined;

/** Every suite file's checks, collected once per worker however many harness tests ask. */
export function collectSuites(): Promise<CollectedSuite[]> {
  collected ??= collect();
  return collected;
}

/**
 * The compiled suites (dist/) when the build is current, loaded by Node itself as the CLI loads them (no TypeScript
 * transform: ~2 s of CPU less), else the sources; either way each file is named by its source.
 */
function suiteFiles(): { include: string; external: RegExp[]; source: (file: string) => string } {
  const fromSources = (file: string) => relative(ROOT, file);
  if (suiteLocation().configFile === undefined) return { include: 'suites/**/*.test.ts', external: [], source: fromSources };
  return { include: 'dist/suites/**/*.test.js', external: [/\/dist\//], source: (file) => relative(DIST, file).replace(/\.js$/, '.ts') };
}

async function collect(): Promise<CollectedSuite[]> {
  const { createVitest } = await import('vitest/node');
  const files = suiteFiles();
  const vitest = await createVitest(
    'test',
    {
      root: ROOT,
      config: false,
      watch: false,
      include: [files.include],
      server: { deps: { external: files.external } },
      reporters: [],
      pool: 'threads',
      isolate: false,
    },
    undefined,
    { stdout: nullStream(), stderr: nullStream() },
  );
  try {
    const { testModules } = await vitest.collect();
    return testModules.map((module) => ({
      file: files.source(module.moduleId),
      errors: module.errors().map((e) => e.message),
      checks: [...module.children.allTests()].map((t) => ({ name: t.fullName, meta: t.meta() })),
    }));
  } finally {
    await vitest.close();
  }
}

function nullStream(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
