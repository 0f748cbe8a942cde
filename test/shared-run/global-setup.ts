import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeFamiliesRun, type FamiliesRun } from './families-run.js';

/**
 * Global setup of the `shared-run` project (vitest.config.ts): the faulty run its tests read, made once per vitest run
 * and only when one of them is in it, in vitest's main process before any test starts (so no test process sees the
 * run's environment), and removed after the last test.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-shared-run-'));
  project.provide('familiesRun', await makeFamiliesRun(dir));
  return () => rm(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  interface ProvidedContext {
    /** The shared faulty run of the Authentication API, Duo and IdentityNow suites (families-run.ts). */
    familiesRun: FamiliesRun;
  }
}
