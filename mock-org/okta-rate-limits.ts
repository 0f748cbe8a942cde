/**
 * Okta's per-endpoint org rate limits (spec §2.2, the last published table, Enterprise column), scaled: an option
 * of the mock (`mfa-conformance mock --rate-limits okta --rate-limit-scale 0.05`) so that a client's pacing is proven
 * on one machine. Bucket membership follows the terraform provider's route table: the factor endpoints and user
 * lifecycle count against `/api/v1/users`, a factor verify has its own bucket, and so on.
 */
import { WindowThrottle, type ThrottleState } from './core/throttle.js';

/** What the server counts each request against (`METHOD /route/:pattern`). */
export interface ApiRateLimits {
  hit(endpoint: string, nowMs: number): ThrottleState & { allowed: boolean };
}

const PARAM = ':[^/]+';
const WINDOW_MS = 60_000;

/** Requests per minute per bucket. */
const OKTA_BUCKETS: readonly { name: string; perMinute: number; methods?: readonly string[]; pattern: RegExp }[] = [
  { name: 'POST /api/v1/users/{id}/factors/{id}/verify', perMinute: 600, methods: ['POST'], pattern: new RegExp(`^/api/v1/users/${PARAM}/factors/${PARAM}/verify$`) },
  { name: '/api/v1/users', perMinute: 600, pattern: new RegExp(`^/api/v1/users/${PARAM}/(factors|lifecycle)(/.*)?$`) },
  { name: 'GET /api/v1/users/{id}', perMinute: 1000, methods: ['GET'], pattern: new RegExp(`^/api/v1/users/${PARAM}$`) },
  { name: '/api/v1/users/{id}', perMinute: 600, pattern: new RegExp(`^/api/v1/users/${PARAM}$`) },
  { name: '/api/v1/users', perMinute: 600, pattern: /^\/api\/v1\/users$/ },
  { name: '/api/v1/authn/factors/{id}/verify', perMinute: 600, pattern: new RegExp(`^/api/v1/authn/factors/${PARAM}/verify$`) },
  { name: '/api/v1/authn/factors/{id}/transactions/{id}/verify', perMinute: 600, pattern: new RegExp(`^/api/v1/authn/factors/${PARAM}/transactions/${PARAM}/verify$`) },
  { name: '/api/v1/authn/introspect', perMinute: 600, pattern: /^\/api\/v1\/authn\/introspect$/ },
  { name: '/api/v1/authn/poll', perMinute: 600, pattern: /^\/api\/v1\/authn\/poll$/ },
  { name: '/api/v1/authn', perMinute: 600, pattern: /^\/api\/v1\/authn(\/.*)?$/ },
  { name: '/oauth2/v1/token', perMinute: 1200, pattern: /^\/oauth2\/v1\/token$/ },
  { name: '/api/v1', perMinute: 600, pattern: /^/ },
];

/** One generous bucket per endpoint (the mock's default). */
export function perEndpointLimits(perMinute: number): ApiRateLimits {
  return new WindowThrottle(perMinute, WINDOW_MS);
}

/** Okta's buckets, each limit multiplied by `scale` (at least 1 request per window). */
export function oktaOrgLimits(scale: number): ApiRateLimits {
  const buckets = OKTA_BUCKETS.map((b) => ({ ...b, throttle: new WindowThrottle(Math.max(1, Math.floor(b.perMinute * scale)), WINDOW_MS) }));
  const fallback = buckets[buckets.length - 1];
  return {
    hit(endpoint, nowMs) {
      const [method = 'GET', route = '/'] = endpoint.split(' ', 2);
      const path = route.replace(/\/+$/, '');
      const bucket = buckets.find((b) => (b.methods === undefined || b.methods.includes(method)) && b.pattern.test(path)) ?? fallback;
      if (!bucket) throw new Error('no rate-limit bucket');
      // one window per bucket, so the bucket's name is its key
      return bucket.throttle.hit(bucket.name, nowMs);
    },
  };
}
