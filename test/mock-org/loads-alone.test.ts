import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';

/**
 * Every module of the mock loads on its own, first, in a fresh Node process: an import cycle
 * that only the entry order hides (a module reading another's export while it is still
 * initialising) makes some module fail here. Runs on the build (`npm run build` first).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = join(ROOT, 'mock-org');
const BUILT = join(ROOT, 'dist', 'mock-org');
/** Node processes at a time: the machine's cores are shared. */
const CONCURRENCY = 2;

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Loaded {
  module: string;
  code: number | null;
  stderr: string;
}

function loadAlone(file: string): Promise<Loaded> {
  const script = `await import(${JSON.stringify(pathToFileURL(file).href)});`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ module: relative(ROOT, file), code, stderr }));
  });
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      results.push(await work(item));
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return results;
}

test('every compiled mock-org module loads alone, in a fresh process', async () => {
  const sources = await filesUnder(SOURCE, '.ts');
  const modules = sources.map((source) => join(BUILT, relative(SOURCE, source)).replace(/\.ts$/, '.js'));
  // The build must hold every source module, built after its last change.
  const stale: string[] = [];
  for (const [index, module] of modules.entries()) {
    const built = await stat(module).catch(() => undefined);
    const source = await stat(sources[index] as string);
    if (!built || built.mtimeMs < source.mtimeMs) stale.push(relative(ROOT, module));
  }
  expect(stale, 'missing or stale in dist/: run `npm run build` first').toEqual([]);
  expect(modules.length).toBeGreaterThan(50);

  const results = await inBatches(modules, CONCURRENCY, loadAlone);
  const failed = results.filter((r) => r.code !== 0 || r.stderr !== '').map((r) => `${r.module}: ${r.stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.code}`}`);
  expect(failed).toEqual([]);
  expect(results).toHaveLength(modules.length);
}, 180_000);
