import { randomBytes } from 'node:crypto';

/**
 * SailPoint's error shapes (spec §3): `ErrorResponseDto` for 400/403/404/500, `{error}` for 401 and
 * `{message}` with `Retry-After` for 429. `detailCode` uses only the four documented values (§9 item 23).
 */
export type SailPointDetailCode = '400.1 Bad Request Content' | '403 Forbidden' | '404 Not found' | '500.0 Internal Fault';

interface ErrorMessage {
  locale: string;
  localeOrigin: 'DEFAULT';
  text: string;
}

export class SailPointError extends Error {
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    /** The body exactly as sent. */
    readonly body: Record<string, unknown>,
  ) {
    super(`HTTP ${status}`);
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }
}

const message = (text: string): ErrorMessage => ({ locale: 'en-US', localeOrigin: 'DEFAULT', text });

/** 32 lowercase hex characters, unique per error, as in the published examples. */
const trackingId = (): string => randomBytes(16).toString('hex');

function dto(status: number, detailCode: SailPointDetailCode, text: string, causes?: string[]): SailPointError {
  return new SailPointError(status, {
    detailCode,
    trackingId: trackingId(),
    messages: [message(text)],
    ...(causes ? { causes: causes.map(message) } : {}),
  });
}

/** 400: the body (or a parameter) is not what the operation takes; `causes` says what. */
export const badRequest = (...causes: string[]) =>
  dto(400, '400.1 Bad Request Content', 'The request was syntactically correct but its content is semantically invalid.', causes);

export const forbidden = () => dto(403, '403 Forbidden', 'The server understood the request but refuses to authorize it.');

export const notFound = () => dto(404, '404 Not found', 'The server did not find a current representation for the target resource.');

export const internalFault = () => dto(500, '500.0 Internal Fault', 'An internal fault occurred.');

/** 401: `{error}`; the expired-token text is the documented one, the others follow its pattern (§9 item 22). */
export const unauthorized = (error: string) => new SailPointError(401, { error });

export const jwtExpired = () => unauthorized('JWT validation failed: JWT is expired');

/** 429, with the documented body (its spaces included) and Retry-After in whole seconds. */
export const rateLimited = (retryAfterSeconds: number) =>
  new SailPointError(429, { message: ' Rate Limit Exceeded ' }).withHeaders({ 'retry-after': String(retryAfterSeconds) });

/** The token endpoint's errors: undocumented, so RFC 6749 style (§9 item 24). */
export const oauthError = (status: 400 | 401, error: 'invalid_request' | 'unsupported_grant_type' | 'invalid_client') =>
  new SailPointError(status, { error });
