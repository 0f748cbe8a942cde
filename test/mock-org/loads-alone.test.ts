import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { builtPath, DIST, expectBuilt, ROOT, sourceModules } from '../built.js';

/**
 * Every module of the mock loads on its own, first, in a fresh module graph: an import cycle that only the entry
 * order hides (a module reading another's export while it is still initialising, a TDZ error) makes some module fail
 * here. Runs on the build (`npm run build` first).
 *
 * How, cheaply: a few Node processes, each importing many modules in turn, each under its own `?alone=N` query; a
 * resolve hook gives every module of the scope (dist/mock-org/) that such a module imports the same query, so each
 * import loads a fresh graph of the scope's modules, starting at the entry, exactly as a fresh process would. What lies
 * outside the scope (node_modules, requirements, schemas) imports nothing of the mock (the dependency rules), so it
 * can take no part in a cycle with it and is loaded once per process. (Before: one Node process per module, 149
 * processes, 22 s CPU.)
 */

/** Node processes at a time: the machine's cores are shared. */
const CONCURRENCY = 2;

/** Gives every module of the scope imported from an `?alone=N` module of the scope the same query (a fresh instance per N). */
const HOOKS = `
let scope;
export function initialize(data) {
  scope = data;
}
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const alone = context.parentURL?.startsWith(scope) ? new URL(context.parentURL).searchParams.get('alone') : null;
  return alone !== null && resolved.url.startsWith(scope) && !resolved.url.includes('?') ? { ...resolved, url: resolved.url + '?alone=' + alone } : resolved;
}`;

/** Imports each module (argv: the scope's URL, a JSON list of module URLs) alone; prints the results as JSON. */
const LOADER = `
import { register } from 'node:module';
const [scope, list] = process.argv.slice(1);
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOKS)}), { data: scope });
const results = [];
let current;
process.on('warning', (warning) => results.push({ url: current, error: 'warning: ' + warning.name + ': ' + warning.message }));
for (const [index, url] of JSON.parse(list).entries()) {
  current = url;
  try {
    await import(url + '?alone=' + index);
    results.push({ url });
  } catch (error) {
    results.push({ url, error: String(error?.stack ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
`;

interface Loaded {
  url: string;
  /** what went wrong: the import's error, a warning, or how the process ended */
  error?: string;
}

/** Loads each module of `urls` alone, in `CONCURRENCY` processes; results in no particular order. */
async function loadEachAlone(scope: string, urls: readonly string[]): Promise<Loaded[]> {
  const chunks = Array.from({ length: CONCURRENCY }, (_, index) => urls.filter((_url, at) => at % CONCURRENCY === index));
  const results = await Promise.all(chunks.filter((chunk) => chunk.length > 0).map((chunk) => loadInOneProcess(scope, chunk)));
  return results.flat();
}

function loadInOneProcess(scope: string, urls: readonly string[]): Promise<Loaded[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LOADER, scope, JSON.stringify(urls)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => {
      if (code === 0 && stderr === '') return resolve(JSON.parse(stdout) as Loaded[]);
      resolve(urls.map((url) => ({ url, error: `loader process: exit ${code}: ${stderr.split('\n').find((l) => /Error/.test(l)) ?? stderr}` })));
    });
  });
}

const firstErrorLine = (error: string): string => error.split('\n').find((line) => /Error|warning/.test(line)) ?? error;

test('every compiled mock-org module loads alone, in a fresh module graph', async () => {
  expectBuilt(['mock-org']);
  const modules = sourceModules('mock-org').map(builtPath);
  expect(modules.length).toBeGreaterThan(50);

  const results = await loadEachAlone(pathToFileURL(join(DIST, 'mock-org')).href + '/', modules.map((m) => pathToFileURL(m).href));
  const failed = results.filter((r) => r.error !== undefined).map((r) => `${relative(ROOT, new URL(r.url).pathname)}: ${firstErrorLine(r.error ?? '')}`);
  expect(failed).toEqual([]);
  expect(results).toHaveLength(modules.length);
}, 180_000);

test('a module that only loads after its cycle partner fails here, and its partner does not', async () => {
  // a, loaded first, runs b before its own body, and b reads a's export at load (TDZ); b, loaded first, runs a, which
  // reads nothing of b at load: fine.
  const dir = await mkdtemp(join(tmpdir(), 'loads-alone-'));
  try {
    await writeFile(join(dir, 'a.js'), `import { b } from './b.js';\nexport const a = 'a';\nexport const both = () => a + b;\n`);
    await writeFile(join(dir, 'b.js'), `import { a } from './a.js';\nexport const b = a.toUpperCase();\n`);
    const [a, b] = ['a.js', 'b.js'].map((name) => pathToFileURL(join(dir, name)).href);
    // b first in the same process: a fresh graph per import, or a would load from b's finished one and pass.
    const results = await loadInOneProcess(pathToFileURL(dir).href + '/', [b as string, a as string]);
    expect(results.find((r) => r.url === b)).toEqual({ url: b });
    expect(results.find((r) => r.url === a)?.error).toMatch(/ReferenceError: Cannot access 'a' before initialization/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
