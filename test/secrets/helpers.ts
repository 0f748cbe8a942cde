import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/**
 * Shared machinery of the no-secret-leak tests: gather every output a run wrote (the JSON/Markdown summary, JUnit,
 * Allure files; the run itself: every-output.ts) and assert that no secret of the run appears in any of them.
 */

/**
 * A fresh folder for a run's outputs, in memory (/dev/shm) where the machine has one, else under the system's temp
 * folder. The Allure writer syncs every file it writes to disk (fsyncSync per result and attachment, ~1,000 files for
 * the whole suite): on disk that cost ~0.6-0.8 s on the run's main thread, mostly at the run's end; the files and their
 * text are the same wherever they are.
 */
export function runFolder(prefix: string): Promise<string> {
  return mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), prefix));
}

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
 * matches it ("<message> <where>"). One assertion over the list of what reached where: an assertion per output and
 * secret made ~500,000 of them for the whole-suite run (924 outputs, 541 secrets) and cost ~10 s of CPU, where
 * searching the 7 MB of outputs takes ~0.25 s.
 */
export function expectNoSecretIn(outputs: Output[], secrets: Iterable<string>, forbidden: ForbiddenPattern[] = []): void {
  const showsASecret = secretFinder([...secrets]);
  const reached: string[] = [];
  for (const [where, text] of outputs) {
    if (showsASecret(text)) reached.push(`a secret reached ${where}`);
    for (const [message, pattern] of forbidden) if (text.search(pattern) >= 0) reached.push(`${message} ${where}`);
  }
  expect(reached, `what reached an output:\n${reached.join('\n')}\n`).toEqual([]);
}

/** Whether the secret appears in the text (as secretFinder says it). */
export function shows(text: string, secret: string): boolean {
  return secretFinder([secret])(text);
}

/**
 * Whether any of the secrets appears in a text: one regular expression for them all, so each text is searched once.
 * A secret of digits only (a one-time code) counts only where it stands as a token of its own, no letter or digit
 * next to it: inside a longer run of digits or a hex or base64 id it is not that code. Seen: a 6-digit code sent by
 * the org inside a phone number of the same run ("+15" code "972"), and inside a random Allure step id ("…585af" code
 * "ac90d09"), in one run of a few (the shared run holds about 60 codes and 5 MB of outputs); a code that reaches an
 * output stands alone there (`"passCode": "…"`, `code …`, `?passCode=…&`).
 *
 * The secrets are written as a tree of their common beginnings (prefixTree), not one alternative each: most of a
 * run's secrets begin alike (stateTokens and API tokens "00…", hex keys), and an alternative each made the engine try
 * every one of them at each character of the outputs (families run, ~240 secrets: ~0.27 s of the test's CPU; on
 * 5 MB of generated outputs 78-85 ms against 27-37 ms).
 */
function secretFinder(secrets: readonly string[]): (text: string) => boolean {
  const codes = secrets.filter((secret) => /^\d+$/.test(secret));
  const others = secrets.filter((secret) => !/^\d+$/.test(secret));
  const alternatives = [
    ...(others.length > 0 ? [prefixTree(others, true)] : []),
    ...(codes.length > 0 ? [`(?<![0-9A-Za-z])${prefixTree(codes, false)}(?![0-9A-Za-z])`] : []),
  ];
  if (alternatives.length === 0) return () => false;
  const pattern = new RegExp(alternatives.join('|'));
  return (text) => pattern.test(text);
}

/** A node of prefixTree's tree: the next characters, and whether a secret ends here. */
interface PrefixNode {
  next: Map<string, PrefixNode>;
  ends: boolean;
}

/**
 * A regular expression (source) matching exactly the given strings, each character standing for itself, shared
 * beginnings written once. `anyEnd`: a match need not go on past a shorter string that is the beginning of a longer
 * one (whatever text holds the longer holds the shorter); not so for codes, whose end is checked after the match.
 */
function prefixTree(strings: readonly string[], anyEnd: boolean): string {
  const root: PrefixNode = { next: new Map(), ends: false };
  for (const string of strings) {
    let node = root;
    for (const char of string) {
      let child = node.next.get(char);
      if (!child) {
        child = { next: new Map(), ends: false };
        node.next.set(char, child);
      }
      node = child;
    }
    node.ends = true;
  }
  const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const source = (node: PrefixNode): string => {
    if (node.ends && anyEnd) return '';
    const branches = [...node.next].map(([char, child]) => escape(char) + source(child));
    if (node.ends) branches.push('');
    return branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  };
  return source(root);
}
