import { createCipheriv } from 'node:crypto';
import { crc16Iso13239 } from '../encoding/crc16.js';

/** The 16-byte plaintext of a Yubico OTP (yubico-c `yubikey_token_st`); multi-byte fields are little-endian. */
export interface YubicoOtpFields {
  /** 6 bytes, never sent in clear. */
  privateId: Uint8Array;
  /** Non-volatile, +1 per power-up (and when the session counter wraps). 15 bits; bit 15 flags a caps-lock trigger. */
  usageCounter: number;
  /** 24-bit, ticking at about 8 Hz from a random value at power-up. */
  timestamp: number;
  /** Volatile, 0 at power-up, +1 per OTP. */
  sessionCounter: number;
  /** 16 random bits. */
  random: number;
}

const YUBICO_OTP_BLOCK_LENGTH = 16;

/**
 * privateId(6) | usageCounter(2) | timestamp(3) | sessionCounter(1) | random(2) | crc(2), where crc is the one's
 * complement of the CRC-16 of the first 14 bytes, so that the CRC of all 16 bytes is the residue 0xF0B8.
 */
export function encodeYubicoOtpBlock(fields: YubicoOtpFields): Uint8Array<ArrayBuffer> {
  if (fields.privateId.byteLength !== 6) throw new RangeError('The private id is 6 bytes');
  const block = new Uint8Array(YUBICO_OTP_BLOCK_LENGTH);
  const view = new DataView(block.buffer);
  block.set(fields.privateId, 0);
  view.setUint16(6, fields.usageCounter & 0xffff, true);
  view.setUint16(8, fields.timestamp & 0xffff, true);
  view.setUint8(10, (fields.timestamp >>> 16) & 0xff);
  view.setUint8(11, fields.sessionCounter & 0xff);
  view.setUint16(12, fields.random & 0xffff, true);
  view.setUint16(14, ~crc16Iso13239(block.subarray(0, 14)) & 0xffff, true);
  return block;
}

/** AES-128 in ECB mode over the single block, no padding. */
export function encryptYubicoOtpBlock(block: Uint8Array, aesKey: Uint8Array): Uint8Array<ArrayBuffer> {
  if (block.byteLength !== YUBICO_OTP_BLOCK_LENGTH) throw new RangeError('A Yubico OTP block is 16 bytes');
  if (aesKey.byteLength !== 16) throw new RangeError('A Yubico OTP AES key is 16 bytes');
  const cipher = createCipheriv('aes-128-ecb', aesKey, null).setAutoPadding(false);
  return new Uint8Array(Buffer.concat([cipher.update(block), cipher.final()]));
}
