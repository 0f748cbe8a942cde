import { generateSync } from 'otplib';
import { copyBytes } from '../encoding/bytes.js';
import { OTPLIB_ALGORITHM, OTP_GUARDRAILS, checkAlgorithm, checkDigits } from './otp-options.js';
import type { HotpOptions, OtpDigits, OtpHashAlgorithm } from './otp-options.js';
import { decodeOtpSecret } from './otp-secret.js';

export type HotpTamper = 'replay';

export interface HotpGeneratorOptions extends HotpOptions {
  /** The counter `next()` uses first. Default 0. */
  counter?: number;
}

/** RFC 4226 HOTP on otplib: `code(counter)` is pure; `next()` behaves like a hardware token's button. */
export class HotpGenerator {
  readonly algorithm: OtpHashAlgorithm;
  readonly digits: OtpDigits;
  readonly #secret: Uint8Array<ArrayBuffer>;
  #counter: number;
  #lastCode: string | undefined;

  constructor(options: HotpGeneratorOptions) {
    this.#secret = decodeOtpSecret(options.secret, options.encoding);
    this.algorithm = checkAlgorithm(options.algorithm ?? 'SHA1');
    this.digits = checkDigits(options.digits ?? 6);
    this.#counter = options.counter ?? 0;
  }

  static create(options: HotpGeneratorOptions): HotpGenerator {
    return new HotpGenerator(options);
  }

  /** The key bytes (a copy), for a simulated server that must verify. */
  get secret(): Uint8Array {
    return copyBytes(this.#secret);
  }

  /** The counter the next `next()` will use. */
  get counter(): number {
    return this.#counter;
  }

  code(counter: number): string {
    return generateSync({
      strategy: 'hotp',
      secret: this.#secret,
      counter,
      algorithm: OTPLIB_ALGORITHM[this.algorithm],
      digits: this.digits,
      guardrails: OTP_GUARDRAILS,
    });
  }

  /** The code for the current counter, then the counter moves on. `replay` gives the previous code again. */
  next(options: { tamper?: HotpTamper } = {}): string {
    if (options.tamper === 'replay') {
      if (this.#lastCode === undefined) throw new Error('No HOTP code has been produced yet, so none can be replayed');
      return this.#lastCode;
    }
    this.#lastCode = this.code(this.#counter);
    this.#counter += 1;
    return this.#lastCode;
  }
}
