import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packageFolder = join(repositoryRoot, 'virtual-authenticators');
const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

/**
 * Packages the folder may load although package.json does not list them: @peculiar/x509 needs the Reflect metadata
 * polyfill loaded first (its tsyringe container refuses to start without it); reflect-metadata comes in with
 * @simplewebauthn/server and @peculiar/x509's own dependency tree.
 */
const UNDECLARED_BUT_REQUIRED = new Set(['reflect-metadata']);

const SPECIFIER_PATTERNS = [
  /\b(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g, // import … from '…', export … from '…'
  /\bimport\s*['"]([^'"]+)['"]/g, // import '…' (side effect)
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
];

function moduleSpecifiers(source: string): string[] {
  return SPECIFIER_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

function typeScriptFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return typeScriptFilesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/** Follows relative imports from `entry`; returns every file reached and every bare specifier met. */
function importGraph(entry: string): { files: Set<string>; external: Map<string, string> } {
  const files = new Set<string>();
  const external = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of moduleSpecifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        pending.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else {
        external.set(specifier, relative(repositoryRoot, file));
      }
    }
  }
  return { files, external };
}

describe('virtual-authenticators is self-contained', () => {
  const entry = join(packageFolder, 'index.ts');
  const graph = importGraph(entry);

  it('reaches only files inside its own folder, all of which exist', () => {
    const outside = [...graph.files].filter((file) => !file.startsWith(packageFolder + sep));
    expect(outside).toEqual([]);
    const missing = [...graph.files].filter((file) => !existsSync(file));
    expect(missing).toEqual([]);
    expect(graph.files.size).toBeGreaterThan(20);
  });

  it('no file in the folder (reachable or not) imports a project module outside it', () => {
    const offenders = typeScriptFilesUnder(packageFolder).flatMap((file) =>
      moduleSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => specifier.startsWith('.'))
        .map((specifier) => resolve(dirname(file), specifier))
        .filter((target) => !target.startsWith(packageFolder + sep))
        .map((target) => `${relative(repositoryRoot, file)} -> ${relative(repositoryRoot, target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('loads only node built-ins and its npm dependencies, never the project by its package name', () => {
    const declared = new Set(Object.keys(manifest.dependencies ?? {}));
    const undeclared = [...graph.external.keys()].filter(
      (specifier) => !isBuiltin(specifier) && !declared.has(packageName(specifier)) && !UNDECLARED_BUT_REQUIRED.has(specifier),
    );
    expect(undeclared).toEqual([]);
    expect([...graph.external.keys()].filter((specifier) => specifier.startsWith('mfa-conformance'))).toEqual([]);
    // The npm packages it is built on, as the design says.
    expect([...graph.external.keys()].map(packageName)).toEqual(
      expect.arrayContaining(['@peculiar/x509', 'cbor-x', 'otplib']),
    );
  });
});
