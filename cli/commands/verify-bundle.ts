/** `mfa-conformance verify-bundle`: checks a certification bundle's signature and every digest. */
import { resolve } from 'node:path';
import { readPublicKey, verifyBundle } from '../../reports/certification/verify.js';
import type { CliIO } from '../io.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const VERIFY_BUNDLE_HELP = `Usage: mfa-conformance verify-bundle PATH [--public-key FILE]

Verifies a certification bundle (its directory or its .tar.gz): the detached JWS over the manifest, then the
SHA-256 of every file the manifest lists, and that no file was added. One changed byte anywhere fails it.
Without --public-key the key the bundle carries is used, which proves the bundle is intact, not who signed it:
pin the vendor's key with --public-key (a JWK or a PEM public key) to prove that too.

Options:
  --public-key FILE   the signer's public key
  -h, --help          show this help

Exit codes: 0 the bundle verifies, 1 it does not, 2 bad usage.
`;

export async function verifyBundleCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { 'public-key': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.stdout.write(VERIFY_BUNDLE_HELP);
    return 0;
  }
  const [path, ...extra] = positionals;
  if (path === undefined || extra.length > 0) throw new UsageError('verify-bundle takes one bundle (directory or .tar.gz)');
  let publicKey;
  if (values['public-key'] !== undefined) {
    try {
      publicKey = await readPublicKey(resolve(io.cwd, values['public-key']));
    } catch {
      throw new UsageError(`--public-key ${values['public-key']} is not a JWK or PEM public key`);
    }
  }
  let verdict;
  try {
    verdict = await verifyBundle(resolve(io.cwd, path), publicKey);
  } catch {
    throw new UsageError(`${path} is not a bundle directory or archive`);
  }
  const key = `${verdict.keySource === 'given' ? 'the given key' : 'the key the bundle carries'}${verdict.keyThumbprint ? ` (${verdict.keyThumbprint})` : ''}`;
  if (!verdict.ok) {
    io.stdout.write(`INVALID: ${path}\n${verdict.problems.map((p) => `  ${p}`).join('\n')}\n  (checked with ${key})\n`);
    return 1;
  }
  const m = verdict.manifest;
  io.stdout.write(
    `VALID: ${path}\n  signature verified with ${key}\n  ${Object.keys(m?.files ?? {}).length} files and ${Object.keys(m?.suiteFiles ?? {}).length} suite file digests recorded\n` +
      `  profile ${m?.profile ?? '?'}: ${m?.verdict ?? '?'}; target ${m?.facts.target ?? '?'} (${m?.facts.engine ?? '?'}), harness ${m?.facts.harnessVersion ?? '?'} ${m?.facts.commit ?? ''}\n` +
      (verdict.keySource === 'bundle' ? '  note: pass --public-key with the vendor\'s key to prove who signed it\n' : ''),
  );
  return 0;
}
