import { describe, expect, test } from 'vitest';
import { RateLimitPacer } from '../../drivers/pacing.js';
import { rateLimitBucket } from '../../drivers/okta/rate-limit-buckets.js';

describe('pacing by X-Rate-Limit-*', () => {
  test('requests are keyed by Okta bucket', () => {
    expect(rateLimitBucket('POST', '/orgs/abc/api/v1/users/00u1/factors/mbl1/verify')).toBe('POST /api/v1/users/{id}/factors/{id}/verify');
    expect(rateLimitBucket('POST', '/api/v1/users/00u1/factors')).toBe('/api/v1/users');
    expect(rateLimitBucket('GET', '/api/v1/users/00u1')).toBe('GET /api/v1/users/{id}');
    expect(rateLimitBucket('DELETE', '/api/v1/users/00u1')).toBe('/api/v1/users/{id}');
    expect(rateLimitBucket('POST', '/api/v1/authn/factors/f1/verify')).toBe('/api/v1/authn/factors/{id}/verify');
    expect(rateLimitBucket('GET', '/api/v1/org/factors/yubikey_token/tokens')).toBe('/api/v1');
  });

  test('waits for the reset before a request the window has no room for, and counts what it sent', async () => {
    const waits: number[] = [];
    const serverNow = Date.now();
    const resetSeconds = Math.ceil(serverNow / 1000) + 30;
    const pacer = new RateLimitPacer({ waitUntilReset: async (reset) => void waits.push(reset) });
    const url = new URL('http://org.example/api/v1/users');
    const headers = { date: new Date(serverNow).toUTCString(), 'x-rate-limit-limit': '3', 'x-rate-limit-remaining': '2', 'x-rate-limit-reset': String(resetSeconds) };
    (await pacer.before('POST', url))();
    pacer.after('POST', url, 200, headers);
    (await pacer.before('POST', url))();
    (await pacer.before('POST', url))();
    expect(waits).toEqual([]);
    (await pacer.before('POST', url))();
    expect(waits).toEqual([resetSeconds]);
    expect(pacer.waitedMs).toBeGreaterThan(0);
  });

  test('a 429 (maybe a per-user limit) teaches nothing about the bucket', async () => {
    const waits: number[] = [];
    const pacer = new RateLimitPacer({ waitUntilReset: async (reset) => void waits.push(reset) });
    const url = new URL('http://org.example/api/v1/users/00u1/factors/f1/lifecycle/activate');
    pacer.after('POST', url, 429, { 'x-rate-limit-limit': '5', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 300) });
    (await pacer.before('POST', url))();
    expect(waits).toEqual([]);
  });
});
