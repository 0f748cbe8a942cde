import { readFileSync } from 'node:fs';

/** The harness version, from package.json (found from here in the source tree and in dist/). */
export const HARNESS_VERSION: string = (() => {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mfa-conformance' && pkg.version) return pkg.version;
    } catch {
      // not here; try the next place
    }
  }
  return '0.0.0';
})();

export const USER_AGENT = `mfa-conformance/${HARNESS_VERSION} node/${process.versions.node}`;
