import { randomInt } from 'node:crypto';
import { randomBytes } from '../encoding/bytes.js';
import type { OtpSecretEncoding } from '../otp/otp-secret.js';
import { TotpGenerator } from '../otp/totp-generator.js';

export interface SymantecVipTokenOptions {
  /** Default "VSMT" + 8 random digits (the VIP Access mobile credential prefix). Not validated, so checks can send odd ids. */
  credentialId?: string;
  /** Key bytes, or a string in `encoding`. Default 20 random bytes. */
  secret?: Uint8Array | string;
  /** How a string secret is encoded. Default base32. */
  encoding?: OtpSecretEncoding;
}

/** Current and next security codes, as Symantec VIP enrollment asks for two consecutive codes. */
export interface SymantecVipCodes {
  passCode: string;
  nextPassCode: string;
}

/** A Symantec VIP credential: TOTP with SHA-1, 6 digits, 30 s. */
export class SymantecVipToken {
  readonly credentialId: string;
  readonly #totp: TotpGenerator;

  private constructor(credentialId: string, totp: TotpGenerator) {
    this.credentialId = credentialId;
    this.#totp = totp;
  }

  static create(options: SymantecVipTokenOptions = {}): SymantecVipToken {
    const credentialId = options.credentialId ?? `VSMT${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    const totp = new TotpGenerator({
      secret: options.secret ?? randomBytes(20),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
    return new SymantecVipToken(credentialId, totp);
  }

  /** The key bytes (a copy), for a simulated VIP service that must verify. */
  get secret(): Uint8Array {
    return this.#totp.secret;
  }

  /** The code for the window `at` (epoch ms) falls in, and the next window's. */
  codes(at: number | Date, options: { windowOffset?: number } = {}): SymantecVipCodes {
    const offset = options.windowOffset ?? 0;
    return {
      passCode: this.#totp.code(at, { windowOffset: offset }),
      nextPassCode: this.#totp.code(at, { windowOffset: offset + 1 }),
    };
  }
}
