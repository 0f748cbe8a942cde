import { createDecipheriv } from 'node:crypto';

/**
 * Decodes a Yubico OTP back to its fields, as a validation server does: split off the public id, modhex-decode,
 * AES-128-ECB decrypt, read the little-endian fields, check the CRC residue. Independent of the package's encoder.
 */

const MODHEX = 'cbdefghijklnrtuv';

function modhexToBytes(text: string): Uint8Array {
  const hex = [...text].map((c) => {
    const digit = MODHEX.indexOf(c);
    if (digit < 0) throw new Error(`not modhex: ${c}`);
    return digit.toString(16);
  });
  return new Uint8Array(Buffer.from(hex.join(''), 'hex'));
}

function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >> 1) ^ 0x8408 : crc >> 1;
  }
  return crc;
}

export interface DecodedYubicoOtp {
  publicId: string;
  plaintextHex: string;
  privateIdHex: string;
  usageCounter: number;
  timestamp: number;
  sessionCounter: number;
  random: number;
  crc: number;
  crcValid: boolean;
}

export function decodeYubicoOtp(otp: string, aesKeyHex: string): DecodedYubicoOtp {
  if (otp.length < 32) throw new Error('An OTP has at least 32 characters');
  const publicId = otp.slice(0, -32);
  const ciphertext = modhexToBytes(otp.slice(-32));
  const decipher = createDecipheriv('aes-128-ecb', Buffer.from(aesKeyHex, 'hex'), null).setAutoPadding(false);
  const plaintext = new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  const view = new DataView(plaintext.buffer);
  return {
    publicId,
    plaintextHex: Buffer.from(plaintext).toString('hex'),
    privateIdHex: Buffer.from(plaintext.subarray(0, 6)).toString('hex'),
    usageCounter: view.getUint16(6, true),
    timestamp: view.getUint16(8, true) | (view.getUint8(10) << 16),
    sessionCounter: view.getUint8(11),
    random: view.getUint16(12, true),
    crc: view.getUint16(14, true),
    crcValid: crc16(plaintext) === 0xf0b8,
  };
}
