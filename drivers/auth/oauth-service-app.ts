/**
 * Okta's OAuth 2.0 service app: client credentials on the org authorization server with a `private_key_jwt`
 * client assertion, signed with jose (a maintained JOSE implementation rather than hand-rolled JWS code).
 * The access token is cached and renewed shortly before it expires, or at once when the API refuses it (401).
 */
import { createPrivateKey, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { undici } from '../undici.js';
import type { AuthStrategy } from './strategy.js';

export interface ServiceAppOptions {
  /** The org's base URL; the token endpoint is `{orgUrl}/oauth2/v1/token`. */
  orgUrl: string;
  clientId: string;
  scopes: readonly string[];
  /** PEM (PKCS#8, PKCS#1 RSA, SEC1 EC) or a private JWK as JSON. */
  privateKey: string;
  /** `kid` of the key in the app's JWKS; else the JWK's own. */
  keyId?: string;
  /** This machine's clock (tests move it). */
  now?: () => number;
}

/** The token endpoint refused the client (or answered something that is not a token). */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
  constructor(
    readonly status: number,
    /** OAuth `error` (`invalid_client`, `invalid_scope`, `consent_required`, …), when the answer had one. */
    readonly error: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Renew this long before the token expires (Python SDK: 5 min; the token lives 1 h). */
const RENEW_BEFORE_MS = 5 * 60_000;
/** The assertion's lifetime: well inside Okta's one-hour limit (Node SDK: 5 min). */
const ASSERTION_LIFETIME_S = 300;

export interface ServiceAppStrategy extends AuthStrategy {
  /** The scopes the last token was granted (Okta silently drops scopes it does not grant). */
  grantedScopes(): Promise<readonly string[]>;
}

export function serviceApp(options: ServiceAppOptions): ServiceAppStrategy {
  const tokenUrl = `${options.orgUrl.replace(/\/+$/, '')}/oauth2/v1/token`;
  const now = options.now ?? Date.now;
  const key = signingKey(options.privateKey, options.keyId);
  let cached: { token: string; expiresAtMs: number; scopes: string[] } | undefined;
  let pending: Promise<NonNullable<typeof cached>> | undefined;
  const secrets: string[] = [options.privateKey];

  async function fetchToken(): Promise<NonNullable<typeof cached>> {
    const issuedAt = Math.floor(now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: key.alg, ...(key.kid ? { kid: key.kid } : {}) })
      .setIssuer(options.clientId)
      .setSubject(options.clientId)
      .setAudience(tokenUrl)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ASSERTION_LIFETIME_S)
      .setJti(randomUUID())
      .sign(key.key);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: options.scopes.join(' '),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    const { request } = await undici();
    const res = await request(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
    const text = await res.body.text();
    const body = parseObject(text);
    if (res.statusCode !== 200 || typeof body?.access_token !== 'string') {
      const error = typeof body?.error === 'string' ? body.error : undefined;
      const description = typeof body?.error_description === 'string' ? `: ${body.error_description}` : '';
      throw new TokenRequestError(res.statusCode, error, `the token endpoint answered HTTP ${res.statusCode}${error ? ` ${error}` : ''}${description}`);
    }
    const token = body.access_token;
    secrets.push(token);
    for (const register of watchers) register(token);
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    const scopes = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [...options.scopes];
    return { token, expiresAtMs: now() + expiresIn * 1000, scopes };
  }

  async function current(): Promise<NonNullable<typeof cached>> {
    if (cached && now() < cached.expiresAtMs - RENEW_BEFORE_MS) return cached;
    pending ??= fetchToken().finally(() => (pending = undefined));
    cached = await pending;
    return cached;
  }

  const watchers: ((secret: string) => void)[] = [];
  return {
    scheme: 'Bearer',
    secrets,
    onSecret(register) {
      watchers.push(register);
    },
    async authorize() {
      return { authorization: `Bearer ${(await current()).token}` };
    },
    renew() {
      cached = undefined;
    },
    async grantedScopes() {
      return (await current()).scopes;
    },
  };
}

function signingKey(material: string, keyId: string | undefined): { key: KeyObject; alg: string; kid?: string } {
  const trimmed = material.trim();
  let key: KeyObject;
  let alg: string | undefined;
  let kid = keyId;
  if (trimmed.startsWith('{')) {
    const jwk = JSON.parse(trimmed) as JsonWebKey & { alg?: string; kid?: string };
    key = createPrivateKey({ key: jwk, format: 'jwk' });
    alg = jwk.alg;
    kid ??= jwk.kid;
  } else {
    key = createPrivateKey(trimmed);
  }
  return { key, alg: alg ?? defaultAlgorithm(key), ...(kid ? { kid } : {}) };
}

/** What Okta's SDKs pick when the key does not say: RS256 for RSA, ES256/384/512 by the EC curve. */
function defaultAlgorithm(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : 'ES256';
  }
  throw new Error(`a service app key must be RSA or EC, not ${key.asymmetricKeyType ?? 'unknown'}`);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
