/** FIDO U2F JavaScript API error codes (ErrorCode in the U2F JS API spec). */
export const U2F_ERROR_CODE = {
  OK: 0,
  OTHER_ERROR: 1,
  BAD_REQUEST: 2,
  CONFIGURATION_UNSUPPORTED: 3,
  DEVICE_INELIGIBLE: 4,
  TIMEOUT: 5,
} as const;

export type U2fErrorCode = (typeof U2F_ERROR_CODE)[keyof typeof U2F_ERROR_CODE];

/** What a U2F client reports instead of a response: `{ errorCode, errorMessage }`. */
export class U2fError extends Error {
  override readonly name = 'U2fError';
  readonly errorCode: U2fErrorCode;

  constructor(errorCode: U2fErrorCode, message: string) {
    super(message);
    this.errorCode = errorCode;
  }

  get errorMessage(): string {
    return this.message;
  }
}
