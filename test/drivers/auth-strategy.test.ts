import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import type { AuthStrategy } from '../../drivers/auth/strategy.js';
import { HttpApiClient } from '../../drivers/http-client.js';
import { REDACTED, Redactor } from '../../drivers/redact.js';

/**
 * The seam for other authentication schemes (OAuth 2.0 bearer, Duo HMAC signing): a fake
 * strategy signs each request, asynchronously, with a key of its own. The client sends what it
 * signs; no recorded exchange carries the signature or the key.
 */

const SIGNING_KEY = 'fake-signing-key-0123456789';

const signature = (method: string, pathAndQuery: string, date: string, body: string) =>
  createHmac('sha512', SIGNING_KEY).update([date, method, pathAndQuery, body].join('\n')).digest('hex');

/** Signs like Duo does: the date, method, path with query, and body, under a secret key. */
const fakeSigning: AuthStrategy = {
  scheme: 'Fake-HMAC',
  secrets: [SIGNING_KEY],
  async authorize({ method, url, body }) {
    await Promise.resolve(); // a real strategy may fetch or refresh a token first
    const date = new Date(0).toUTCString();
    return { 'x-fake-date': date, 'x-fake-signature': signature(method, url.pathname + url.search, date, body ?? '') };
  },
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function serveRecordingHeaders(seen: { headers: IncomingHttpHeaders; url: string; body: string }[]) {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ echoed: req.headers['x-fake-signature'] ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function clientFor(baseUrl: string) {
  const client = new HttpApiClient({ baseUrl, auth: fakeSigning, redactor: new Redactor(), waitUntilReset: async () => {} });
  closers.push(() => client.close());
  return client;
}

test('the client sends the headers the strategy signed for each request, and no Authorization of its own', async () => {
  const seen: { headers: IncomingHttpHeaders; url: string; body: string }[] = [];
  const client = clientFor(await serveRecordingHeaders(seen));
  await client.post('/api/v1/things?x=1', { a: 1 });
  await client.get('/api/v1/other');
  expect(seen).toHaveLength(2);
  const [post, get] = seen;
  const date = new Date(0).toUTCString();
  expect(post?.headers['x-fake-signature']).toBe(signature('POST', '/api/v1/things?x=1', date, '{"a":1}'));
  expect(get?.headers['x-fake-signature']).toBe(signature('GET', '/api/v1/other', date, ''));
  expect(post?.headers.authorization).toBeUndefined();
});

test('recorded exchanges keep neither the signature, nor the key, nor a credential echoed back', async () => {
  const seen: { headers: IncomingHttpHeaders; url: string; body: string }[] = [];
  const client = clientFor(await serveRecordingHeaders(seen));
  await client.post('/api/v1/things', { a: 1 });
  const [exchange] = client.exchanges;
  const sent = String(seen[0]?.headers['x-fake-signature']);
  expect(exchange?.request.headers['x-fake-signature']).toBe(REDACTED);
  expect(exchange?.request.headers['x-fake-date']).toBe(REDACTED);
  const recorded = JSON.stringify(client.exchanges);
  expect(recorded).not.toContain(sent);
  expect(recorded).not.toContain(SIGNING_KEY);
  // The target echoed the signature in its body: redacted there too.
  expect(exchange?.response.body).toEqual({ echoed: REDACTED });
});

test('a check that sets its own Authorization (or drops it) keeps the strategy out', async () => {
  const seen: { headers: IncomingHttpHeaders; url: string; body: string }[] = [];
  const client = clientFor(await serveRecordingHeaders(seen));
  await client.get('/api/v1/things', { authorization: 'SSWS not-a-token' });
  await client.get('/api/v1/things', { authorization: null });
  expect(seen.map((s) => s.headers['x-fake-signature'])).toEqual([undefined, undefined]);
  expect(seen.map((s) => s.headers.authorization)).toEqual(['SSWS not-a-token', undefined]);
});
