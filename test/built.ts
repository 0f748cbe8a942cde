import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled output (`npm run build`, dist/) that harness tests run instead of the TypeScript sources: Node loads it
 * without vite's transform (3-4 s of CPU per run of the suites from their sources). Whether a build is current is
 * answered here, for every test that runs it: the fault and variant harnesses' nested runs and the load-alone proof
 * require it (`expectBuilt`); the in-process runs of the real suites fall back to the sources (`test/support/compiled-suites.ts`).
 */

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** Where the build puts a source module (`mock-org/index.ts`, relative to the root or absolute → `<root>/dist/mock-org/index.js`). */
export function builtPath(source: string): string {
  return join(DIST, relative(ROOT, resolve(ROOT, source))).replace(/\.ts$/, '.js');
}

/**
 * The modules the build compiles at `path` (a folder, recursively, or one file; relative to the root), absolute: TypeScript
 * (declarations aside) and JSON (the schemas' documents, which the build copies into dist/).
 */
export function sourceModules(path: string): string[] {
  const at = join(ROOT, path);
  if (!statSync(at).isDirectory()) return isSourceModule(at) ? [at] : [];
  return readdirSync(at, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && isSourceModule(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function isSourceModule(name: string): boolean {
  return (name.endsWith('.ts') && !name.endsWith('.d.ts')) || name.endsWith('.json');
}

/** The modules at `paths` whose build is missing or older than their source (relative to the root). */
export function staleBuilds(paths: readonly string[]): string[] {
  return paths
    .flatMap(sourceModules)
    .filter((source) => {
      const built = statSync(builtPath(source), { throwIfNoEntry: false });
      return !built || built.mtimeMs < statSync(source).mtimeMs;
    })
    .map((source) => relative(ROOT, builtPath(source)));
}

/** Throws, naming them, when a module at `paths` is not built or built before its last change. */
export function expectBuilt(paths: readonly string[]): void {
  const stale = staleBuilds(paths);
  if (stale.length > 0) {
    throw new Error(`missing or stale in dist/ (run \`npm run build\` first): ${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ` and ${stale.length - 10} more` : ''}`);
  }
}
