import { createGuardrails } from 'otplib';
import type { OtpSecretEncoding } from './otp-secret.js';

export type OtpHashAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
/** RFC 4226 asks for at least 6; its 31-bit truncation allows up to 10 (Okta's Custom OTP authenticator: 6 to 10). */
export type OtpDigits = 6 | 7 | 8 | 9 | 10;

export interface OtpSecretOptions {
  /** Key bytes, or a string in `encoding`. */
  secret: Uint8Array | string;
  /** How a string secret is encoded. Default base32. */
  encoding?: OtpSecretEncoding;
}

export interface HotpOptions extends OtpSecretOptions {
  /** Default SHA1. */
  algorithm?: OtpHashAlgorithm;
  /** Default 6. */
  digits?: OtpDigits;
}

export const OTPLIB_ALGORITHM = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;

/**
 * otplib refuses secrets under 16 bytes by default; real servers hand out shorter ones (Okta's and Google's 16-character
 * base32 secrets are 10 bytes), and a test generator must reproduce them.
 */
export const OTP_GUARDRAILS = createGuardrails({ MIN_SECRET_BYTES: 1 });

export function checkDigits(digits: number): OtpDigits {
  if (digits !== 6 && digits !== 7 && digits !== 8 && digits !== 9 && digits !== 10) throw new RangeError(`An OTP has 6 to 10 digits, not ${digits}`);
  return digits;
}

export function checkAlgorithm(algorithm: string): OtpHashAlgorithm {
  if (algorithm !== 'SHA1' && algorithm !== 'SHA256' && algorithm !== 'SHA512') {
    throw new RangeError(`Unsupported OTP hash algorithm "${algorithm}"`);
  }
  return algorithm;
}
