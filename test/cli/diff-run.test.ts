/**
 * `mfa-conformance diff` running the suites itself: the embedded mock (left) against a separately started mock
 * with a fault on (right), on one suite file, so outcomes differ; and a refused side sends nothing.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { captureIO } from './capture-io.js';
import { suiteLocation } from '../support/compiled-suites.js';

let dir: string;
let mock: RunningMockOrg;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-diff-run-'));
  mock = await startMockOrg({ control: true, faults: ['totp.accept-any-code'] });
});
afterAll(async () => {
  await mock.close();
  if (!process.env.KEEP) await rm(dir, { recursive: true, force: true });
});

test('runs the same suite against both targets and reports the requirements whose outcome differs, exchanges side by side', async () => {
  const io = captureIO({ cwd: dir, suites: suiteLocation() });
  const code = await runCli(
    ['diff', '-q', '--right-target', mock.url, '--right-token', mock.token, '--allow-target', '127.0.0.1', '--out', 'runs', '--json', 'diff.json', 'suites/okta-factors/totp'],
    io,
  );
  expect(code, io.err()).toBe(1);
  const out = io.out();
  expect(out).toMatch(/^left: {2}embedded mock org$/m);
  expect(out).toMatch(new RegExp(`^right: ${mock.url.replace(/\./g, '\\.')}$`, 'm'));
  expect(out).toMatch(/FACTORS\.TOTP\.VERIFY\.BAD_CODE: left PASS, right FAIL/);
  // the left exchange refused the bad code, the right one accepted it: side by side on one line
  expect(out).toMatch(/POST \/api\/v1\/users\/\S+\/factors\/\S+\/verify → 403 E0000068\s+\| POST \/api\/v1\/users\/\S+\/factors\/\S+\/verify → 200/);
  expect(out).not.toContain(mock.token);
  const json = JSON.parse(await readFile(join(dir, 'diff.json'), 'utf8')) as { differences: { id: string; left: { result: string }; right: { result: string } }[] };
  const ids = json.differences.map((d) => d.id);
  expect(ids).toEqual(expect.arrayContaining(['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE']));
  expect(json.differences.every((d) => d.left.result === 'pass' && d.right.result === 'fail')).toBe(true);
  expect(await readFile(join(dir, 'diff.json'), 'utf8')).not.toContain(mock.token);
  // the two runs stay where --out put them, readable by the folder mode
  const again = captureIO({ cwd: dir });
  expect(await runCli(['diff', 'runs/left', 'runs/right'], again)).toBe(1);
  expect(again.out()).toMatch(/FACTORS\.TOTP\.VERIFY\.BAD_CODE: left PASS, right FAIL/);
}, 240_000);

test('a side whose host is not allowed: exit 2, one line, and neither side runs', async () => {
  const before = mock.org.store.users.size;
  const io = captureIO({ cwd: dir });
  const code = await runCli(['diff', '--right-target', mock.url, '--right-token', mock.token, 'suites/okta-factors/totp'], io);
  expect(code).toBe(2);
  expect(io.err()).toMatch(/refusing to write to 127\.0\.0\.1/);
  expect(io.out()).not.toMatch(/left: running/);
  expect(mock.org.store.users.size).toBe(before);
});
