/**
 * CRC-16 as the YubiKey computes it (ISO/IEC 13239, the X.25 HDLC polynomial 0x1021 reflected as 0x8408, initial value
 * 0xFFFF, no final inversion).
 */
export function crc16Iso13239(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      const lowBitSet = (crc & 1) !== 0;
      crc >>= 1;
      if (lowBitSet) crc ^= 0x8408;
    }
  }
  return crc;
}

/** The CRC of a block that ends with its own one's-complemented CRC (little-endian) is always this value. */
export const CRC16_GOOD_RESIDUE = 0xf0b8;
