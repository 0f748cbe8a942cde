import { afterAll, beforeAll, expect, test } from 'vitest';
import { sweepCommand } from '../../cli/commands/sweep.js';
import { DuoDriver } from '../../drivers/duo/driver.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { captureIO } from './capture-io.js';

/** `mfa-conformance sweep --duo` against a mock's Duo account: the host must be allowed; only the runs' users go. */
let mock: RunningMockOrg;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  mock = await startMockOrg({ duo: true });
  env = { MFA_CONFORMANCE_DUO: JSON.stringify(mock.duo) };
});
afterAll(() => mock.close());

async function usernames(): Promise<string[]> {
  const account = mock.duo;
  if (!account) throw new Error('no Duo account');
  const duo = await DuoDriver.connect({ kind: 'mock', account });
  try {
    return (await duo.duoApi.ok<{ username: string }[]>({ method: 'GET', path: '/admin/v1/users', integration: 'admin' })).map((u) => u.username);
  } finally {
    await duo.close();
  }
}

test('refuses a Duo host that is not allowed, before any request', async () => {
  const io = captureIO({ env });
  await expect(sweepCommand(['--duo', '--yes'], io)).rejects.toThrow(/not an allowed target/);
});

test("deletes the runs' users and only those; secrets never printed", async () => {
  const account = mock.duo;
  if (!account) throw new Error('no Duo account');
  const setup = await DuoDriver.connect({ kind: 'mock', account });
  const admin = (path: string, params: Record<string, string>) => setup.duoApi.ok<{ user_id?: string; phone_id?: string }>({ method: 'POST', path, integration: 'admin', params });
  const left = await admin('/admin/v1/users', { username: 'mfa-conformance-left1' });
  const phone = await admin('/admin/v1/phones', { number: '+15555550199', type: 'Mobile' });
  await admin(`/admin/v1/users/${left.user_id}/phones`, { phone_id: phone.phone_id ?? '' });
  await admin('/admin/v1/users', { username: 'mfa-conformance-left2' });
  await admin('/admin/v1/users', { username: 'somebody' });
  await setup.close();

  const io = captureIO({ env });
  expect(await sweepCommand(['--duo', '--yes', '--allow-target', account.host], io)).toBe(0);
  expect(io.out()).toMatch(/2 Duo test users to delete/);
  expect(io.out()).toMatch(/Deleted 2 of 2/);
  for (const secret of [account.skey, account.adminSkey]) expect(io.out() + io.err()).not.toContain(secret);
  expect(await usernames()).toEqual(['somebody']);

  const again = captureIO({ env });
  expect(await sweepCommand(['--duo', '--yes', '--allow-target', account.host], again)).toBe(0);
  expect(again.out()).toMatch(/Nothing to sweep/);
});

test('--duo takes no --target', async () => {
  await expect(sweepCommand(['--duo', '--target', 'https://x.test'], captureIO({ env }))).rejects.toThrow(/takes no --target/);
});
