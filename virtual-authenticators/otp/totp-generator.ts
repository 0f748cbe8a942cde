import { generateSync } from 'otplib';
import { copyBytes } from '../encoding/bytes.js';
import { OTPLIB_ALGORITHM, OTP_GUARDRAILS, checkAlgorithm, checkDigits } from './otp-options.js';
import type { HotpOptions, OtpDigits, OtpHashAlgorithm } from './otp-options.js';
import { decodeOtpSecret, isOtpSecretEncoding } from './otp-secret.js';

export type TotpTamper = 'replay';

export interface TotpGeneratorOptions extends HotpOptions {
  /** Time step X in seconds. Default 30. */
  period?: number;
  /** T0, the Unix time (seconds) counting starts from. Default 0. */
  t0?: number;
}

export interface TotpCodeOptions {
  /** Time steps away from the one `at` falls in: -1 is the previous window, +10 five minutes ahead (at 30 s). */
  windowOffset?: number;
  /** `replay`: the last code this generator returned, whatever `at` says. */
  tamper?: TotpTamper;
}

/** Okta's TOTP `_embedded.activation` object (Google Authenticator / Okta Verify enrollment). */
export interface OktaTotpActivation {
  sharedSecret: string;
  /** "base32" or "base64" from Okta; the other encodings this package knows are accepted too. */
  encoding: string;
  /** Seconds, as a number or a numeric string. Default 30. */
  timeStep?: number | string;
  /** Not the digit count (Google's example says 16): ignored. */
  keyLength?: number;
}

function epochMilliseconds(at: number | Date): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('The time must be a finite epoch in milliseconds');
  return ms;
}

/**
 * RFC 6238 TOTP on otplib. Time is always passed in (epoch milliseconds or a Date): a check passes the target's
 * virtual clock, so nothing here ever reads the machine's clock.
 */
export class TotpGenerator {
  readonly algorithm: OtpHashAlgorithm;
  readonly digits: OtpDigits;
  readonly period: number;
  readonly t0: number;
  readonly #secret: Uint8Array<ArrayBuffer>;
  #lastCode: string | undefined;

  constructor(options: TotpGeneratorOptions) {
    this.#secret = decodeOtpSecret(options.secret, options.encoding);
    this.algorithm = checkAlgorithm(options.algorithm ?? 'SHA1');
    this.digits = checkDigits(options.digits ?? 6);
    this.period = options.period ?? 30;
    this.t0 = options.t0 ?? 0;
    if (!Number.isInteger(this.period) || this.period < 1) throw new RangeError('The TOTP period is a whole number of seconds');
  }

  static create(options: TotpGeneratorOptions): TotpGenerator {
    return new TotpGenerator(options);
  }

  /** A generator for Okta's TOTP activation object. `digits` is the factor's digit count (Okta: 6). */
  static fromOktaActivation(activation: OktaTotpActivation, digits: number = 6): TotpGenerator {
    const encoding = activation.encoding.toLowerCase();
    if (!isOtpSecretEncoding(encoding)) throw new TypeError(`Unknown shared secret encoding "${activation.encoding}"`);
    const period = activation.timeStep === undefined ? 30 : Number(activation.timeStep);
    return new TotpGenerator({ secret: activation.sharedSecret, encoding, period, digits: checkDigits(digits) });
  }

  /** The key bytes (a copy), for a simulated server that must verify. */
  get secret(): Uint8Array {
    return copyBytes(this.#secret);
  }

  /** T = floor((unixSeconds - T0) / X) for the epoch-millisecond time `at`. */
  counterAt(at: number | Date): number {
    const unixSeconds = Math.floor(epochMilliseconds(at) / 1000);
    return Math.floor((unixSeconds - this.t0) / this.period);
  }

  code(at: number | Date, options: TotpCodeOptions = {}): string {
    if (options.tamper === 'replay') {
      if (this.#lastCode === undefined) throw new Error('No TOTP code has been produced yet, so none can be replayed');
      return this.#lastCode;
    }
    const unixSeconds = Math.floor(epochMilliseconds(at) / 1000);
    this.#lastCode = generateSync({
      strategy: 'totp',
      secret: this.#secret,
      epoch: unixSeconds + (options.windowOffset ?? 0) * this.period,
      t0: this.t0,
      period: this.period,
      algorithm: OTPLIB_ALGORITHM[this.algorithm],
      digits: this.digits,
      guardrails: OTP_GUARDRAILS,
    });
    return this.#lastCode;
  }
}
