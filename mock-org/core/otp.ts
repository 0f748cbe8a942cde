import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The mock org's own OTP verification (RFC 4226 / RFC 6238), on node:crypto.
 * Deliberately independent of virtual-authenticators/ so that a bug in one cannot cancel out in the other.
 */
export type OtpAlgorithm = 'sha1' | 'sha256' | 'sha512';

function hotp(secret: Uint8Array, counter: number, digits = 6, algorithm: OtpAlgorithm = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function timeStep(nowMs: number, stepSeconds: number): number {
  return Math.floor(nowMs / 1000 / stepSeconds);
}

/** Constant-time comparison of two codes. */
export function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Finds the time step, within `window` steps either side of now, whose code is `code`.
 * Returns null when none matches.
 */
export function matchTotp(
  secret: Uint8Array,
  code: string,
  nowMs: number,
  options: { stepSeconds: number; window: number; digits?: number; algorithm?: OtpAlgorithm },
): number | null {
  const current = timeStep(nowMs, options.stepSeconds);
  for (let delta = -options.window; delta <= options.window; delta++) {
    const step = current + delta;
    if (step >= 0 && sameCode(hotp(secret, step, options.digits ?? 6, options.algorithm), code)) return step;
  }
  return null;
}
