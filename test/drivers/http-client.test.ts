import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { sswsToken } from '../../drivers/auth/ssws.js';
import { HttpApiClient } from '../../drivers/http-client.js';
import { REDACTED, Redactor } from '../../drivers/redact.js';
import { USER_AGENT } from '../../drivers/version.js';

/** A throwaway server whose handler each test sets. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function client(url: string, waits: number[] = []) {
  const c = new HttpApiClient({
    baseUrl: url,
    auth: sswsToken('00-secret-api-token'),
    redactor: new Redactor(),
    waitUntilReset: async (reset, now) => {
      waits.push(reset * 1000 - now);
    },
  });
  closers.push(() => c.close());
  return c;
}

describe('HttpApiClient', () => {
  test('sends what Okta clients send', async () => {
    let seen: IncomingMessage | undefined;
    let seenBody = '';
    const server = await serve((req, res, body) => {
      seen = req;
      seenBody = body;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    closers.push(server.close);
    const res = await client(server.url).post('/api/v1/things', { a: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(seen?.headers.authorization).toBe('SSWS 00-secret-api-token');
    expect(seen?.headers.accept).toBe('application/json');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['user-agent']).toBe(USER_AGENT);
    expect(seenBody).toBe('{"a":1}');
  });

  test('records exchanges with the token and secret fields redacted', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"sharedSecret":"S3CR3T"}'));
    closers.push(server.close);
    const c = client(server.url);
    await c.post('/x?token=00-secret-api-token', { passCode: '123456' });
    const [exchange] = c.exchanges;
    expect(JSON.stringify(exchange)).not.toContain('00-secret-api-token');
    expect(JSON.stringify(exchange)).not.toContain('S3CR3T');
    expect(JSON.stringify(exchange)).not.toContain('123456');
    expect(exchange?.request.headers.authorization).toBe(`SSWS ${REDACTED}`);
  });

  test('on 429 waits for X-Rate-Limit-Reset, then retries an idempotent request', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        const now = Date.now();
        res.writeHead(429, {
          'content-type': 'application/json',
          date: new Date(now).toUTCString(),
          'x-rate-limit-limit': '1',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String(Math.ceil(now / 1000) + 5),
        });
        res.end('{"errorCode":"E0000047"}');
      } else res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    closers.push(server.close);
    const waits: number[] = [];
    const res = await client(server.url, waits).get('/api/v1/users');
    expect(res.status).toBe(200);
    expect(calls).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(3_000);
  });

  test('does not retry a POST, nor a request that opts out', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      res.writeHead(429, { 'content-type': 'application/json', 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 1) }).end('{}');
    });
    closers.push(server.close);
    const c = client(server.url);
    expect((await c.post('/x', {})).status).toBe(429);
    expect((await c.get('/x', { noRetry: true })).status).toBe(429);
    expect(calls).toBe(2);
  });
});
