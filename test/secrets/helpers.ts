import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Shared machinery of the no-secret-leak tests: gather every output a run wrote (the JSON/Markdown summary, JUnit,
 * Allure files; the run itself: every-output.ts) and assert that no secret of the run appears in any of them.
 */

/** An output of the run, as [where it came from, its text]. */
export type Output = [where: string, text: string];

/** A pattern that must not match any output, with the start of the message shown when it does (e.g. 'a passCode reached'). */
export type ForbiddenPattern = [message: string, pattern: RegExp];

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
    for (const secret of secrets) expect(shows(text, secret), `a secret reached ${where}`).toBe(false);
    for (const [message, pattern] of forbidden) expect(text, `${message} ${where}`).not.toMatch(pattern);
  }
}

/**
 * Whether the secret appears in the text. A secret of digits only (a one-time code) counts only where it stands as a
 * token of its own, no letter or digit next to it: inside a longer run of digits or a hex or base64 id it is not that
 * code. Seen: a 6-digit code sent by the org inside a phone number of the same run ("+15" code "972"), and inside a
 * random Allure step id ("…585af" code "ac90d09"), in one run of a few (the shared run holds about 60 codes and 5 MB
 * of outputs); a code that reaches an output stands alone there (`"passCode": "…"`, `code …`, `?passCode=…&`).
 */
export function shows(text: string, secret: string): boolean {
  if (!/^\d+$/.test(secret)) return text.includes(secret);
  const alphanumeric = (char: string | undefined) => char !== undefined && /[0-9A-Za-z]/.test(char);
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
    if (!alphanumeric(text[at - 1]) && !alphanumeric(text[at + secret.length])) return true;
  }
  return false;
}
