import { expect, test } from 'vitest';
import { connectDuoDriver, connectMockDuoDriver } from '../../drivers/duo/connect.js';

/** The Duo driver's safety rules: a host that is not a test host must be allowed; sweep removes what runs left behind. */

test('a real Duo host is refused unless allowed', async () => {
  const account = { url: 'https://api-12345678.duosecurity.com', host: 'api-12345678.duosecurity.com', ikey: 'DIXXXXXXXXXXXXXXXXXX', skey: 'x'.repeat(40), adminIkey: 'DIYYYYYYYYYYYYYYYYYY', adminSkey: 'y'.repeat(40) };
  await expect(connectDuoDriver(account)).rejects.toThrow(/not allowed/);
});

test("sweep deletes the run's users, and only those", async () => {
  const driver = await connectMockDuoDriver();
  try {
    await driver.fixtures.createUser();
    await driver.fixtures.createUser();
    const other = await driver.duoApi.ok<{ user_id: string }>({ method: 'POST', path: '/admin/v1/users', integration: 'admin', params: { username: 'someone-else' } });
    expect(await driver.fixtures.sweep()).toBe(2);
    const left = await driver.duoApi.ok<{ user_id: string }[]>({ method: 'GET', path: '/admin/v1/users', integration: 'admin' });
    expect(left.map((u) => u.user_id)).toEqual([other.user_id]);
  } finally {
    await driver.close();
  }
});

test("the run's allow-list travels with the target to the suites (parsed back from the workers' environment)", async () => {
  const { parseTargetConfig } = await import('../../drivers/target-config.js');
  const target = parseTargetConfig(JSON.parse(JSON.stringify({ kind: 'mock', allowTargets: ['api-12345678.duosecurity.com'] })));
  expect(target.allowTargets).toEqual(['api-12345678.duosecurity.com']);
  expect(() => parseTargetConfig({ kind: 'mock', allowTargets: 'x' })).toThrow(/allowTargets/);
});
