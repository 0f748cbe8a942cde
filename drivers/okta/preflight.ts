/**
 * One probe before any check runs (`GET /api/v1/users?limit=1`, a read), so that a target the suites cannot use
 * ends in one line naming the cause and the fix within seconds: an unreachable host, a TLS failure, a refused
 * token (401 E0000011, 403 E0000005), a URL that does not speak the API (HTML, another JSON shape), a service app
 * whose token request is refused or that lacks the scopes the suites need.
 */
import { undici } from '../undici.js';
import type { TargetConfig } from '../contract.js';
import type { AuthStrategy } from '../auth/strategy.js';
import { sswsToken } from '../auth/ssws.js';
import { serviceApp, TokenRequestError } from '../auth/oauth-service-app.js';

export type PreflightResult = { ok: true } | { ok: false; message: string };

type RemoteTarget = Exclude<TargetConfig, { kind: 'mock' }>;

/** The scope the suites' writes need (create users, enroll factors); `manage` covers `read`. */
const WRITE_SCOPE = 'okta.users.manage';
const TIMEOUT_MS = 4000;

export async function preflight(target: RemoteTarget): Promise<PreflightResult> {
  const base = target.baseUrl.replace(/\/+$/, '');
  const host = new URL(base).host;
  const { Agent, request } = await undici();
  const dispatcher = new Agent({ connect: { timeout: TIMEOUT_MS }, headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
  try {
    let auth: AuthStrategy;
    if (target.kind === 'http' || target.credentials.mode === 'SSWS') {
      auth = sswsToken(target.kind === 'http' ? target.token : target.credentials.mode === 'SSWS' ? target.credentials.token : '');
    } else {
      const app = serviceApp({ orgUrl: base, ...target.credentials });
      try {
        const granted = await withTimeout(app.grantedScopes());
        if (!granted.includes(WRITE_SCOPE)) {
          return fail(`the service app was granted ${granted.join(' ') || 'no scope'} but not ${WRITE_SCOPE}: grant it on the app's "Okta API Scopes" tab and request it in OKTA_CLIENT_SCOPES`);
        }
      } catch (error) {
        if (error instanceof TokenRequestError) return fail(tokenRefusal(host, error));
        return fail(networkFailure(host, error));
      }
      auth = app;
    }
    const url = new URL(`${base}/api/v1/users`);
    url.searchParams.set('limit', '1');
    const headers = { accept: 'application/json', ...(await auth.authorize({ method: 'GET', url, headers: {}, body: undefined })) };
    let res;
    try {
      res = await request(url, { method: 'GET', headers, dispatcher });
    } catch (error) {
      return fail(networkFailure(host, error));
    }
    const text = await res.body.text();
    const contentType = String(res.headers['content-type'] ?? '');
    const body = parse(text);
    const code = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { errorCode?: unknown }).errorCode : undefined;
    if (res.statusCode === 401 && code === 'E0000011') {
      return fail(`${host} refused the API token (401 E0000011 Invalid token provided): create a new token (Security > API > Tokens) and pass it with --token or OKTA_CLIENT_TOKEN`);
    }
    if (res.statusCode === 403 && code === 'E0000005') {
      return fail(`${host} refused the credential for this API (403 E0000005 Invalid session): use an SSWS API token or an OAuth 2.0 service app token from the org authorization server`);
    }
    const wwwAuthenticate = String(res.headers['www-authenticate'] ?? '');
    if (res.statusCode === 403 && (code === 'E0000006' || /insufficient_scope/.test(wwwAuthenticate))) {
      return fail(`${host} refused to list users (403 ${code ?? 'insufficient_scope'}): the credential needs an admin role that manages users (Super Admin or Org Admin) and the okta.users.manage scope`);
    }
    if (res.statusCode === 401) {
      return fail(`${host} refused the credential (401${typeof code === 'string' ? ` ${code}` : ''}): check the token or the service app`);
    }
    if (res.statusCode === 200 && Array.isArray(body)) return { ok: true };
    const what = /html/i.test(contentType) || /^\s*</.test(text) ? 'an HTML page' : body === undefined ? 'something that is not JSON' : 'JSON that is not the Users API';
    return fail(`${base} does not speak the Okta API: GET /api/v1/users answered HTTP ${res.statusCode} with ${what}; use the org's base URL (e.g. https://your-org.okta.com), not a sign-in page or a path under it`);
  } finally {
    await dispatcher.close();
  }
}

function fail(message: string): PreflightResult {
  return { ok: false, message };
}

function tokenRefusal(host: string, error: TokenRequestError): string {
  if (error.error === 'invalid_client') return `${host} refused the service app's client assertion (${error.message}): check OKTA_CLIENT_CLIENTID, the key and its kid against the app's public keys`;
  if (error.error === 'invalid_scope' || error.error === 'consent_required') return `${host} granted none of the requested scopes (${error.error}): grant okta.users.manage on the app's "Okta API Scopes" tab`;
  return `${host} refused the service app's token request (${error.message}): check the app is an API Services app with private_key_jwt`;
}

/** Network and TLS errors by their code, each with what to check. */
function networkFailure(host: string, error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${host} (${code}): check the org URL`;
  if (code === 'ECONNREFUSED') return `nothing answers at ${host} (ECONNREFUSED): check the org URL and port, and that the target is running`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'ETIMEDOUT' || code === 'TIMEOUT') {
    return `${host} did not answer within ${TIMEOUT_MS / 1000} s (${code}): check the URL, the network and any proxy`;
  }
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|EPROTO/.test(code)) {
    return `TLS with ${host} failed (${code}): the certificate is not trusted or the port does not speak TLS; check the URL's scheme and port, or trust the CA with NODE_EXTRA_CA_CERTS`;
  }
  return `cannot reach ${host} (${code || (error instanceof Error ? error.message : 'unknown error')}): check the org URL and the network`;
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
