/**
 * `npm run build`: the compiled package (dist/) and its generated validators, redone only where something changed.
 *
 * TypeScript's build mode, incremental (tsconfig.build.json): with nothing changed it only compares the sources with
 * its record of the last build (dist/tsconfig.build.tsbuildinfo), ~0.6 s of CPU instead of ~16 s; a changed module is
 * checked again with the modules that depend on it and emitted. Two gaps of its up-to-date check are closed here:
 * - it does not look at its outputs: a file deleted from dist/ would stay deleted. An output missing: a full build.
 * - a source touched but not changed (same text: a checkout, an editor's save) is not emitted again, so its outputs
 *   stay older than it, and test/built.ts rightly calls an output older than its source stale. After a build that
 *   succeeded every output is its source's, so the older ones are touched.
 * - it never deletes: the outputs of a source deleted or moved would stay in dist/ and run as suites (and count
 *   as coverage). After a build that succeeded, a file of dist/ that no source emits is deleted (the generated
 *   validators and the build's record excepted).
 * The emitted JavaScript depends on nothing but its own source (isolatedModules), so a dependency upgrade cannot make
 * it stale; its types are checked in full by `npm run typecheck`.
 *
 * The validators (schemas/generate-validators.ts) are generated again unless the module there was generated from
 * these very inputs (the digest a process checks before it uses it) by this very code (it is newer than every
 * compiled module of schemas/).
 */
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Required, not imported: an ESM import of TypeScript's 9 MB CommonJS module first scans it for its exports (~0.5 s).
const ts = createRequire(import.meta.url)('typescript');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = join(ROOT, 'tsconfig.build.json');
const DIST = join(ROOT, 'dist');
/** What dist/ holds that no source emits: the build's record and the generated validators. */
const NOT_EMITTED = new Set([join(DIST, 'tsconfig.build.tsbuildinfo'), join(DIST, 'schemas', 'validators.generated.cjs')]);

/** Each source the build compiles, with the files it emits for it. */
function sourcesAndOutputs() {
  const parsed = ts.getParsedCommandLineOfConfigFile(CONFIG, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`${CONFIG} could not be read`);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')).join('\n'));
  return parsed.fileNames
    .filter((source) => !source.endsWith('.d.ts'))
    .map((source) => ({ source, outputs: ts.getOutputFileNames(parsed, source, !ts.sys.useCaseSensitiveFileNames) }));
}

function mtimeMs(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

function compile() {
  const compiled = sourcesAndOutputs();
  const force = compiled.some(({ outputs }) => outputs.some((output) => mtimeMs(output) === undefined));
  const builder = ts.createSolutionBuilder(ts.createSolutionBuilderHost(ts.sys), [CONFIG], { force });
  if (builder.build() !== ts.ExitStatus.Success) return false;
  const now = new Date();
  for (const { source, outputs } of compiled) {
    const changed = mtimeMs(source);
    for (const output of outputs) if (mtimeMs(output) < changed) utimesSync(output, now, now);
  }
  deleteOrphans(new Set(compiled.flatMap(({ outputs }) => outputs)));
  return true;
}

/** Deletes every file of dist/ that no source emits (a source deleted or moved), then the folders left empty. */
function deleteOrphans(emitted) {
  const entries = readdirSync(DIST, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !emitted.has(path) && !NOT_EMITTED.has(path)) rmSync(path);
  }
  // Deepest first, so a folder whose subfolders were all empty goes too.
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    if (readdirSync(folder).length === 0) rmSync(folder, { recursive: true });
  }
}

/** The newest modification time of the compiled modules of schemas/ (what the generator is made of). */
function newestSchemasModule() {
  const folder = join(DIST, 'schemas');
  return Math.max(
    ...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
      .map((entry) => mtimeMs(join(entry.parentPath, entry.name))),
  );
}

async function generateValidators() {
  const { GENERATED_VALIDATORS_FILE, loadGeneratedValidators } = await import('../dist/schemas/generated-validators.js');
  const { validatorInputsDigest } = await import('../dist/schemas/validator-inputs.js');
  const generated = mtimeMs(GENERATED_VALIDATORS_FILE);
  const current = generated !== undefined && generated > newestSchemasModule() && 'loaded' in loadGeneratedValidators(GENERATED_VALIDATORS_FILE, validatorInputsDigest());
  if (current) console.log(`validators up to date: ${GENERATED_VALIDATORS_FILE}`);
  else await import('../dist/schemas/generate-validators.js');
}

if (compile()) await generateValidators();
else process.exitCode = 1;
