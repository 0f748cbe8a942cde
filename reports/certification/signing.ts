/**
 * The vendor's signing key and the detached JWS over a bundle's manifest (jose: RFC 7515 appendix F, the payload
 * left out of the compact serialization). Ed25519 (EdDSA) or P-256 (ES256). Without `--key`, a key is generated on
 * first use and kept outside the repository, in the user's config directory.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, CompactSign, compactVerify, exportJWK, importJWK, type JWK } from 'jose';

export type SigningAlg = 'EdDSA' | 'ES256';

export interface SigningKey {
  privateKey: KeyObject;
  alg: SigningAlg;
  /** Where it was read from. */
  path: string;
  /** True when this call generated it. */
  generated: boolean;
}

/** `$MFA_CONFORMANCE_KEY`, else `$XDG_CONFIG_HOME/mfa-conformance/signing-key.pem` (default `~/.config`). */
export function defaultKeyPath(env: NodeJS.ProcessEnv): string {
  if (env.MFA_CONFORMANCE_KEY) return env.MFA_CONFORMANCE_KEY;
  const config = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(config, 'mfa-conformance', 'signing-key.pem');
}

function algOf(key: KeyObject): SigningAlg {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('the signing key must be an Ed25519 or a P-256 (ES256) private key');
}

/** Reads a PEM (PKCS#8) private key; with `generate`, creates an Ed25519 key there (mode 0600) when none exists. */
export async function loadSigningKey(path: string, generate: boolean): Promise<SigningKey> {
  if (!existsSync(path)) {
    if (!generate) throw new Error(`no signing key at ${path}`);
    const { privateKey } = generateKeyPairSync('ed25519');
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    await chmod(path, 0o600);
    return { privateKey, alg: 'EdDSA', path, generated: true };
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(path));
  } catch {
    throw new Error(`${path} is not a PEM private key`);
  }
  return { privateKey, alg: algOf(privateKey), path, generated: false };
}

/** The public half as a JWK (with `alg`), to ship in the bundle and to pin with --public-key. */
export async function publicJwk(key: SigningKey): Promise<JWK> {
  return { ...(await exportJWK(createPublicKey(key.privateKey))), alg: key.alg };
}

export function thumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

/** A detached compact JWS over `payload`: `header..signature`. */
export async function signDetached(payload: Uint8Array, key: SigningKey, kid: string): Promise<string> {
  const jws = await new CompactSign(payload).setProtectedHeader({ alg: key.alg, kid }).sign(key.privateKey);
  const [header, , signature] = jws.split('.');
  return `${header}..${signature}`;
}

/**
 * Verifies a detached JWS over `payload` with a public JWK. Only the key's own algorithm is accepted, and the
 * signature must be canonical base64url (a changed character that decodes to the same bytes still fails).
 */
export async function verifyDetached(detached: string, payload: Uint8Array, jwk: JWK): Promise<boolean> {
  const parts = detached.trim().split('.');
  if (parts.length !== 3 || parts[1] !== '') return false;
  const [header = '', , signature = ''] = parts;
  if (Buffer.from(signature, 'base64url').toString('base64url') !== signature) return false;
  if (Buffer.from(header, 'base64url').toString('base64url') !== header) return false;
  const alg = jwk.alg === 'ES256' ? 'ES256' : 'EdDSA';
  try {
    const key = await importJWK(jwk, alg);
    const compact = `${header}.${Buffer.from(payload).toString('base64url')}.${signature}`;
    await compactVerify(compact, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}
