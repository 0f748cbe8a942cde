/**
 * Verifies a certification bundle (its directory or its .tar.gz): the detached JWS over the manifest, with the
 * public key given or the one the bundle carries, then the SHA-256 of every file, and that no file was added.
 * An archive is read in memory, never unpacked to disk, through the strict reader of its gzip container
 * (stored-gzip.ts), so a changed byte in the container fails it too.
 */
import { createPublicKey } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, type JWK } from 'jose';
import { Parser } from 'tar';
import { filesIn, MANIFEST, PUBLIC_KEY, sha256, SIGNATURE, type Manifest } from './bundle.js';
import { thumbprint, verifyDetached } from './signing.js';
import { readStoredGzip } from './stored-gzip.js';

export interface BundleVerdict {
  ok: boolean;
  /** Everything wrong with the bundle; empty when ok. */
  problems: string[];
  /** Thumbprint of the key that verified (or failed to verify) the signature. */
  keyThumbprint?: string;
  keySource: 'given' | 'bundle';
  manifest?: Manifest;
}

/** A public key from a file: a JWK (JSON) or a PEM public key. */
export async function readPublicKey(path: string): Promise<JWK> {
  const text = await readFile(path, 'utf8');
  if (text.trimStart().startsWith('{')) return JSON.parse(text) as JWK;
  const key = createPublicKey(text);
  const jwk = await exportJWK(key);
  return { ...jwk, alg: key.asymmetricKeyType === 'ed25519' ? 'EdDSA' : 'ES256' };
}

type Contents = Map<string, Buffer>;

async function directoryContents(dir: string): Promise<Contents> {
  const contents: Contents = new Map();
  for (const file of await filesIn(dir)) contents.set(file, await readFile(join(dir, file)));
  return contents;
}

/** The files of the archive's one top directory, by path inside it; a string says why the archive is not good. */
async function archiveContents(path: string): Promise<Contents | string> {
  const tarBytes = readStoredGzip(await readFile(path));
  if (typeof tarBytes === 'string') return tarBytes;
  const contents: Contents = new Map();
  const tops = new Set<string>();
  let problem: string | undefined;
  await new Promise<void>((resolve) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        const [top, ...rest] = entry.path.split('/');
        if (top) tops.add(top);
        const inner = rest.join('/');
        if (entry.type !== 'File' || inner === '') {
          entry.resume();
          return;
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => contents.set(inner, Buffer.concat(chunks)));
      },
    });
    parser.on('error', (error: Error) => {
      problem = `the archive cannot be read (${error.message.split('\n', 1)[0] ?? ''})`;
    });
    parser.on('warn', (_code: string, message: string) => {
      problem ??= `the archive cannot be read (${message})`;
    });
    parser.on('end', () => resolve());
    parser.end(tarBytes);
  });
  if (problem) return problem;
  if (tops.size !== 1) return 'the archive must hold exactly one bundle directory';
  return contents;
}

export async function verifyBundle(path: string, publicKey?: JWK): Promise<BundleVerdict> {
  const keySource = publicKey ? 'given' : 'bundle';
  const contents = (await stat(path)).isDirectory() ? await directoryContents(path) : await archiveContents(path);
  if (typeof contents === 'string') return { ok: false, problems: [contents], keySource };
  return verifyContents(contents, publicKey);
}

async function verifyContents(contents: Contents, given?: JWK): Promise<BundleVerdict> {
  const problems: string[] = [];
  const keySource = given ? 'given' : 'bundle';
  const manifestBytes = contents.get(MANIFEST);
  const signature = contents.get(SIGNATURE);
  if (!manifestBytes || !signature) return { ok: false, problems: [`${MANIFEST} or ${SIGNATURE} is missing`], keySource };

  let jwk = given;
  if (!jwk) {
    const text = contents.get(PUBLIC_KEY);
    try {
      jwk = text ? (JSON.parse(text.toString('utf8')) as JWK) : undefined;
    } catch {
      jwk = undefined;
    }
  }
  if (!jwk) return { ok: false, problems: [`no public key (${PUBLIC_KEY} is missing or unreadable; pass --public-key)`], keySource };
  const keyThumbprint = await thumbprint(jwk).catch(() => undefined);
  if (!(await verifyDetached(signature.toString('utf8'), manifestBytes, jwk))) {
    return { ok: false, problems: ['the signature does not verify: the manifest was changed or signed with another key'], keySource, ...(keyThumbprint ? { keyThumbprint } : {}) };
  }

  const manifest = JSON.parse(manifestBytes.toString('utf8')) as Manifest;
  const listed = new Set(Object.keys(manifest.files));
  for (const [file, digest] of Object.entries(manifest.files)) {
    const bytes = contents.get(file);
    if (!bytes) problems.push(`${file}: missing`);
    else if (sha256(bytes) !== digest) problems.push(`${file}: SHA-256 differs from the manifest`);
  }
  for (const file of contents.keys()) {
    if (file !== MANIFEST && file !== SIGNATURE && !listed.has(file)) problems.push(`${file}: not in the manifest`);
  }
  return { ok: problems.length === 0, problems, keySource, ...(keyThumbprint ? { keyThumbprint } : {}), manifest };
}
