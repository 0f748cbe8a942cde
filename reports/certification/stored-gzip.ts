/**
 * The bundle archive's gzip container, written with stored (uncompressed) deflate blocks and read back strictly.
 * Compressed deflate has bits no decoder looks at (the padding after the last block), so a byte changed there would
 * pass gunzip and every digest. Here every byte is accounted for: a fixed header, block headers that must be exactly
 * 0 or 1, LEN and its complement NLEN, the data, then CRC-32 and the length. Any tool that reads gzip reads these.
 */

const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);
const MAX_BLOCK = 0xffff;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function storedGzip(data: Buffer): Buffer {
  const parts: Buffer[] = [HEADER];
  let offset = 0;
  do {
    const length = Math.min(MAX_BLOCK, data.length - offset);
    const last = offset + length >= data.length;
    const head = Buffer.alloc(5);
    head[0] = last ? 1 : 0;
    head.writeUInt16LE(length, 1);
    head.writeUInt16LE(~length & 0xffff, 3);
    parts.push(head, data.subarray(offset, offset + length));
    offset += length;
  } while (offset < data.length);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data), 0);
  trailer.writeUInt32LE(data.length >>> 0, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

/** The content of an archive storedGzip wrote, or why it is not one (any changed byte makes it not one). */
export function readStoredGzip(bytes: Buffer): Buffer | string {
  if (bytes.length < HEADER.length || !bytes.subarray(0, HEADER.length).equals(HEADER)) return 'the archive does not start with the gzip header certify writes';
  const blocks: Buffer[] = [];
  let at = HEADER.length;
  for (;;) {
    if (at + 5 > bytes.length) return 'the archive ends inside a block';
    const flag = bytes[at];
    if (flag !== 0 && flag !== 1) return 'the archive has a block certify does not write';
    const length = bytes.readUInt16LE(at + 1);
    if (bytes.readUInt16LE(at + 3) !== (~length & 0xffff)) return 'a block length of the archive is damaged';
    if (at + 5 + length > bytes.length) return 'the archive ends inside a block';
    blocks.push(bytes.subarray(at + 5, at + 5 + length));
    at += 5 + length;
    if (flag === 1) break;
  }
  if (at + 8 !== bytes.length) return 'the archive has bytes after its data';
  const data = Buffer.concat(blocks);
  if (bytes.readUInt32LE(at) !== crc32(data)) return 'the archive fails its CRC-32';
  if (bytes.readUInt32LE(at + 4) !== data.length >>> 0) return 'the archive\'s length field is wrong';
  return data;
}
