import { relative } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { TaskMeta } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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

async function collect(): Promise<CollectedSuite[]> {
  const { createVitest } = await import('vitest/node');
  const vitest = await createVitest(
    'test',
    { root: ROOT, config: false, watch: false, include: ['suites/**/*.test.ts'], reporters: [], pool: 'threads', isolate: false },
    undefined,
    { stdout: nullStream(), stderr: nullStream() },
  );
  try {
    const { testModules } = await vitest.collect();
    return testModules.map((module) => ({
      file: relative(ROOT, module.moduleId),
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
