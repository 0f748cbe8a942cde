/** Yubico's modhex: hex digits 0-f written as "cbdefghijklnrtuv" (keys that sit at the same place on most layouts). */
const MODHEX_ALPHABET = 'cbdefghijklnrtuv';

export function toModhex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    out += MODHEX_ALPHABET.charAt(byte >> 4) + MODHEX_ALPHABET.charAt(byte & 0x0f);
  }
  return out;
}

export function fromModhex(text: string): Uint8Array<ArrayBuffer> {
  const lower = text.toLowerCase();
  if (lower.length % 2 !== 0) throw new TypeError(`Modhex must have an even length: "${text}"`);
  const out = new Uint8Array(lower.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = MODHEX_ALPHABET.indexOf(lower.charAt(2 * i));
    const low = MODHEX_ALPHABET.indexOf(lower.charAt(2 * i + 1));
    if (high < 0 || low < 0) throw new TypeError(`Not a modhex string: "${text}"`);
    out[i] = (high << 4) | low;
  }
  return out;
}
