/**
 * The config file: `mfa-conformance.config.ts` (or .mjs/.js, default export of `defineConfig({...})`) or
 * `mfa-conformance.config.json` in the current directory, or the file `--config` names. Flags win over it;
 * secrets belong in the environment, not in the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './usage.js';

export interface MfaConformanceConfig {
  /** Base URL of the target org (OKTA_CLIENT_ORGURL and --target win). */
  target?: string;
  /** `okta` or `http` (see `run --help`). */
  driver?: string;
  /** Hosts a run may write to (`--allow-target`). */
  allowTargets?: readonly string[];
  /** Also allow hosts that look like production (`--allow-production`). */
  allowProduction?: boolean;
}

/** Typed identity, for `mfa-conformance.config.ts`: `export default defineConfig({ allowTargets: ['dev-1.oktapreview.com'] })`. */
export function defineConfig(config: MfaConformanceConfig): MfaConformanceConfig {
  return config;
}

const DEFAULT_NAMES = ['mfa-conformance.config.ts', 'mfa-conformance.config.mts', 'mfa-conformance.config.mjs', 'mfa-conformance.config.js', 'mfa-conformance.config.json'];

export async function loadConfig(path: string | undefined, cwd: string): Promise<MfaConformanceConfig> {
  const file = path !== undefined ? resolve(cwd, path) : DEFAULT_NAMES.map((name) => resolve(cwd, name)).find((f) => existsSync(f));
  if (file === undefined) return {};
  if (!existsSync(file)) throw new UsageError(`--config ${path ?? ''}: no such file`);
  let value: unknown;
  try {
    value = file.endsWith('.json')
      ? JSON.parse(readFileSync(file, 'utf8'))
      : /\.m?ts$/.test(file)
        ? await importTypeScript(file)
        : ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new UsageError(`cannot read the config file ${file}: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}`);
  }
  return checkConfig(value, file);
}

function checkConfig(value: unknown, file: string): MfaConformanceConfig {
  if (typeof value !== 'object' || value === null) throw new UsageError(`${file} must export an object (defineConfig({...}))`);
  const v = value as Record<string, unknown>;
  const known = new Set(['target', 'driver', 'allowTargets', 'allowProduction']);
  const unknown = Object.keys(v).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new UsageError(`${file}: unknown setting ${unknown.join(', ')} (secrets go in the environment)`);
  if (v.target !== undefined && typeof v.target !== 'string') throw new UsageError(`${file}: target must be a URL string`);
  if (v.driver !== undefined && typeof v.driver !== 'string') throw new UsageError(`${file}: driver must be okta or http`);
  if (v.allowTargets !== undefined && !(Array.isArray(v.allowTargets) && v.allowTargets.every((h) => typeof h === 'string'))) {
    throw new UsageError(`${file}: allowTargets must be a list of host names`);
  }
  if (v.allowProduction !== undefined && typeof v.allowProduction !== 'boolean') throw new UsageError(`${file}: allowProduction must be true or false`);
  return v as MfaConformanceConfig;
}

/** Node 20 cannot import TypeScript: vite (vitest's own, which the run loads anyway) transforms the config file. */
async function importTypeScript(file: string): Promise<unknown> {
  const { createViteServer } = await import('vitest/node');
  const server = await createViteServer({
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    return ((await server.ssrLoadModule(file)) as { default?: unknown }).default;
  } finally {
    await server.close();
  }
}
