/**
 * `profiles`, `certify` and `verify-bundle` from the command line against the embedded mock: a certified profile
 * writes a bundle that verifies and stops verifying when a byte changes; with a fault on, certify refuses and names
 * the failed MUST requirements. Three runs of the smallest profile, duo-auth-core (7 files, 41 checks: about 4 s of CPU a
 * run where okta-authn-core, 12 files and 113 checks, took about 6): what is proven is the commands, not the family.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { captureIO } from './capture-io.js';
import { suiteLocation } from '../support/compiled-suites.js';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-certify-'));
  env = { XDG_CONFIG_HOME: join(dir, 'config'), CI: 'true' };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('profiles lists every profile; one profile shows its variants, the non-applicable ones with their reason', async () => {
  const io = captureIO({ cwd: dir, env });
  expect(await runCli(['profiles'], io)).toBe(0);
  for (const name of ['okta-factors-core', 'okta-factors-full', 'okta-authn-core', 'okta-authn-full', 'duo-auth-core', 'everything']) expect(io.out()).toContain(`  ${name}`);
  const one = captureIO({ cwd: dir, env });
  expect(await runCli(['profiles', 'okta-factors-full'], one)).toBe(0);
  expect(one.out()).toMatch(/web \/ DUO \/ Factors API: not applicable \(.*Authentication API/);
  expect(one.out()).toMatch(/^ {2}SHOULD /m);
  const unknown = captureIO({ cwd: dir, env });
  expect(await runCli(['certify', '--profile', 'nope'], unknown)).toBe(2);
  expect(unknown.err()).toContain('unknown profile nope; profiles: okta-factors-core');
});

test('certify writes a bundle that verify-bundle accepts; one changed byte fails it', async () => {
  const io = captureIO({ cwd: dir, env, suites: suiteLocation() });
  const code = await runCli(['certify', '--profile', 'duo-auth-core', '--out', 'bundle'], io);
  expect(code, io.out() + io.err()).toBe(0);
  // the file as the run named it: its source, or its compiled form (as the packaged CLI runs it)
  expect(io.out()).toMatch(/^ {2}✓ (?:dist\/)?suites\/duo-auth\/auth\/auth\.test\.[jt]s: \d+ checks, 0 failed/m);
  expect(io.out()).toMatch(/^ {2}Duo Auth API and Admin API +second factor +\d+ +0 +0 +0$/m);
  expect(io.out()).toContain('Certified: every MUST requirement of duo-auth-core passed.');
  expect(io.out()).toContain(`generated now at ${join(dir, 'config', 'mfa-conformance', 'signing-key.pem')}`);

  const verify = captureIO({ cwd: dir, env });
  expect(await runCli(['verify-bundle', 'bundle.tar.gz'], verify)).toBe(0);
  expect(verify.out()).toMatch(/^VALID: bundle\.tar\.gz\n {2}signature verified/);
  expect(verify.out()).toContain('profile duo-auth-core: certified; target embedded mock org (Classic (embedded mock org))');
  const certification = JSON.parse(await readFile(join(dir, 'bundle', 'certification.json'), 'utf8')) as { requirements: { level: string; result: string }[] };
  expect(certification.requirements.length).toBeGreaterThan(10);
  expect(certification.requirements.every((r) => r.level === 'MUST' && r.result === 'pass')).toBe(true);

  const page = join(dir, 'bundle', 'certification.html');
  const original = await readFile(page);
  const changed = Buffer.from(original);
  changed[100] = (changed[100] ?? 0) ^ 0x20;
  await writeFile(page, changed);
  const tampered = captureIO({ cwd: dir, env });
  expect(await runCli(['verify-bundle', 'bundle'], tampered)).toBe(1);
  expect(tampered.out()).toContain('certification.html: SHA-256 differs from the manifest');
}, 60_000);

test('with a fault on, certify refuses, names the failed MUST requirements and writes no bundle', async () => {
  const io = captureIO({ cwd: dir, env, suites: suiteLocation() });
  const code = await runCli(['certify', '--profile', 'duo-auth-core', '--fault', 'duo-auth.passcode-any-accepted', '--out', 'refused'], io);
  expect(code).toBe(1);
  expect(io.out()).toMatch(/Certification refused: \d+ MUST requirement\(s\) of duo-auth-core did not pass; no bundle written\./);
  // what the fault names (mock-org/duo-auth/faults.ts), and a bypass code's single use, which any code now passes
  for (const id of ['DUO.AUTH.PASSCODE', 'DUO.ADMIN.TOKEN.RESYNC', 'DUO.BYPASS.SINGLE_USE']) expect(io.out()).toMatch(new RegExp(`^ {2}FAIL ${id.replace(/\./g, '\\.')}: `, 'm'));
  expect(existsSync(join(dir, 'refused'))).toBe(false);
  expect(existsSync(join(dir, 'refused.tar.gz'))).toBe(false);
}, 60_000);

test('run --profile runs the profile\'s suites, and the summary (printed and written) keeps only its requirements', async () => {
  const io = captureIO({ cwd: dir, env, suites: suiteLocation() });
  const code = await runCli(['run', '-q', '--profile', 'duo-auth-core', '--json', 'profile.json'], io);
  expect(code, io.out()).toBe(0);
  const summary = JSON.parse(await readFile(join(dir, 'profile.json'), 'utf8')) as { requirements: { id: string; level: string }[]; ok: boolean };
  expect(summary.ok).toBe(true);
  expect(summary.requirements.length).toBeGreaterThan(10);
  expect(summary.requirements.every((r) => r.id.startsWith('DUO.') && r.level === 'MUST')).toBe(true);
  expect(io.out()).toMatch(new RegExp(`^Requirements: ${summary.requirements.length} — ${summary.requirements.length} pass, 0 fail`, 'm'));
  for (const family of ['Okta Factors API', 'Okta Authentication API', 'SailPoint IdentityNow MFA API']) expect(io.out()).not.toContain(family);
}, 60_000);
