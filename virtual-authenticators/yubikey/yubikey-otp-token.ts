import { randomInt } from 'node:crypto';
import { bytesToHex, copyBytes, hexToBytes, randomBytes } from '../encoding/bytes.js';
import { fromModhex, toModhex } from '../encoding/modhex.js';
import { encodeYubicoOtpBlock, encryptYubicoOtpBlock } from './yubico-otp-block.js';
import type { YubicoOtpFields } from './yubico-otp-block.js';

export interface YubiKeyOtpTokenOptions {
  /** Modhex, usually 12 characters. Default "vv" + 10 random characters ("vv" marks a user-programmed id). */
  publicId?: string;
  /** 6 bytes, or 12 hex characters. Default random. */
  privateId?: string | Uint8Array;
  /** 16 bytes, or 32 hex characters. Default random. */
  aesKey?: string | Uint8Array;
  /** Default a random 8-digit number. */
  serialNumber?: string | number;
  /** The usage counter of the first session. Default 1. */
  usageCounter?: number;
}

/** The token's secrets in the form Okta's org token upload (POST /api/v1/org/factors/yubikey_token/tokens) takes. */
export interface YubiKeyOtpSecrets {
  /** Decimal string. */
  serialNumber: string;
  /** Modhex. */
  publicId: string;
  /** 12 hex characters. */
  privateId: string;
  /** 32 hex characters. */
  aesKey: string;
}

export const YUBIKEY_OTP_TAMPERS = [
  'replay', // the last OTP again, byte for byte
  'bad-crc', // the next OTP with its CRC broken (still uses up the counter, as a real OTP would)
  'old-counter', // a well-formed OTP whose usage counter is one below the current one (the token's counters do not move)
] as const;
export type YubiKeyOtpTamper = (typeof YUBIKEY_OTP_TAMPERS)[number];

export interface YubiKeyOtpOptions {
  /** The target's clock (epoch ms), to drive the 8 Hz timestamp. Without it the timestamp ticks once per OTP. */
  at?: number | Date;
  tamper?: YubiKeyOtpTamper;
}

const MAX_SESSION_COUNTER = 0xff;
const MAX_USAGE_COUNTER = 0x7fff;
const TIMESTAMP_TICKS_PER_SECOND = 8;

function bytesOption(value: string | Uint8Array | undefined, length: number, name: string): Uint8Array<ArrayBuffer> {
  if (value === undefined) return randomBytes(length);
  const bytes = typeof value === 'string' ? hexToBytes(value) : copyBytes(value);
  if (bytes.byteLength !== length) throw new RangeError(`${name} is ${length} bytes (${2 * length} hex characters)`);
  return bytes;
}

function randomTimestampStart(): number {
  // Power-up timestamps are random; keep the top bit clear so a session has room before the 24-bit value wraps.
  return randomInt(0, 0x800000);
}

/** A YubiKey slot programmed for Yubico OTP: each `otp()` is a button press. */
export class YubiKeyOtpToken {
  readonly #publicId: string;
  readonly #privateId: Uint8Array<ArrayBuffer>;
  readonly #aesKey: Uint8Array<ArrayBuffer>;
  readonly #serialNumber: string;
  #usageCounter: number;
  #sessionCounter = 0;
  #sessionTimestampStart = randomTimestampStart();
  #sessionStartedAt: number | undefined;
  #lastTimestamp: number | undefined;
  #lastOtp: string | undefined;

  private constructor(options: YubiKeyOtpTokenOptions) {
    this.#publicId = options.publicId ?? `vv${toModhex(randomBytes(5))}`;
    if (fromModhex(this.#publicId).byteLength > 16) throw new RangeError('A public id is at most 16 bytes');
    this.#privateId = bytesOption(options.privateId, 6, 'privateId');
    this.#aesKey = bytesOption(options.aesKey, 16, 'aesKey');
    this.#serialNumber = String(options.serialNumber ?? randomInt(10_000_000, 100_000_000));
    if (!/^\d+$/.test(this.#serialNumber)) throw new TypeError('A serial number is decimal digits');
    this.#usageCounter = options.usageCounter ?? 1;
  }

  static create(options: YubiKeyOtpTokenOptions = {}): YubiKeyOtpToken {
    return new YubiKeyOtpToken(options);
  }

  get secrets(): YubiKeyOtpSecrets {
    return {
      serialNumber: this.#serialNumber,
      publicId: this.#publicId,
      privateId: bytesToHex(this.#privateId),
      aesKey: bytesToHex(this.#aesKey),
    };
  }

  get publicId(): string {
    return this.#publicId;
  }

  /** The usage counter the next OTP carries. */
  get usageCounter(): number {
    return this.#usageCounter;
  }

  /** The session counter the next OTP carries. */
  get sessionCounter(): number {
    return this.#sessionCounter;
  }

  /** 44 modhex characters (with a 12-character public id): public id, then the encrypted block. */
  otp(options: YubiKeyOtpOptions = {}): string {
    switch (options.tamper) {
      case 'replay':
        if (this.#lastOtp === undefined) throw new Error('No OTP has been produced yet, so none can be replayed');
        return this.#lastOtp;
      case 'old-counter':
        if (this.#usageCounter === 0) throw new Error('The usage counter is 0: there is no older counter');
        return this.#render(this.#fields(this.#usageCounter - 1, options.at), false);
      case 'bad-crc':
      case undefined: {
        const otp = this.#render(this.#fields(this.#usageCounter, options.at), options.tamper === 'bad-crc');
        this.#advance();
        if (options.tamper === undefined) this.#lastOtp = otp;
        return otp;
      }
    }
  }

  /** Unplug and plug back in: the usage counter goes up, the session counter and timestamp start afresh. */
  replug(): void {
    this.#startNewUsage();
  }

  #fields(usageCounter: number, at: number | Date | undefined): YubicoOtpFields {
    return {
      privateId: this.#privateId,
      usageCounter,
      timestamp: this.#timestamp(at),
      sessionCounter: this.#sessionCounter,
      random: randomInt(0, 0x10000),
    };
  }

  #timestamp(at: number | Date | undefined): number {
    if (at === undefined) {
      this.#lastTimestamp = this.#lastTimestamp === undefined ? this.#sessionTimestampStart : this.#lastTimestamp + 1;
    } else {
      const ms = typeof at === 'number' ? at : at.getTime();
      this.#sessionStartedAt ??= ms;
      const ticks = Math.floor((Math.max(0, ms - this.#sessionStartedAt) * TIMESTAMP_TICKS_PER_SECOND) / 1000);
      this.#lastTimestamp = this.#sessionTimestampStart + ticks;
    }
    return this.#lastTimestamp & 0xffffff;
  }

  #render(fields: YubicoOtpFields, breakCrc: boolean): string {
    const block = encodeYubicoOtpBlock(fields);
    if (breakCrc) block[14] = (block[14] ?? 0) ^ 0xff;
    return this.#publicId + toModhex(encryptYubicoOtpBlock(block, this.#aesKey));
  }

  #advance(): void {
    if (this.#sessionCounter < MAX_SESSION_COUNTER) {
      this.#sessionCounter += 1;
    } else {
      this.#startNewUsage();
    }
  }

  #startNewUsage(): void {
    if (this.#usageCounter >= MAX_USAGE_COUNTER) throw new Error('The usage counter is exhausted');
    this.#usageCounter += 1;
    this.#sessionCounter = 0;
    this.#sessionTimestampStart = randomTimestampStart();
    this.#sessionStartedAt = undefined;
    this.#lastTimestamp = undefined;
  }
}
