/**
 * Verifies a certification bundle (its directory or its .tar.gz): the detached JWS over the manifest, with the
 * public key given or the one the bundle carries, then the SHA-256 of every file, and that no file was added.
 */
import { createPublicKey } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, type JWK } from 'jose';
import { extract } from 'tar';
import { filesIn, MANIFEST, PUBLIC_KEY, sha256, SIGNATURE, type Manifest } from './bundle.js';
import { thumbprint, verifyDetached } from './signing.js';

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

export async function verifyBundle(path: string, publicKey?: JWK): Promise<BundleVerdict> {
  if ((await stat(path)).isDirectory()) return verifyDirectory(path, publicKey);
  const scratch = await mkdtemp(join(tmpdir(), 'mfa-conformance-bundle-'));
  try {
    try {
      await extract({ file: path, cwd: scratch, strict: true });
    } catch (error) {
      return { ok: false, problems: [`the archive cannot be read (${(error as Error).message.split('\n', 1)[0] ?? ''})`], keySource: publicKey ? 'given' : 'bundle' };
    }
    const top = await readdir(scratch);
    if (top.length !== 1 || top[0] === undefined) return { ok: false, problems: ['the archive must hold exactly one bundle directory'], keySource: publicKey ? 'given' : 'bundle' };
    return await verifyDirectory(join(scratch, top[0]), publicKey);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function verifyDirectory(dir: string, given?: JWK): Promise<BundleVerdict> {
  const problems: string[] = [];
  const keySource = given ? 'given' : 'bundle';
  const read = async (file: string): Promise<Buffer | undefined> => readFile(join(dir, file)).catch(() => undefined);
  const manifestBytes = await read(MANIFEST);
  const signature = await read(SIGNATURE);
  if (!manifestBytes || !signature) return { ok: false, problems: [`${MANIFEST} or ${SIGNATURE} is missing`], keySource };

  let jwk = given;
  if (!jwk) {
    const text = await read(PUBLIC_KEY);
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
    const bytes = await read(file);
    if (!bytes) problems.push(`${file}: missing`);
    else if (sha256(bytes) !== digest) problems.push(`${file}: SHA-256 differs from the manifest`);
  }
  for (const file of await filesIn(dir)) {
    if (file !== MANIFEST && file !== SIGNATURE && !listed.has(file)) problems.push(`${file}: not in the manifest`);
  }
  return { ok: problems.length === 0, problems, keySource, ...(keyThumbprint ? { keyThumbprint } : {}), manifest };
}
