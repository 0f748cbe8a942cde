import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { expect } from 'vitest';
import { runSuites, type SuiteRunOptions, type SuiteRunOutcome } from '../../cli/run-suites.js';

/**
 * Shared machinery of the no-secret-leak tests: capture what a run prints, gather every output it wrote
 * (the JSON/Markdown summary, JUnit, Allure files) and assert that no secret of the run appears in any of them.
 */

/** An output of the run, as [where it came from, its text]. */
export type Output = [where: string, text: string];

/** A pattern that must not match any output, with the start of the message shown when it does (e.g. 'a passCode reached'). */
export type ForbiddenPattern = [message: string, pattern: RegExp];

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
  options: Pick<SuiteRunOptions, 'target' | 'filters' | 'mockHost'>,
): Promise<{ outcome: SuiteRunOutcome; stdout: string; stderr: string; allureFiles: string[] }> {
  const stdout = capture();
  const stderr = capture();
  const outcome = await runSuites({
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

/**
 * stdout and stderr, then the summary.json, junit.xml and summary.md written into dir, then the given Allure files,
 * each read as UTF-8.
 */
export async function collectOutputs(stdout: string, stderr: string, dir: string, allureFiles: string[]): Promise<Output[]> {
  const outputs: Output[] = [
    ['stdout', stdout],
    ['stderr', stderr],
  ];
  for (const file of [join(dir, 'summary.json'), join(dir, 'junit.xml'), join(dir, 'summary.md'), ...allureFiles]) {
    outputs.push([file, await readFile(file, 'utf8')]);
  }
  return outputs;
}

/**
 * For every output: no secret appears in it ("a secret reached <where>"), and none of the forbidden patterns
 * matches it ("<message> <where>").
 */
export function expectNoSecretIn(outputs: Output[], secrets: Iterable<string>, forbidden: ForbiddenPattern[] = []): void {
  for (const [where, text] of outputs) {
    for (const secret of secrets) expect(text.includes(secret), `a secret reached ${where}`).toBe(false);
    for (const [message, pattern] of forbidden) expect(text, `${message} ${where}`).not.toMatch(pattern);
  }
}
