import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { captureIO } from './capture-io.js';

let dir: string;

function summary(target: string, result: 'pass' | 'fail', state: 'passed' | 'failed') {
  const check = 'verify with a bad code is refused [FACTORS.TOTP.VERIFY.BAD_CODE]';
  return {
    target,
    requirements: [
      { id: 'FACTORS.TOTP.VERIFY.BAD_CODE', result, title: 'bad code refused', checks: [check] },
      { id: 'FACTORS.TOTP.ENROLL.PENDING', result: 'pass', title: 'enroll pending', checks: [] },
    ],
    checks: [{ name: check, state, requirements: ['FACTORS.TOTP.VERIFY.BAD_CODE'], ...(state === 'failed' ? { errors: ['[status] HTTP 200, expected 403'] } : {}) }],
  };
}

async function allureResult(side: string, status: number): Promise<void> {
  const results = join(dir, side, 'allure-results');
  await mkdir(results, { recursive: true });
  const exchanges = [{ request: { method: 'POST', url: 'https://org.example/api/v1/users/00u1/factors/f1/verify' }, response: { status, body: status === 403 ? { errorCode: 'E0000068' } : {} } }];
  await writeFile(join(results, `${side}-attachment.json`), JSON.stringify(exchanges));
  await writeFile(
    join(results, `${side}-result.json`),
    JSON.stringify({ name: 'verify with a bad code is refused', attachments: [{ name: 'HTTP exchange (1)', source: `${side}-attachment.json` }] }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-diff-'));
  await allureResult('left', 403);
  await allureResult('right', 200);
  await writeFile(join(dir, 'left', 'summary.json'), JSON.stringify(summary('https://dev-1.oktapreview.com', 'pass', 'passed')));
  await writeFile(join(dir, 'right', 'summary.json'), JSON.stringify(summary('https://vendor.example', 'fail', 'failed')));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('diff', () => {
  test('names the requirements whose outcome differs, with the exchanges side by side, as text and JSON', async () => {
    const io = captureIO({ cwd: dir });
    const code = await runCli(['diff', 'left', 'right', '--json', 'diff.json'], io);
    expect(code).toBe(1);
    expect(io.out()).toMatch(/1 requirement with different outcomes/);
    expect(io.out()).toMatch(/FACTORS\.TOTP\.VERIFY\.BAD_CODE: left PASS, right FAIL/);
    expect(io.out()).toMatch(/POST \/api\/v1\/users\/00u1\/factors\/f1\/verify → 403 E0000068\s+\| POST \/api\/v1\/users\/00u1\/factors\/f1\/verify → 200/);
    expect(io.out()).not.toMatch(/ENROLL\.PENDING/);
  });

  test('the same run twice differs in nothing (exit 0)', async () => {
    const io = captureIO({ cwd: dir });
    expect(await runCli(['diff', 'left', 'left'], io)).toBe(0);
    expect(io.out()).toMatch(/No requirement has a different outcome/);
  });
});

describe('config file', () => {
  test('mfa-conformance.config.ts with a typed defineConfig is read', async () => {
    const cwd = join(dir, 'ts-cfg');
    await mkdir(cwd, { recursive: true });
    const configModule = new URL('../../cli/config.ts', import.meta.url).pathname;
    await writeFile(
      join(cwd, 'mfa-conformance.config.ts'),
      `import { defineConfig } from ${JSON.stringify(configModule)};\nconst hosts: string[] = ['127.0.0.1'];\nexport default defineConfig({ allowTargets: hosts });\n`,
    );
    const io = captureIO({ cwd });
    expect(await runCli(['run', '--target', 'http://127.0.0.1:1', '--token', 'x'], io)).toBe(2);
    expect(io.err()).toMatch(/ECONNREFUSED/);
  }, 30_000);

  test('allowTargets in mfa-conformance.config.json allows a host; secrets are refused in it', async () => {
    const cwd = join(dir, 'cfg');
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, 'mfa-conformance.config.json'), JSON.stringify({ allowTargets: ['127.0.0.1'] }));
    // allowed, so the run gets as far as its probe (nothing listens on port 1)
    const allowed = captureIO({ cwd });
    expect(await runCli(['run', '--target', 'http://127.0.0.1:1', '--token', 'x'], allowed)).toBe(2);
    expect(allowed.err()).toMatch(/ECONNREFUSED/);

    await writeFile(join(cwd, 'mfa-conformance.config.json'), JSON.stringify({ token: 'secret-in-file' }));
    const refused = captureIO({ cwd });
    expect(await runCli(['run', '--target', 'http://127.0.0.1:1', '--token', 'x'], refused)).toBe(2);
    expect(refused.err()).toMatch(/unknown setting token \(secrets go in the environment\)/);
    expect(refused.err()).not.toContain('secret-in-file');
  });
});
