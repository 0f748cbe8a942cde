import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { sswsToken } from '../../drivers/auth/ssws.js';
import type { Driver } from '../../drivers/contract.js';
import { ControlError } from '../../drivers/control/client.js';
import { HttpDriver } from '../../drivers/http-driver.js';
import { MockOrg, buildServer, startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { duoHostApp } from '../../mock-org/duo-auth/index.js';
import { CONTROL_OPERATIONS, CONTROL_PREFIX, type ControlOperationName } from '../../schemas/control/operations.js';

/**
 * The control protocol is one table (schemas/control/operations.ts): the mock serves exactly its
 * operations and refuses a request that breaks an operation's schema; the driver sends by it,
 * refuses an answer that breaks it, and turns what the target announces into typed capabilities.
 */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function connect(baseUrl: string, token: string): Promise<HttpDriver> {
  const driver = await HttpDriver.connect({ kind: 'http', baseUrl, auth: sswsToken(token) });
  closers.push(() => driver.close());
  return driver;
}

/** A target whose every answer the test writes. */
async function fakeTarget(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('the mock serves the table', () => {
  test('every operation has its route, and a control route the table does not describe is refused', async () => {
    const org = new MockOrg();
    const app = buildServer(org, { control: true });
    // The Duo host of the org serves the Duo operations (the virtual Duo Mobile) and the shared ones.
    const duoApp = duoHostApp(org);
    await app.ready();
    await duoApp.ready();
    const names = Object.keys(CONTROL_OPERATIONS) as ControlOperationName[];
    for (const name of names) {
      const { method, path } = CONTROL_OPERATIONS[name];
      const url = `${CONTROL_PREFIX}/${path}`;
      expect(app.hasRoute({ method, url }) || duoApp.hasRoute({ method, url }), `${name}: ${method} ${path}`).toBe(true);
    }
    await app.close();
    await duoApp.close();

    const other = buildServer(new MockOrg(), { control: true });
    expect(() => other.get(`${CONTROL_PREFIX}/undescribed`, async () => ({}))).toThrow(/not an operation of the control protocol/);
    await other.close();
  });
});

describe('requests that break their schema', () => {
  let mock: RunningMockOrg;
  beforeAll(async () => {
    mock = await startMockOrg({ control: true });
  });
  afterAll(() => mock.close());

  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${mock.url}${CONTROL_PREFIX}/${path}`, {
      method,
      headers: { authorization: `SSWS ${mock.token}`, 'content-type': 'application/json', accept: 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test('are refused 400 E0000001 in the mock error shape, and change nothing', async () => {
    const before = (await send('GET', 'clock')).body.epochMs;
    for (const body of [{ advanceMs: -1 }, { advanceMs: 'soon' }, { advanceMs: 3_600_000, extra: true }, {}]) {
      const refused = await send('POST', 'clock', body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errorCode).toBe('E0000001');
      expect(refused.body.errorCauses).not.toEqual([]);
    }
    // The virtual clock also runs in real time: it moved by milliseconds, not by the hour refused.
    expect(Number((await send('GET', 'clock')).body.epochMs) - Number(before)).toBeLessThan(60_000);

    const policy = (await send('GET', 'factor-policy')).body;
    const badEntry = { factorType: 'sms', provider: 'OKTA', enrollment: 'SOMETIMES' };
    expect((await send('POST', 'factor-policy', { factors: [badEntry] })).status).toBe(400);
    expect((await send('GET', 'factor-policy')).body).toEqual(policy);

    expect((await send('GET', 'outbox?channel=fax')).status).toBe(400);
    expect((await send('POST', 'push/u1/f1', { action: 'maybe' })).status).toBe(400);
    expect((await send('POST', 'token-service/symantec', { credentialId: 'c', sharedSecret: 'not hex' })).status).toBe(400);
  });
});

describe('the driver', () => {
  test('offers what the control protocol announces, as typed objects, and validates every answer', async () => {
    const mock = await startMockOrg({ control: true });
    closers.push(() => mock.close());
    const driver = await connect(mock.url, mock.token);
    expect(driver.clock && driver.outbox && driver.push && driver.policy && driver.tokenService && driver.duo && driver.readOnlyToken).toBeTruthy();
    expect(driver.yubikeyUpload).toEqual({ learnedFrom: 'control' });
    const before = await driver.now();
    await driver.clock?.advance(60_000);
    expect(await driver.now()).toBeGreaterThanOrEqual(before + 60_000);
    expect(await driver.now()).toBeLessThan(before + 120_000);
    expect((await driver.policy?.factorProfiles())?.length).toBeGreaterThan(0);
  });

  test('refuses an answer off the protocol', async () => {
    const url = await fakeTarget((req, res) => {
      if (req.url === `${CONTROL_PREFIX}/capabilities`) return json(res, 200, { capabilities: ['clock'] });
      if (req.url === `${CONTROL_PREFIX}/clock`) return json(res, 200, { now: 'soon', epochMs: 'later' });
      return json(res, 404, {});
    });
    const driver = await connect(url, 'fake-token-123');
    expect(driver.clock).toBeDefined();
    const failure = await driver.clock?.now().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ControlError);
    expect(String(failure)).toMatch(/readClock answered off the protocol/);
  });

  test('without the control protocol, offers yubikeyUpload when the org YubiKey token API answers', async () => {
    const mock = await startMockOrg({ control: false });
    closers.push(() => mock.close());
    const driver = await connect(mock.url, mock.token);
    expect(driver.yubikeyUpload).toEqual({ learnedFrom: 'probe' });
    expect([driver.clock, driver.outbox, driver.push, driver.policy, driver.tokenService, driver.duo, driver.readOnlyToken]).toEqual(
      Array(7).fill(undefined),
    );
  });

  test('offers nothing where neither the control protocol nor the YubiKey token API answers', async () => {
    const url = await fakeTarget((_req, res) => json(res, 404, { errorCode: 'E0000007' }));
    const driver = await connect(url, 'fake-token-123');
    expect(driver.yubikeyUpload).toBeUndefined();
    expect(driver.clock).toBeUndefined();
    expect(() => advanceWithoutDeclaring(driver)).toThrow(TypeError);
  });
});

/** A capability is optional until a check's `needs` narrows the driver: calling it undeclared does not compile. */
function advanceWithoutDeclaring(driver: Driver): void {
  // @ts-expect-error driver.clock may be undefined on a plain Driver
  void driver.clock.advance(1);
}
