import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../../reports/summary.js';
import type { FamiliesRun } from './families-run.js';

/** The summary the shared run wrote. */
export async function summaryOf(run: FamiliesRun): Promise<RunSummary> {
  return JSON.parse(await readFile(join(run.dir, 'summary.json'), 'utf8')) as RunSummary;
}

/** The names of the failed checks of the suite files under `folder` (e.g. `suites/duo-auth/`). */
export async function failedChecksOf(run: FamiliesRun, folder: string): Promise<string[]> {
  return (await summaryOf(run)).checks.filter((c) => c.state === 'failed' && c.module.includes(folder)).map((c) => c.name);
}
