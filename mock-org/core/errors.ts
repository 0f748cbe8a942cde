import { errorId } from './ids.js';

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** An API error the mock answers with: Okta's error object and its HTTP status. */
export class OktaError extends Error {
  /** Response headers the error carries (a 429's X-Rate-Limit-*). */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly errorSummary: string,
    readonly causes: string[] = [],
  ) {
    super(`${errorCode}: ${errorSummary}`);
  }

  withHeaders(headers: Record<string, string>): this {
    Object.assign(this.headers, headers);
    return this;
  }

  toBody(): OktaErrorBody {
    return {
      errorCode: this.errorCode,
      errorSummary: this.errorSummary,
      errorLink: this.errorCode,
      errorId: errorId(),
      errorCauses: this.causes.map((errorSummary) => ({ errorSummary })),
    };
  }
}

// The errors the Factors API documents (spec §6), one constructor each so the codes live in one place.

export const validationFailed = (what: string, causes: string[] = []) =>
  new OktaError(400, 'E0000001', `Api validation failed: ${what}`, causes);

const invalidRequest = (why: string) => new OktaError(400, 'E0000002', `The request was not valid: ${why}`);

/**
 * What goes back on a socket whose request node's HTTP parser refused (a bad request line, headers over 16 KiB)
 * before any route saw it: still Okta's error shape, and the connection closed cleanly after it.
 */
export function clientErrorResponse(code: string | undefined): string {
  const tooLarge = code === 'HPE_HEADER_OVERFLOW';
  const error = tooLarge ? new OktaError(431, 'E0000002', 'The request was not valid: request headers too large') : invalidRequest('malformed HTTP request');
  const body = JSON.stringify(error.toBody());
  const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
  return `HTTP/1.1 ${error.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export const malformedBody = () => new OktaError(400, 'E0000003', 'The request body was not well-formed.');

export const forbidden = () =>
  new OktaError(403, 'E0000006', 'You do not have permission to perform the requested action');

export const notFound = (what: string) => new OktaError(404, 'E0000007', `Not found: ${what}`);

export const invalidToken = () => new OktaError(401, 'E0000011', 'Invalid token provided');

export const methodNotAllowed = () =>
  new OktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method');

/** Okta's catalog: E0000021, 400, for a Content-Type or Accept the endpoint does not take. */
export const unsupportedMediaType = () =>
  new OktaError(400, 'E0000021', 'Bad request.  Accept and/or Content-Type headers likely do not match supported values.');

/** The same summary under E0000019, the code of the only live recording of it (variant.media-type-e0000019). */
export const unsupportedMediaTypeRecorded = () =>
  new OktaError(400, 'E0000019', 'Bad request.  Accept and/or Content-Type headers likely do not match supported values.');

/** No credentials at all: Okta falls back to session authentication (variant.invalid-session-without-header). */
export const invalidSession = () => new OktaError(403, 'E0000005', 'Invalid session');

/** Verify of a factor that is not active, in Okta's catalog (variant.verify-inactive-410). */
export const factorNotActive = () => new OktaError(410, 'E0000154', 'Invalid factor id, it is not currently active.');

/** The catalog's other code for it (variant.verify-inactive-423). */
export const factorLocked = () => new OktaError(423, 'E0000180', 'Factor id is currently not active.');

export const invalidPasscode = () =>
  new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', [
    "Your passcode doesn't match our records. Please try again.",
  ]);

export const passcodeReplayed = () =>
  new OktaError(403, 'E0000082', 'Each code can only be used once. Please wait for a new code and try again.');

export const operationNotAllowed = (why: string) =>
  new OktaError(403, 'E0000038', `This operation is not allowed in the user's current status.`, [why]);

export const internalError = () => new OktaError(500, 'E0000009', 'Internal Server Error');

export const rateLimited = () =>
  new OktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');

export const smsRecentlySent = () =>
  new OktaError(429, 'E0000109', 'An SMS message was recently sent. Please wait 30 seconds before trying again.');

export const emailRecentlySent = () =>
  new OktaError(429, 'E0000118', 'An email was recently sent. Please wait 5 seconds before trying again.');

export const invalidAnswer = () =>
  new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', ["Your answer doesn't match our records. Please try again."]);

export const invalidPhoneExtension = () =>
  new OktaError(400, 'E0000121', 'Invalid phone extension. Please enter a valid phone extension.');

// The Authentication API's own (spec §5.7, §6.1).

export const authenticationFailed = () => new OktaError(401, 'E0000004', 'Authentication failed');

export const invalidAuthnState = () =>
  new OktaError(403, 'E0000079', 'This operation is not allowed in the current authentication state.', [
    'This operation is not allowed in the current authentication state.',
  ]);
