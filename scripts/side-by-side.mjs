/**
 * Runs scripts of package.json side by side: `node scripts/side-by-side.mjs deps unused build`. Each one's output
 * (stdout and stderr, in the order written) is held and printed whole when it ends, under its name, so outputs never
 * interleave; when every one has ended, the command fails if any of them failed, naming them. `npm test` runs its
 * checks before the harness this way: the import rules, the unused-code check and the build are each mostly one
 * process on one core, and the machine has more.
 *
 * A script runs as npm would run it (a shell, node_modules/.bin on the PATH) without an npm process of its own (~0.4 s
 * of CPU each).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const env = { ...process.env, PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };

/** Runs one script; resolves with how it ended and everything it printed. */
function run(name) {
  const command = scripts[name];
  if (typeof command !== 'string') return Promise.resolve({ name, ended: 'no such script in package.json', ok: false, output: '' });
  const started = performance.now();
  return new Promise((resolve) => {
    const output = [];
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const ended = signal ? `killed by ${signal}` : code === 0 ? 'ok' : `exit ${code}`;
      resolve({ name, ended: `${ended}, ${seconds} s`, ok: code === 0, output: Buffer.concat(output).toString('utf8') });
    });
  });
}

const names = process.argv.slice(2);
if (names.length === 0) throw new Error('usage: node scripts/side-by-side.mjs SCRIPT...');
const outcomes = await Promise.all(
  names.map((name) =>
    run(name).then((outcome) => {
      process.stdout.write(`\n> ${outcome.name}: ${scripts[outcome.name] ?? ''}\n${outcome.output}${outcome.output.endsWith('\n') || outcome.output === '' ? '' : '\n'}< ${outcome.name}: ${outcome.ended}\n`);
      return outcome;
    }),
  ),
);
const failed = outcomes.filter((outcome) => !outcome.ok);
if (failed.length > 0) {
  process.stderr.write(`\nfailed: ${failed.map((outcome) => `${outcome.name} (${outcome.ended})`).join(', ')}\n`);
  process.exitCode = 1;
}
