import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import { captureIO } from './capture-io.js';

describe('mfa-conformance mock', () => {
  test('prints exactly one JSON line with url and token, serves the control protocol, stops cleanly on a signal', async () => {
    const io = captureIO();
    const exit = runCli(['mock'], io);
    await expect.poll(() => io.out(), { timeout: 5_000 }).toMatch(/\n$/);

    expect(io.out().split('\n')).toHaveLength(2);
    const line: unknown = JSON.parse(io.out());
    expect(Object.keys(line as object).sort()).toEqual(['duo', 'identityNow', 'token', 'url']);
    const { duo } = line as { duo: Record<string, string> };
    expect(Object.keys(duo).sort()).toEqual(['adminIkey', 'adminSkey', 'host', 'ikey', 'skey', 'url']);
    expect(duo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The Duo host answers /auth/v2/ping unsigned, in Duo's envelope.
    const ping = await fetch(`${duo.url}/auth/v2/ping`, { headers: { host: duo.host ?? '' } });
    expect(((await ping.json()) as { stat: string }).stat).toBe('OK');
    const { url, token, identityNow } = line as { url: string; token: string; identityNow: { baseUrl: string; clientId: string; clientSecret: string } };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(identityNow.baseUrl).toBe(`${url}/identitynow`);
    const form = new FormData();
    form.set('grant_type', 'client_credentials');
    form.set('client_id', identityNow.clientId);
    form.set('client_secret', identityNow.clientSecret);
    const issued = await fetch(`${identityNow.baseUrl}/oauth/token`, { method: 'POST', body: form });
    expect(issued.status, 'the tenant issues a token to the announced client').toBe(200);
    await issued.arrayBuffer();

    const capabilities = await fetch(`${url}/__control/v1/capabilities`, { headers: { Authorization: `SSWS ${token}` } });
    expect(capabilities.status).toBe(200);
    const anonymous = await fetch(`${url}/__control/v1/capabilities`);
    expect(anonymous.status).toBe(401);
    await anonymous.arrayBuffer();

    io.shutdown();
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/api/v1/users`)).rejects.toThrow();
    expect(io.err()).toBe('');
  });

  test('--port and --host choose where it listens', async () => {
    const probe = captureIO();
    const first = runCli(['mock'], probe);
    await expect.poll(() => probe.out()).toMatch(/\n$/);
    const port = Number(new URL((JSON.parse(probe.out()) as { url: string }).url).port);
    probe.shutdown();
    await first;

    const io = captureIO();
    const exit = runCli(['mock', '--port', String(port), '--host', '127.0.0.1'], io);
    await expect.poll(() => io.out()).toMatch(/\n$/);
    expect((JSON.parse(io.out()) as { url: string }).url).toBe(`http://127.0.0.1:${port}`);
    io.shutdown();
    expect(await exit).toBe(0);
  });
});
