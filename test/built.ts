import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled output (`npm run build`, dist/) that harness tests run instead of the TypeScript sources: Node loads it
 * without vite's transform (the fault and variant harnesses' nested runs, the load-alone proof of the mock's modules).
 */

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** Where the build puts a source module (`mock-org/index.ts`, relative to the root or absolute → `<root>/dist/mock-org/index.js`). */
export function builtPath(source: string): string {
  return join(DIST, relative(ROOT, resolve(ROOT, source))).replace(/\.ts$/, '.js');
}

/** The TypeScript modules under `folder` (relative to the root, absolute paths), declarations aside. */
export async function sourceModules(folder: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The modules under `folders` whose build is missing or older than their source (relative to the root). */
async function staleBuilds(folders: readonly string[]): Promise<string[]> {
  const sources = (await Promise.all(folders.map(sourceModules))).flat();
  const stale = await Promise.all(
    sources.map(async (source) => {
      const built = await stat(builtPath(source)).catch(() => undefined);
      return !built || built.mtimeMs < (await stat(source)).mtimeMs ? relative(ROOT, builtPath(source)) : undefined;
    }),
  );
  return stale.filter((path) => path !== undefined);
}

/** Throws, naming them, when a module under `folders` is not built or built before its last change. */
export async function expectBuilt(folders: readonly string[]): Promise<void> {
  const stale = await staleBuilds(folders);
  if (stale.length > 0) {
    throw new Error(`missing or stale in dist/ (run \`npm run build\` first): ${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ` and ${stale.length - 10} more` : ''}`);
  }
}
