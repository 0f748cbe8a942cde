import { createHmac } from 'node:crypto';
import type { DuoAccount, DuoPhone, DuoToken, DuoUser } from './account.js';

/** What each device can do (spec §3.2): Duo Mobile activated → push and mobile_otp; a number → sms and phone. */
export function phoneCapabilities(phone: DuoPhone): string[] {
  const capabilities = [
    ...(phone.activated ? ['push'] : []),
    ...(phone.number ? ['sms', 'phone'] : []),
    ...(phone.activated ? ['mobile_otp'] : []),
  ];
  return capabilities.some((c) => c === 'push' || c === 'phone') ? ['auto', ...capabilities] : capabilities;
}

/** `XXX-XXX-4788`: the number as /preauth shows it. */
export function maskedNumber(number: string): string {
  return number ? `XXX-XXX-${number.slice(-4)}` : '';
}

export function userPhones(account: DuoAccount, user: DuoUser): DuoPhone[] {
  return user.phoneIds.flatMap((id) => account.phones.get(id) ?? []);
}

export function userTokens(account: DuoAccount, user: DuoUser): DuoToken[] {
  return user.tokenIds.flatMap((id) => account.tokens.get(id) ?? []);
}

/** The RFC 4226 code of a counter value (the mock's own, apart from the harness's authenticators). */
export function hotpCode(secret: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

export const tokenDigits = (token: DuoToken): number => (token.type.endsWith('8') ? 8 : 6);

/** How far ahead of its counter a token's code is accepted without a resync. */
export const HOTP_LOOK_AHEAD = 10;
/** How far a resync scans (D15). */
export const RESYNC_WINDOW = 10_000;
