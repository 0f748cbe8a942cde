import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { SuiteRunOptions, SuiteRunOutcome } from '../../cli/run-suites.js';
import { suiteLocation } from '../support/compiled-suites.js';
import { productModuleUrl } from './product-modules.js';

/**
 * A run of the suites with every output on, as the no-secret-leak tests read it.
 */

/** A writable stream that keeps what is written to it, as a string. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * Runs the suites with every output on, written into dir: progress on stdout and stderr (captured), the JSON and
 * Markdown summaries, JUnit and Allure results. Returns the run, what it printed and the Allure files.
 */
export async function runWithEveryOutput(
  dir: string,
  options: Pick<SuiteRunOptions, 'target' | 'filters' | 'mockHost' | 'configFile'>,
): Promise<{ outcome: SuiteRunOutcome; stdout: string; stderr: string; allureFiles: string[] }> {
  const stdout = capture();
  const stderr = capture();
  // the run as the CLI makes it, compiled or not as the suites are (product-modules.ts)
  const { runSuites } = (await import(productModuleUrl('cli/run-suites'))) as typeof import('../../cli/run-suites.js');
  const outcome = await runSuites({
    ...suiteLocation(),
    ...options,
    progress: true,
    stdout: stdout.stream,
    stderr: stderr.stream,
    outputs: { json: join(dir, 'summary.json'), junit: join(dir, 'junit.xml'), markdown: join(dir, 'summary.md'), allure: join(dir, 'allure-results') },
  });
  return { outcome, stdout: stdout.text(), stderr: stderr.text(), allureFiles: await filesUnder(join(dir, 'allure-results')) };
}

/** Every file under root, recursively. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
