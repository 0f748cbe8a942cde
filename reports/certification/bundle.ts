/**
 * The certification bundle: a directory (and the same as a .tar.gz) holding the certification in JSON, Markdown
 * and HTML, the run summary, the redacted exchanges of failed checks, the signer's public key, and a manifest
 * with the SHA-256 of every one of those files and of every suite file, signed by a detached JWS. The archive is a
 * tar (the `tar` package) in a gzip container of stored blocks (stored-gzip.ts), so that every byte of it is checked.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { create } from 'tar';
import type { RunSummary } from '../summary.js';
import type { Certification } from './certification.js';
import type { FailedCheckEvidence } from './failed-exchanges.js';
import { renderCertificationHtml } from './html.js';
import { renderCertificationMarkdown } from './markdown.js';
import { publicJwk, signDetached, thumbprint, type SigningKey } from './signing.js';
import { storedGzip } from './stored-gzip.js';

export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.jws';
export const PUBLIC_KEY = 'public-key.jwk.json';
export const BUNDLE_FORMAT = 'mfa-conformance-bundle/1';

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  profile: string;
  verdict: Certification['verdict'];
  facts: Certification['facts'];
  /** SHA-256 (hex) of every file of the bundle but the manifest and its signature, by path in the bundle. */
  files: Record<string, string>;
  /** SHA-256 (hex) of every suite file the run loaded, by path in the package. */
  suiteFiles: Record<string, string>;
  /** RFC 7638 thumbprint of the signing key (also the JWS `kid`). */
  keyThumbprint: string;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Every file under dir, as paths relative to it with forward slashes, sorted. */
export async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** SHA-256 of every file in these folders of the package (suite folders and the suites' support code). */
export async function digestSuiteFiles(packageRoot: string, folders: readonly string[]): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const folder of [...new Set(folders)].sort()) {
    let files: string[];
    try {
      files = await filesIn(join(packageRoot, folder));
    } catch {
      continue;
    }
    for (const file of files) digests[`${folder}/${file}`] = sha256(await readFile(join(packageRoot, folder, file)));
  }
  return digests;
}

export interface BundleInput {
  /** The bundle directory (replaced); the archive is `<dir>.tar.gz`. */
  dir: string;
  certification: Certification;
  summary: RunSummary;
  evidence: readonly FailedCheckEvidence[];
  suiteFiles: Record<string, string>;
  key: SigningKey;
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

export async function writeBundle(input: BundleInput): Promise<{ dir: string; archive: string; keyThumbprint: string }> {
  const { dir, certification } = input;
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'exchanges'), { recursive: true });
  const jwk = await publicJwk(input.key);
  const kid = await thumbprint(jwk);
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

  await writeFile(join(dir, 'certification.json'), json(certification));
  await writeFile(join(dir, 'certification.md'), renderCertificationMarkdown(certification));
  await writeFile(join(dir, 'certification.html'), renderCertificationHtml({ certification, evidence: input.evidence, suiteFiles: input.suiteFiles }));
  await writeFile(join(dir, 'summary.json'), json(input.summary));
  await writeFile(join(dir, PUBLIC_KEY), json(jwk));
  for (const [index, item] of input.evidence.entries()) {
    await writeFile(join(dir, 'exchanges', `${String(index + 1).padStart(3, '0')}-${slug(item.check)}.json`), json(item));
  }

  const files: Record<string, string> = {};
  for (const file of await filesIn(dir)) files[file] = sha256(await readFile(join(dir, file)));
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    profile: certification.profile.name,
    verdict: certification.verdict,
    facts: certification.facts,
    files,
    suiteFiles: input.suiteFiles,
    keyThumbprint: kid,
  };
  const manifestBytes = Buffer.from(json(manifest));
  await writeFile(join(dir, MANIFEST), manifestBytes);
  await writeFile(join(dir, SIGNATURE), `${await signDetached(manifestBytes, input.key, kid)}\n`);

  const archive = `${dir}.tar.gz`;
  const tarChunks: Buffer[] = [];
  for await (const chunk of create({ cwd: dirname(dir), portable: true }, [basename(dir)])) tarChunks.push(Buffer.from(chunk));
  await writeFile(archive, storedGzip(Buffer.concat(tarChunks)));
  return { dir, archive, keyThumbprint: kid };
}
