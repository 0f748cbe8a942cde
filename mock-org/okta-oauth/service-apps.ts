/**
 * OAuth 2.0 service apps of the org (spec okta-real-org §1.2): client credentials on the org authorization server
 * with a `private_key_jwt` client assertion, verified with jose against the app's registered JWKS, and the access
 * tokens they get. Scopes are enforced on the API: reads need `okta.users.read` (or `.manage`), writes
 * `okta.users.manage`; a token without it gets 403 E0000006.
 */
import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK } from 'jose';
import { forbidden, invalidToken, type OktaError } from '../core/errors.js';
import type { VirtualClock } from '../core/clock.js';

export interface ServiceAppRegistration {
  clientId: string;
  /** The app's public keys (each with a unique `kid`). */
  jwks: readonly JWK[];
  /** The Okta API scopes granted to the app. */
  grantedScopes: readonly string[];
}

/** An OAuth error answer of the token endpoint. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
const TOKEN_LIFETIME_S = 3600;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const READ_METHODS = new Set(['GET', 'HEAD']);

export class ServiceApps {
  readonly #apps = new Map<string, ServiceAppRegistration>();
  readonly #tokens = new Map<string, { clientId: string; scopes: string[]; expiresAtMs: number }>();
  readonly #usedJtis = new Set<string>();

  constructor(
    private readonly clock: VirtualClock,
    apps: readonly ServiceAppRegistration[] = [],
  ) {
    for (const app of apps) this.#apps.set(app.clientId, app);
  }

  /** `POST /oauth2/v1/token` with the form fields; `tokenUrl` is the URL the request was sent to (the assertion's audience). */
  async token(form: Record<string, string>, tokenUrl: string): Promise<TokenAnswer> {
    if (form.grant_type !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'The grant type is not supported for this client.');
    if (form.client_assertion_type !== ASSERTION_TYPE || !form.client_assertion) {
      return oauthError(401, 'invalid_client', 'unsupported_auth_method_client_creds: client credentials need a private_key_jwt client assertion.');
    }
    const verified = await this.#verifyAssertion(form.client_assertion, tokenUrl);
    if ('status' in verified) return verified;
    const requested = (form.scope ?? '').split(' ').filter(Boolean);
    if (requested.length === 0) return oauthError(400, 'invalid_scope', 'No scopes were requested.');
    // Okta drops requested scopes it did not grant and says so only in `scope` (spec §7.2)
    const granted = requested.filter((scope) => verified.grantedScopes.includes(scope));
    if (granted.length === 0) return oauthError(400, 'consent_required', 'You are not allowed any of the requested scopes.');
    const accessToken = `eyJ${randomBytes(32).toString('base64url')}`;
    this.#tokens.set(accessToken, { clientId: verified.clientId, scopes: granted, expiresAtMs: this.clock.now() + TOKEN_LIFETIME_S * 1000 });
    return { status: 200, body: { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, access_token: accessToken, scope: granted.join(' ') } };
  }

  /**
   * Authenticates an API request that carries `Authorization: Bearer …`: nothing when the header is another
   * scheme; throws 401 E0000011 for an unknown or expired token, 403 E0000006 when the token lacks the scope.
   */
  authorize(authorization: string | undefined, method: string): 'bearer' | undefined {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) return undefined;
    const known = this.#tokens.get(token);
    if (!known || this.clock.now() >= known.expiresAtMs) throw invalidToken();
    const needed = READ_METHODS.has(method) ? ['okta.users.read', 'okta.users.manage'] : ['okta.users.manage'];
    if (!needed.some((scope) => known.scopes.includes(scope))) {
      throw insufficientScope(needed[needed.length - 1] ?? 'okta.users.manage');
    }
    return 'bearer';
  }

  async #verifyAssertion(assertion: string, tokenUrl: string): Promise<ServiceAppRegistration | TokenAnswer> {
    let header;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      return invalidClient('client_assertion_invalid_jwt', 'The client_assertion is not a valid JWT.');
    }
    if (!header.alg || !ALGORITHMS.includes(header.alg)) {
      return invalidClient('client_assertion_invalid_signature_algorithm', 'The client_assertion signature algorithm is not supported.');
    }
    const claims = decodeClaims(assertion);
    const app = typeof claims?.iss === 'string' ? this.#apps.get(claims.iss) : undefined;
    if (!app) return invalidClient('client_assertion_invalid_issuer', 'The client_assertion issuer is not a known client.');
    const jwk = header.kid !== undefined ? app.jwks.find((k) => k.kid === header.kid) : app.jwks.length === 1 ? app.jwks[0] : undefined;
    if (!jwk) return invalidClient('client_assertion_invalid_kid', 'The client_assertion kid does not match a key of the client.');
    const nowS = Math.floor(this.clock.now() / 1000);
    try {
      const { payload } = await jwtVerify(assertion, await importJWK(jwk, header.alg), {
        algorithms: [header.alg],
        audience: tokenUrl,
        issuer: app.clientId,
        subject: app.clientId,
        requiredClaims: ['exp'],
        currentDate: new Date(nowS * 1000),
      });
      if ((payload.exp ?? 0) > nowS + 3600) return invalidClient('client_assertion_expires_too_far_in_future', 'The client_assertion expires too far in the future.');
      if (payload.iat !== undefined && payload.iat > nowS + 5) return invalidClient('client_assertion_issued_at_in_future', 'The client_assertion was issued in the future.');
      if (payload.jti !== undefined) {
        const key = `${app.clientId}:${payload.jti}`;
        if (this.#usedJtis.has(key)) return invalidClient('client_assertion_already_used', 'The client_assertion token has already been used.');
        this.#usedJtis.add(key);
      }
      return app;
    } catch (error) {
      return invalidClient(...assertionFailure(error));
    }
  }
}

function assertionFailure(error: unknown): [string, string] {
  if (error instanceof errors.JWTExpired) return ['client_assertion_expired_token', 'The client_assertion token is expired.'];
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return ['client_assertion_invalid_audience', 'The audience claim must be the endpoint invoked.'];
    if (error.claim === 'sub') return ['client_assertion_invalid_subject', 'The subject claim must be the client_id.'];
    if (error.claim === 'exp') return ['client_assertion_expiration_required', 'The client_assertion must have an exp claim.'];
    return ['client_assertion_invalid_issuer', 'The issuer claim must be the client_id.'];
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return ['client_assertion_invalid_signature', 'The client_assertion signature is invalid.'];
  return ['client_assertion_invalid_jwt', 'The client_assertion is not a valid JWT.'];
}

function decodeClaims(jwt: string): Record<string, unknown> | undefined {
  try {
    const part = jwt.split('.')[1] ?? '';
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function invalidClient(reason: string, description: string): TokenAnswer {
  return oauthError(401, 'invalid_client', `${description} (${reason})`);
}

function oauthError(status: number, error: string, description: string): TokenAnswer {
  return { status, body: { error, error_description: description } };
}

/** The documented 403 E0000006 body, with the `WWW-Authenticate` an older real org sent (spec §7.3 accepts both). */
function insufficientScope(scope: string): OktaError {
  return forbidden().withHeaders({ 'www-authenticate': `Bearer error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", scope="${scope}"` });
}
