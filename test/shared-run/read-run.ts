import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunSummary } from '../../reports/summary.js';
import { collectOutputs, type Output } from '../secrets/helpers.js';
import type { FamiliesRun } from './families-run.js';

/** The summary the shared run wrote. */
export async function summaryOf(run: FamiliesRun): Promise<RunSummary> {
  return JSON.parse(await readFile(join(run.dir, 'summary.json'), 'utf8')) as RunSummary;
}

/** The names of the failed checks of the suite files under `folder` (e.g. `suites/duo-auth/`). */
export async function failedChecksOf(run: FamiliesRun, folder: string): Promise<string[]> {
  return (await summaryOf(run)).checks.filter((c) => c.state === 'failed' && c.module.includes(folder)).map((c) => c.name);
}

/**
 * The shared run, as a secret test of one family takes it: the run failed (its faults make checks fail and print their
 * evidence), checks of the family's suite files (under `folder`) are among the failed, and every output it printed or
 * wrote, ready for expectNoSecretIn.
 */
export async function failedRunOutputs(run: FamiliesRun, folder: string, family: string): Promise<Output[]> {
  expect(run.exitCode, 'the faults make checks fail and print their evidence').toBe(1);
  expect(await failedChecksOf(run, folder), `${family} checks failed`).not.toEqual([]);
  expect(run.allureFiles.some((f) => f.endsWith('-attachment.json')), 'exchanges were attached').toBe(true);
  return collectOutputs(run.stdout, run.stderr, run.dir, run.allureFiles);
}
