/**
 * The Okta org an okta-verify config points at, reached for real over HTTP (or, an embedded run's org beside
 * the tenant, through its app in this process: provider-network.ts) with its API token
 * (`accessKey`): the tenant tests the token, starts an Okta Verify push through the Factors API and
 * polls its transaction. `host` is the org's host name (https) or, for a local org, a whole base URL.
 */
import type { LocalProviders, ProviderAnswer, ProviderRequest } from './provider-network.js';

const TIMEOUT_MS = 5_000;
/**
 * The user agent the tenant's calls name (Node's fetch's own), said outright so that an org reached in this process
 * sees what one reached over HTTP sees: an Okta org keeps it with a push it starts.
 */
const USER_AGENT = 'node';

function oktaBaseUrl(host: string): string {
  return (host.includes('://') ? host : `https://${host}`).replace(/\/+$/, '');
}

type OktaAnswer = { status: number; body: unknown } | { unreachable: string };

async function call(local: LocalProviders, method: 'GET' | 'POST', url: string, apiToken: string, clientIp?: string): Promise<OktaAnswer> {
  const headers: Record<string, string> = {
    authorization: `SSWS ${apiToken}`,
    accept: 'application/json',
    'user-agent': USER_AGENT,
    ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    ...(clientIp ? { 'x-forwarded-for': clientIp } : {}),
  };
  const request: ProviderRequest = { method, url, headers, ...(method === 'POST' ? { body: '{}' } : {}) };
  try {
    const { status, text } = await (local(request) ?? overTheNetwork(request));
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status, body };
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : 'unreachable' };
  }
}

async function overTheNetwork(request: ProviderRequest): Promise<ProviderAnswer> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}), signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: response.status, text: await response.text() };
}

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

/**
 * Does the org answer this token? A user lookup: 200, or 404 E0000007 (no such user) both say the
 * token was accepted; 401/403 say it was not.
 */
export async function testOktaOrg(local: LocalProviders, host: string, apiToken: string): Promise<string | null> {
  const answer = await call(local, 'GET', `${oktaBaseUrl(host)}/api/v1/users/me`, apiToken);
  if ('unreachable' in answer) return `The Okta org could not be reached: ${answer.unreachable}`;
  if (answer.status === 200 || (answer.status === 404 && field(answer.body, 'errorCode') === 'E0000007')) return null;
  if (answer.status === 401 || answer.status === 403) return 'The Okta org refused the access key.';
  return `The Okta org answered HTTP ${answer.status}.`;
}

export type PushStart =
  | { kind: 'sent'; pollUrl: string }
  | { kind: 'failed'; error: string }
  | { kind: 'no-push-factor'; error: string };

/** Finds the user (login or email, as Okta's user lookup takes it) and their active push factor, and starts a push. */
export async function startOktaPush(local: LocalProviders, host: string, apiToken: string, userId: string, clientIp?: string): Promise<PushStart> {
  const base = oktaBaseUrl(host);
  const user = await call(local, 'GET', `${base}/api/v1/users/${encodeURIComponent(userId)}`, apiToken);
  if ('unreachable' in user) return { kind: 'failed', error: `The Okta org could not be reached: ${user.unreachable}` };
  if (user.status === 404) return { kind: 'failed', error: 'No Okta user matches the identity.' };
  if (user.status !== 200) return { kind: 'failed', error: `The Okta org answered HTTP ${user.status}.` };
  const oktaUserId = field(user.body, 'id');
  if (typeof oktaUserId !== 'string') return { kind: 'failed', error: 'The Okta org answered a user without an id.' };
  const factors = await call(local, 'GET', `${base}/api/v1/users/${encodeURIComponent(oktaUserId)}/factors`, apiToken);
  if ('unreachable' in factors || factors.status !== 200 || !Array.isArray(factors.body)) return { kind: 'failed', error: 'The Okta factors could not be read.' };
  const push = factors.body.find((f) => field(f, 'factorType') === 'push' && field(f, 'status') === 'ACTIVE');
  const factorId = field(push, 'id');
  if (typeof factorId !== 'string') return { kind: 'no-push-factor', error: 'The user has no active Okta Verify factor.' };
  const started = await call(local, 'POST', `${base}/api/v1/users/${encodeURIComponent(oktaUserId)}/factors/${encodeURIComponent(factorId)}/verify`, apiToken, clientIp);
  if ('unreachable' in started || (started.status !== 200 && started.status !== 201)) return { kind: 'failed', error: 'The Okta org did not start the push.' };
  const pollUrl = field(field(field(started.body, '_links'), 'poll'), 'href');
  if (typeof pollUrl !== 'string') return { kind: 'failed', error: 'The Okta org answered the push without a poll link.' };
  return { kind: 'sent', pollUrl };
}

/** Okta's factorResult of a push transaction, or null when it could not be read. */
export async function pollOktaPush(local: LocalProviders, pollUrl: string, apiToken: string): Promise<string | null> {
  const answer = await call(local, 'GET', pollUrl, apiToken);
  if ('unreachable' in answer || answer.status !== 200) return null;
  const result = field(answer.body, 'factorResult');
  return typeof result === 'string' ? result : null;
}
