/**
 * Okta's org rate-limit buckets (spec §2.2, from the terraform provider's route table): which bucket a request
 * counts against. The factor endpoints and user lifecycle count against `/api/v1/users`; a factor verify, each
 * Authentication API verify/introspect/poll, and a single user's read or change have buckets of their own.
 */
const ID = '[^/]+';

const BUCKETS: readonly { name: string; methods?: readonly string[]; pattern: RegExp }[] = [
  { name: 'POST /api/v1/users/{id}/factors/{id}/verify', methods: ['POST'], pattern: new RegExp(`^/api/v1/users/${ID}/factors/${ID}/verify$`) },
  { name: '/api/v1/users', pattern: new RegExp(`^/api/v1/users/${ID}/(factors|lifecycle)(/.*)?$`) },
  { name: 'GET /api/v1/users/{id}', methods: ['GET'], pattern: new RegExp(`^/api/v1/users/${ID}$`) },
  { name: '/api/v1/users/{id}', pattern: new RegExp(`^/api/v1/users/${ID}$`) },
  { name: '/api/v1/users', pattern: /^\/api\/v1\/users$/ },
  { name: '/api/v1/authn/factors/{id}/verify', pattern: new RegExp(`^/api/v1/authn/factors/${ID}/verify$`) },
  { name: '/api/v1/authn/factors/{id}/transactions/{id}/verify', pattern: new RegExp(`^/api/v1/authn/factors/${ID}/transactions/${ID}/verify$`) },
  { name: '/api/v1/authn/introspect', pattern: /^\/api\/v1\/authn\/introspect$/ },
  { name: '/api/v1/authn/poll', pattern: /^\/api\/v1\/authn\/poll$/ },
  { name: '/api/v1/authn', pattern: /^\/api\/v1\/authn(\/.*)?$/ },
  { name: '/oauth2/v1/token', pattern: /^\/oauth2\/v1\/token$/ },
];

/** The bucket a request counts against; a path under a prefix (the mock host's `/orgs/{id}`) is matched by its API part. */
export function rateLimitBucket(method: string, pathname: string): string {
  const apiPath = pathname.replace(/^.*?(?=\/(api|oauth2)\/v1\/)/, '').replace(/\/+$/, '');
  const upper = method.toUpperCase();
  const bucket = BUCKETS.find((b) => (b.methods === undefined || b.methods.includes(upper)) && b.pattern.test(apiPath));
  return bucket?.name ?? '/api/v1';
}
