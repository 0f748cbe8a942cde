import { createDecipheriv } from 'node:crypto';

/**
 * The mock org's own Yubico OTP decoding (spec authenticator-formats; Yubico's "OTPs explained"):
 * modhex, AES-128-ECB, CRC-16. Deliberately independent of virtual-authenticators/.
 */

const MODHEX = 'cbdefghijklnrtuv';
/** The CRC-16 (ISO 13239) of a block that carries its own one's-complemented CRC. */
const CRC_RESIDUE = 0xf0b8;
const BLOCK_MODHEX_LENGTH = 32;

export const isModhex = (text: string) => text.length > 0 && text.length % 2 === 0 && [...text].every((c) => MODHEX.includes(c));

function modhexToBytes(text: string): Uint8Array | null {
  if (!isModhex(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = (MODHEX.indexOf(text[2 * i]!) << 4) | MODHEX.indexOf(text[2 * i + 1]!);
  }
  return out;
}

function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return crc;
}

/** An OTP as typed: the public id, then 32 modhex characters of ciphertext. Null if it is not one. */
export function splitOtp(otp: string): { publicId: string; ciphertext: Uint8Array } | null {
  const text = otp.trim().toLowerCase();
  if (text.length <= BLOCK_MODHEX_LENGTH || text.length > BLOCK_MODHEX_LENGTH + 32) return null;
  const ciphertext = modhexToBytes(text.slice(-BLOCK_MODHEX_LENGTH));
  const publicId = text.slice(0, -BLOCK_MODHEX_LENGTH);
  if (!ciphertext || !isModhex(publicId)) return null;
  return { publicId, ciphertext };
}

export interface YubicoOtpPlaintext {
  privateId: Uint8Array;
  usageCounter: number;
  sessionCounter: number;
  timestamp: number;
  crcOk: boolean;
}

/** Decrypts the 16-byte block and reads its fields (multi-byte fields are little-endian). */
export function decryptOtpBlock(ciphertext: Uint8Array, aesKey: Uint8Array): YubicoOtpPlaintext {
  const decipher = createDecipheriv('aes-128-ecb', aesKey, null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return {
    privateId: new Uint8Array(block.subarray(0, 6)),
    usageCounter: block.readUInt16LE(6) & 0x7fff,
    timestamp: block.readUInt16LE(8) | (block.readUInt8(10) << 16),
    sessionCounter: block.readUInt8(11),
    crcOk: crc16(block) === CRC_RESIDUE,
  };
}
