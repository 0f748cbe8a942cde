/**
 * Where the mfa-conformance package lives, found from this module's own location, so the CLI finds its
 * suites and vitest config whether it runs from the source tree, from `dist/cli/` after a build,
 * or from `node_modules/mfa-conformance` in someone else's project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'mfa-conformance';

/**
 * The vitest config of the conformance suites, relative to the package root. Run from the compiled CLI (dist/), the
 * suites run from their compiled output too: no TypeScript transform at run time in a packaged run.
 */
export const SUITES_CONFIG = import.meta.url.endsWith('.js') ? 'dist/vitest.suites.config.js' : 'vitest.suites.config.ts';

export interface PackageInfo {
  root: string;
  version: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  cached ??= findPackage(import.meta.url);
  return cached;
}

/** Walks up from `fromUrl` to the nearest package.json named mfa-conformance. */
function findPackage(fromUrl: string | URL): PackageInfo {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const manifest = readManifest(join(dir, 'package.json'));
    if (manifest?.name === PACKAGE_NAME) return { root: dir, version: manifest.version ?? '0.0.0' };
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

function readManifest(file: string): { name?: string; version?: string } | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as { name?: string; version?: string }) : undefined;
  } catch {
    return undefined;
  }
}
