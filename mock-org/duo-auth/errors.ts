/** A refusal in Duo's shape: HTTP status plus `{stat: "FAIL", code, message, message_detail?}` (spec §2.1–§2.2). */
export class DuoError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }

  toBody(): Record<string, unknown> {
    return { stat: 'FAIL', code: this.code, message: this.message, ...(this.detail !== undefined ? { message_detail: this.detail } : {}) };
  }
}

// The codes Duo documents, one constructor each (spec §2.2).
export const missingParameter = (name: string) => new DuoError(400, 40001, 'Missing required request parameters', name);
export const invalidParameter = (name: string) => new DuoError(400, 40002, 'Invalid request parameters', name);
export const missingCredentials = () => new DuoError(401, 40101, 'Missing request credentials');
export const invalidIntegrationKey = () => new DuoError(401, 40102, 'Invalid integration key in request credentials');
export const invalidSignature = () => new DuoError(401, 40103, 'Invalid signature in request credentials');
export const missingTimestamp = () => new DuoError(401, 40104, 'Missing request timestamp');
export const badTimestamp = () => new DuoError(401, 40105, 'Bad request timestamp');
export const notFound = () => new DuoError(404, 40401, 'Resource not found');
export const methodNotAllowed = () => new DuoError(405, 40501, 'Method not allowed');
export const tooManyRequests = () => new DuoError(429, 42901, 'Too Many Requests');
export const internalError = () => new DuoError(500, 50001, 'Internal server error');
