import { sendOverUndici, type HttpTransport } from '../http-client.js';
import type { AuthStrategy } from './strategy.js';

export interface ClientCredentials {
  /** Token endpoint, e.g. `https://{tenant}.api.identitynow.com/oauth/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** The target's now (epoch ms): a token is renewed before its `expires_in` runs out on the target's clock. */
  now: () => Promise<number>;
  /** Called with each access token fetched (to register it for redaction). */
  onToken?: (token: string) => void;
  /** How the token request reaches the endpoint (default: undici): the API clients' transport, for a tenant in this process. */
  transport?: Pick<HttpTransport, 'send'>;
}

/** Seconds before expiry at which a cached token is renewed. */
const RENEW_BEFORE_S = 30;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) as SailPoint documents them: the id and secret as form
 * fields of POST {tokenUrl} (urlencoded, one of the encodings the docs list), `Authorization: Bearer
 * <access_token>` on every call, the token fetched once and renewed when it is about to expire.
 */
export function oauthClientCredentials(credentials: ClientCredentials): AuthStrategy {
  let cached: { token: string; expiresAtMs: number } | undefined;
  let pending: Promise<string> | undefined;
  const transport = credentials.transport ?? { send: sendOverUndici };

  async function fetchToken(): Promise<string> {
    const issuedAt = await credentials.now();
    const { status, text } = await transport.send({
      method: 'POST',
      url: credentials.tokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret }).toString(),
    });
    const body = parsed(text);
    if (status !== 200 || typeof body?.access_token !== 'string') {
      throw new Error(`the token endpoint refused the client credentials (HTTP ${status})`);
    }
    credentials.onToken?.(body.access_token);
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 300;
    cached = { token: body.access_token, expiresAtMs: issuedAt + Math.max(1, lifetime - RENEW_BEFORE_S) * 1000 };
    return body.access_token;
  }

  return {
    scheme: 'Bearer',
    secrets: [credentials.clientSecret],
    async authorize() {
      if (!cached || (await credentials.now()) >= cached.expiresAtMs) {
        pending ??= fetchToken().finally(() => (pending = undefined));
        await pending;
      }
      return { authorization: `Bearer ${cached?.token ?? ''}` };
    },
  };
}

/** The token endpoint's JSON answer, or undefined for a body that is not JSON (as undici's `body.json()` refused). */
function parsed(text: string): { access_token?: unknown; expires_in?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as { access_token?: unknown; expires_in?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}
