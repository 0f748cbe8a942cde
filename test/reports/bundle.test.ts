/** The certification bundle: signed, verified, and one changed byte anywhere fails it. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildProfiles } from '../../requirements/index.js';
import { filesIn, writeBundle } from '../../reports/certification/bundle.js';
import { certificationOf } from '../../reports/certification/certification.js';
import { loadSigningKey, publicJwk, type SigningKey } from '../../reports/certification/signing.js';
import { readPublicKey, verifyBundle } from '../../reports/certification/verify.js';
import { buildSummary, type CheckRecord } from '../../reports/summary.js';
import { FIXTURE_REQUIREMENTS } from '../fixtures/summary-suite/catalog.js';

let dir: string;
let key: SigningKey;

const FACTS = { harnessVersion: '0.1.0', commit: 'abc', driver: 'mock', target: 'embedded mock org', engine: 'Classic', startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:01.000Z' };

function summaryWith(states: Record<string, CheckRecord['state']>): ReturnType<typeof buildSummary> {
  const checks: CheckRecord[] = Object.entries(states).map(([id, state]) => ({
    name: `check of ${id}`, module: 'checks.fixture.ts', state, requirements: [id],
    ...(state === 'failed' ? { errors: ['[status] HTTP 200, expected 403'], failureKind: 'status' as const } : {}),
    ...(state === 'blocked' ? { blockedBy: { precondition: 'a factor', by: 'FIX.PASS', message: 'no' } } : {}),
  }));
  return buildSummary({ requirements: FIXTURE_REQUIREMENTS, checks, target: 'embedded mock org', driver: 'mock', startedAt: FACTS.startedAt, durationMs: 1 });
}

const profile = (): NonNullable<ReturnType<typeof buildProfiles>[number]> => {
  const found = buildProfiles(FIXTURE_REQUIREMENTS).find((p) => p.name === 'okta-factors-core');
  if (!found) throw new Error('no okta-factors-core over the fixture catalog');
  return found;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-bundle-'));
  key = await loadSigningKey(join(dir, 'config', 'signing-key.pem'), true);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('profiles come per registered family (core: MUST only, full: all) and everything; variants say what does not apply and why', async () => {
  const { REQUIREMENTS } = await import('../../requirements/index.js');
  const profiles = buildProfiles(REQUIREMENTS);
  expect(profiles.map((p) => p.name)).toEqual(expect.arrayContaining(['okta-factors-core', 'okta-factors-full', 'okta-authn-core', 'okta-authn-full', 'everything']));
  const core = profiles.find((p) => p.name === 'okta-factors-core');
  const full = profiles.find((p) => p.name === 'okta-factors-full');
  expect(core?.requirements.every((r) => r.level === 'MUST')).toBe(true);
  expect(full?.requirements.some((r) => r.level === 'SHOULD')).toBe(true);
  expect(profiles.find((p) => p.name === 'everything')?.requirements).toHaveLength(REQUIREMENTS.length);
  const duo = full?.variants.find((v) => v.factorType === 'web' && v.provider === 'DUO');
  expect(duo).toMatchObject({ applicable: false, reason: expect.stringContaining('Authentication API') });
  // every feature of the family is covered by a declared variant
  const covered = new Set(full?.variants.flatMap((v) => (v.applicable ? v.features : [])));
  for (const r of REQUIREMENTS.filter((q) => q.family === 'okta-factors')) expect(covered.has(r.feature), r.feature).toBe(true);
});

test('certification is refused when a MUST requirement failed, was blocked or did not run, and names them', () => {
  const certification = certificationOf(summaryWith({ 'FIX.PASS': 'passed', 'FIX.FAIL': 'failed', 'FIX.SKIP': 'blocked' }), profile(), FACTS);
  expect(certification.verdict).toBe('refused');
  expect(certification.refusedBecause.map((r) => [r.id, r.result])).toEqual([
    ['FIX.FAIL', 'fail'], ['FIX.SKIP', 'blocked'], ['FIX.TARGET', 'skip'], ['FIX.NONE', 'skip'],
  ]);
  expect(certification.refusedBecause[0]?.reason).toBe('[status] HTTP 200, expected 403');
});

test('a written bundle verifies (directory and archive, with the key it carries and with the key pinned); one changed byte anywhere fails it', async () => {
  const summary = summaryWith({ 'FIX.PASS': 'passed', 'FIX.FAIL': 'passed', 'FIX.SKIP': 'passed', 'FIX.TARGET': 'passed', 'FIX.NONE': 'passed' });
  const certification = certificationOf(summary, profile(), FACTS);
  expect(certification.verdict).toBe('certified');
  const out = join(dir, 'bundle');
  const bundle = await writeBundle({ dir: out, certification, summary, evidence: [{ check: 'a check', requirements: ['FIX.PASS'], message: '[status] x', attachments: [{ name: 'HTTP exchange (1)', text: '[]' }] }], suiteFiles: { 'suites/x.ts': 'ab' }, key });

  expect(await verifyBundle(out)).toMatchObject({ ok: true, keySource: 'bundle', keyThumbprint: bundle.keyThumbprint });
  expect(await verifyBundle(bundle.archive)).toMatchObject({ ok: true });
  const pinned = join(dir, 'vendor.jwk.json');
  await writeFile(pinned, JSON.stringify(await publicJwk(key)));
  expect(await verifyBundle(out, await readPublicKey(pinned))).toMatchObject({ ok: true, keySource: 'given' });

  // a different key, as a PEM public key: the signature does not verify
  const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
  await writeFile(join(dir, 'other.pem'), other);
  expect((await verifyBundle(out, await readPublicKey(join(dir, 'other.pem')))).ok).toBe(false);

  const files = await filesIn(out);
  expect(files).toEqual(expect.arrayContaining(['manifest.json', 'manifest.jws', 'certification.html', 'certification.md', 'certification.json', 'summary.json', 'public-key.jwk.json']));
  for (const file of files) {
    const path = join(out, file);
    const original = await readFile(path);
    for (const at of [0, Math.floor(original.length / 2), original.length - 2]) {
      const changed = Buffer.from(original);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      await writeFile(path, changed);
      const verdict = await verifyBundle(out);
      expect(verdict.ok, `${file} changed at byte ${at} still verifies`).toBe(false);
      await writeFile(path, original);
    }
  }
  await writeFile(join(out, 'extra.txt'), 'added');
  expect((await verifyBundle(out)).problems).toContain('extra.txt: not in the manifest');
  await rm(join(out, 'extra.txt'));
  expect((await verifyBundle(out)).ok).toBe(true);

  // the archive: every byte of its container's structure (header, block headers, CRC and length) and a sample of
  // its data, each with its lowest and its highest bit flipped
  const archive = await readFile(bundle.archive);
  const positions = new Set<number>();
  for (let i = 0; i < 16; i++) positions.add(i).add(archive.length - 1 - i);
  for (let block = 10; block < archive.length - 8; block += 5 + 0xffff) for (let i = 0; i < 5; i++) positions.add(block + i);
  for (let i = 0; i < 150; i++) positions.add(16 + Math.floor(Math.random() * (archive.length - 32)));
  const undetected: string[] = [];
  for (const at of positions) {
    for (const mask of [0x01, 0x80]) {
      const changed = Buffer.from(archive);
      changed[at] = (changed[at] ?? 0) ^ mask;
      await writeFile(join(dir, 'changed.tar.gz'), changed);
      if ((await verifyBundle(join(dir, 'changed.tar.gz'))).ok) undetected.push(`byte ${at} of ${archive.length}, bit ${mask}`);
    }
  }
  expect(undetected, 'changed bytes of the archive that still verify').toEqual([]);
});

test('an ES256 key signs too; a key of another kind is refused', async () => {
  const pem = join(dir, 'es256.pem');
  await writeFile(pem, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const es = await loadSigningKey(pem, false);
  expect(es.alg).toBe('ES256');
  const summary = summaryWith({ 'FIX.PASS': 'passed' });
  const out = join(dir, 'es-bundle');
  await writeBundle({ dir: out, certification: certificationOf(summary, profile(), FACTS), summary, evidence: [], suiteFiles: {}, key: es });
  expect((await verifyBundle(out)).ok).toBe(true);

  const rsa = join(dir, 'rsa.pem');
  await writeFile(rsa, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  await expect(loadSigningKey(rsa, false)).rejects.toThrow(/Ed25519 or a P-256/);
});
