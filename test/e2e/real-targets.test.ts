import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The built command against separately started mocks, as a user would aim it at a real org: without the control
 * protocol, safe by default, cleaned up when interrupted, swept after SIGKILL, through an OAuth 2.0 service app,
 * and with sms/call codes arriving through the telephony inline hook.
 *
 * Each mock serves one group of tests, and the groups run at once (a CLI run and its mock each, which one after another
 * added up): the runs without the control protocol, one after another on their mock, beside the service-app, telephony
 * and rate-limit runs, each on its own. The refusals that must answer within 5 s run first, before the others load the
 * machine.
 */

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const HOOK_SECRET = 'hook-secret-e2e-0123456789';
const children: ChildProcess[] = [];
let dir: string;

interface StartedMock {
  url: string;
  token: string;
  clientId?: string;
}

async function startMock(args: string[]): Promise<StartedMock> {
  const child = spawn(process.execPath, [CLI, 'mock', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET: HOOK_SECRET },
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`mock exited early with ${code}`)));
  });
  return JSON.parse(line) as StartedMock;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<{ code: number | null; out: string; ms: number }> } {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', ...env } });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<{ code: number | null; out: string; ms: number }>((resolve) => child.on('exit', (code) => resolve({ code, out, ms: Date.now() - started })));
  return { child, done };
}

async function harnessUsers(mock: StartedMock): Promise<string[]> {
  const search = encodeURIComponent('profile.login sw "mfa-conformance-"');
  const res = await fetch(`${mock.url}/api/v1/users?search=${search}`, { headers: { authorization: `SSWS ${mock.token}` } });
  return ((await res.json()) as { profile: { login: string } }[]).map((u) => u.profile.login);
}

/** Polls the mock (not the target's clock: this is the harness watching a child process) until the run created a user. */
async function untilUsersExist(mock: StartedMock): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await harnessUsers(mock)).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run created no user');
}

/**
 * Stops the run (SIGSTOP) at a moment its users exist: a run is quick enough that the users seen by one poll may be
 * deleted by the time a signal lands, so the users are counted again with the run stopped, and it goes on if none is.
 */
async function stopWithUsersLeft(child: ChildProcess, mock: StartedMock): Promise<void> {
  for (;;) {
    await untilUsersExist(mock);
    child.kill('SIGSTOP');
    if ((await harnessUsers(mock)).length > 0) return;
    child.kill('SIGCONT');
  }
}

/** The mock without the control protocol, shared by the refusals and the runs without it. */
let noControl: StartedMock;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-real-'));
  noControl = await startMock(['--no-control']);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await rm(dir, { recursive: true, force: true });
});

describe('a separately started mock without the control protocol: refusals', () => {
  test('without --allow-target: exit 2, one line, and no user created', async () => {
    const { code, out } = await cli(['run', '--target', noControl.url, '--token', noControl.token]).done;
    expect(code).toBe(2);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/--allow-target 127\.0\.0\.1/);
    expect(await harnessUsers(noControl)).toEqual([]);
  });

  test('a bad token and a non-API URL: one line, exit 2, within 5 s', async () => {
    for (const [args, cause] of [
      [['--target', noControl.url, '--token', 'wrong'], /E0000011/],
      [['--target', 'http://127.0.0.1:1', '--token', 'x'], /ECONNREFUSED/],
      [['--target', 'http://nowhere.invalid', '--token', 'x', '--allow-target', 'nowhere.invalid'], /cannot resolve/],
    ] as const) {
      const { code, out, ms } = await cli(['run', ...args, '--allow-target', '127.0.0.1']).done;
      expect(code, out).toBe(2);
      expect(out.trim().split('\n'), out).toHaveLength(1);
      expect(out).toMatch(cause);
      expect(ms).toBeLessThan(5000);
    }
  }, 60_000);
});

// The runs against it take turns (each leaves no user behind, which the next one checks), beside the other groups.
describe.concurrent('a separately started mock without the control protocol: runs', () => {
  test.sequential('with --allow-target: checks needing no control capability run, the rest skip with reasons, no user is left', async () => {
    const json = join(dir, 'no-control.json');
    const { code, out } = await cli(['run', '-q', '--target', noControl.url, '--token', noControl.token, '--allow-target', '127.0.0.1', '--json', json, 'suites/okta-factors/totp']).done;
    expect(code, out).toBe(0);
    expect(out).toMatch(/SKIP \(target lacks the 'clock' capability/);
    expect(out).toMatch(/Cleanup: run r[0-9a-f]+, \d+ test users? left to delete and deleted/);
    expect(await harnessUsers(noControl)).toEqual([]);
  }, 120_000);

  test.sequential('SIGINT mid-run: the run deletes its users before it exits, and sweep finds nothing', async () => {
    const { child, done } = cli(['run', '-q', '--target', noControl.url, '--token', noControl.token, '--allow-target', '127.0.0.1', 'suites/okta-factors']);
    await untilUsersExist(noControl);
    child.kill('SIGINT');
    const { code, out } = await done;
    expect(code, out).toBe(130);
    expect(out).toMatch(/SIGINT: deleting the users of run/);
    expect(await harnessUsers(noControl)).toEqual([]);
    const sweep = await cli(['sweep', '--target', noControl.url, '--token', noControl.token, '--allow-target', '127.0.0.1', '--yes']).done;
    expect(sweep.out).toMatch(/Nothing to sweep/);
  }, 120_000);

  test.sequential('SIGKILL mid-run leaves users; sweep --yes removes them', async () => {
    const { child, done } = cli(['run', '-q', '--target', noControl.url, '--token', noControl.token, '--allow-target', '127.0.0.1', 'suites/okta-factors']);
    await stopWithUsersLeft(child, noControl);
    child.kill('SIGKILL');
    await done;
    const left = await harnessUsers(noControl);
    expect(left.length).toBeGreaterThan(0);
    const sweep = await cli(['sweep', '--target', noControl.url, '--token', noControl.token, '--allow-target', '127.0.0.1', '--yes']).done;
    expect(sweep.code, sweep.out).toBe(0);
    expect(sweep.out).toMatch(new RegExp(`Deleted ${left.length} of ${left.length}`));
    expect(await harnessUsers(noControl)).toEqual([]);
  }, 120_000);
});

test.concurrent('the OAuth 2.0 service-app path passes the suites against the mock', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwks = join(dir, 'jwks.json');
  const keyFile = join(dir, 'key.pem');
  await writeFile(jwks, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'e2e-1' }] }));
  await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const mock = await startMock(['--service-app-jwks', jwks]);
  const { code, out } = await cli(
    ['run', '-q', '--target', mock.url, '--allow-target', '127.0.0.1', 'suites/okta-factors/totp', 'suites/okta-factors/api'],
    { OKTA_CLIENT_AUTHORIZATIONMODE: 'PrivateKey', OKTA_CLIENT_CLIENTID: mock.clientId, OKTA_CLIENT_PRIVATEKEY: keyFile, OKTA_CLIENT_KEYID: 'e2e-1', OKTA_CLIENT_SCOPES: 'okta.users.manage' },
  ).done;
  expect(code, out).toBe(0);
  expect(out).toMatch(/driver okta/);
  expect(out).toMatch(/0 failed, 0 blocked/);
  // a token without okta.users.manage is refused before any check
  const readOnly = await cli(['run', '--target', mock.url, '--allow-target', '127.0.0.1', '--client-id', mock.clientId ?? '', '--private-key', keyFile, '--key-id', 'e2e-1', '--scopes', 'okta.users.read']).done;
  expect(readOnly.code).toBe(2);
  expect(readOnly.out).toMatch(/not okta\.users\.manage/);
}, 120_000);

test.concurrent('sms and call codes through the telephony inline hook pass the suites that need them', async () => {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const mock = await startMock(['--telephony-hook', `http://127.0.0.1:${port}/telephony`]);
  const { code, out } = await cli(
    ['run', '-q', '--target', mock.url, '--token', mock.token, '--telephony-hook-port', String(port), '--allow-target', '127.0.0.1', 'suites/okta-factors/sms', 'suites/okta-factors/call'],
    { MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET: HOOK_SECRET },
  ).done;
  expect(code, out).toBe(0);
  expect(out).toMatch(/0 failed, 0 blocked, 0 skipped/);
  expect(out).not.toContain(HOOK_SECRET);
  // every sms and call code went through the hook: the mock's own outbox holds none
  const outbox = await fetch(`${mock.url}/__control/v1/outbox`, { headers: { authorization: `SSWS ${mock.token}` } });
  const messages = ((await outbox.json()) as { messages: { channel: string }[] }).messages;
  expect(messages.filter((m) => m.channel !== 'email')).toEqual([]);
}, 120_000);

test.concurrent("against Okta's per-endpoint limits scaled to 5 %, no check fails by a 429: the client waits instead", async () => {
  const mock = await startMock(['--rate-limits', 'okta', '--rate-limit-scale', '0.05']);
  const json = join(dir, 'rate-limited.json');
  const { code, out } = await cli(['run', '-q', '--target', mock.url, '--token', mock.token, '--allow-target', '127.0.0.1', '--json', json, 'suites/okta-factors/totp', 'suites/okta-factors/sms']).done;
  expect(code, out).toBe(0);
  expect(out).toMatch(/0 failed, 0 blocked/);
  // 30 requests a minute on /api/v1/users: the run had to wait for windows to reset
  expect(out).toMatch(/waited \d+\.\d s for rate limits \(\d+ waits\)/);
}, 180_000);
