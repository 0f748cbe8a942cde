import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Duo Web v2's signed values, written from the format of Duo's Web SDK (duosecurity/duo_python
 * `duo_web/duo_web.py`, `sign_request` / `verify_response`; the other Duo Web SDKs share it):
 *
 *   signed value  = PREFIX | base64(username|ikey|expire) | hex(HMAC-SHA1(key, "PREFIX|base64(…)"))
 *   sig_request   = TX value (signed with the skey, expires in 300 s) ":" APP value (akey, 3600 s)
 *   sig_response  = AUTH value (Duo signs it with the skey) ":" the APP value of the request, echoed
 *
 * `expire` is in epoch seconds. A value is good when its HMAC matches (compared in constant time),
 * its prefix is the expected one, its ikey is the integration's, and the time is before `expire`.
 */

export const TX_PREFIX = 'TX';
const APP_PREFIX = 'APP';
export const AUTH_PREFIX = 'AUTH';
/** Lifetimes of Duo's TX and AUTH values, and of the application's APP value (seconds). */
export const DUO_EXPIRE_SECONDS = 300;
const APP_EXPIRE_SECONDS = 3600;

export interface DuoKeys {
  /** Integration key (20 characters). */
  ikey: string;
  /** Secret key shared with Duo (40 characters). */
  skey: string;
  /** The application's own key, never sent to Duo (at least 40 characters). */
  akey: string;
}

/** What a signed value carries, once its signature and prefix are known good. */
export interface SignedValue {
  prefix: string;
  username: string;
  ikey: string;
  /** Epoch seconds. */
  expire: number;
}

const hmacSha1Hex = (key: string, message: string) => createHmac('sha1', key).update(message).digest('hex');

/** One signed value: `prefix|base64(username|ikey|expire)|hmac`. */
export function signValue(key: string, prefix: string, username: string, ikey: string, expire: number): string {
  const cookie = `${prefix}|${Buffer.from(`${username}|${ikey}|${expire}`, 'utf8').toString('base64')}`;
  return `${cookie}|${hmacSha1Hex(key, cookie)}`;
}

/** Why a signed value was refused (for error causes; never holds key material). */
export class DuoSignatureError extends Error {}

/**
 * Checks one signed value against `key` and `prefix`; returns what it carries. Throws
 * DuoSignatureError for anything else: wrong shape, HMAC, prefix or ikey, or expired at `nowMs`.
 */
export function parseValue(key: string, value: string, prefix: string, ikey: string, nowMs: number, options: { checkExpiry?: boolean } = {}): SignedValue {
  const parts = value.split('|');
  if (parts.length !== 3) throw new DuoSignatureError('malformed signed value');
  const [uPrefix = '', uB64 = '', uSig = ''] = parts;
  const expected = Buffer.from(hmacSha1Hex(key, `${uPrefix}|${uB64}`), 'utf8');
  const given = Buffer.from(uSig, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new DuoSignatureError('signature mismatch');
  if (uPrefix !== prefix) throw new DuoSignatureError(`expected a ${prefix} value`);
  const fields = Buffer.from(uB64, 'base64').toString('utf8').split('|');
  if (fields.length !== 3) throw new DuoSignatureError('malformed signed payload');
  const [username = '', uIkey = '', expireText = ''] = fields;
  if (uIkey !== ikey) throw new DuoSignatureError('wrong integration key');
  const expire = Number(expireText);
  if (!/^\d+$/.test(expireText) || !Number.isSafeInteger(expire)) throw new DuoSignatureError('malformed expiry');
  if (options.checkExpiry !== false && Math.floor(nowMs / 1000) >= expire) throw new DuoSignatureError('expired');
  return { prefix: uPrefix, username, ikey: uIkey, expire };
}

/** The application side: a sig_request for `username` at `nowMs`. `txKey` is the skey (a fault may pass another). */
export function signRequest(keys: DuoKeys, username: string, nowMs: number, txKey: string = keys.skey): string {
  if (username === '' || username.includes('|')) throw new DuoSignatureError('invalid username');
  const now = Math.floor(nowMs / 1000);
  const tx = signValue(txKey, TX_PREFIX, username, keys.ikey, now + DUO_EXPIRE_SECONDS);
  const app = signValue(keys.akey, APP_PREFIX, username, keys.ikey, now + APP_EXPIRE_SECONDS);
  return `${tx}:${app}`;
}

/** Splits `a:b` into its two parts; anything else is malformed. */
export function splitPair(value: string): [string, string] {
  const parts = value.split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new DuoSignatureError('expected two signed values separated by ":"');
  return [parts[0], parts[1]];
}

export interface VerifyOptions {
  /** Check the AUTH value's HMAC (off only under a fault). */
  checkAuth?: boolean;
  /** Check the APP value's HMAC (off only under a fault). */
  checkApp?: boolean;
  /** Check both expiries (off only under a fault). */
  checkExpiry?: boolean;
}

/**
 * The application side of `verify_response`: both values good and naming the same user; returns
 * that username. Throws DuoSignatureError otherwise.
 */
export function verifyResponse(keys: DuoKeys, sigResponse: string, nowMs: number, options: VerifyOptions = {}): string {
  const [auth, app] = splitPair(sigResponse);
  const checkExpiry = options.checkExpiry !== false;
  const authValue = options.checkAuth === false ? readUnchecked(auth, AUTH_PREFIX) : parseValue(keys.skey, auth, AUTH_PREFIX, keys.ikey, nowMs, { checkExpiry });
  const appValue = options.checkApp === false ? readUnchecked(app, APP_PREFIX) : parseValue(keys.akey, app, APP_PREFIX, keys.ikey, nowMs, { checkExpiry });
  if (authValue.username !== appValue.username) throw new DuoSignatureError('AUTH and APP values name different users');
  return authValue.username;
}

/** A value's payload without checking its HMAC (the faults that skip a check still need the username). */
function readUnchecked(value: string, prefix: string): SignedValue {
  const [uPrefix = '', uB64 = ''] = value.split('|');
  const [username = '', ikey = '', expire = '0'] = Buffer.from(uB64, 'base64').toString('utf8').split('|');
  return { prefix: uPrefix || prefix, username, ikey, expire: Number(expire) || 0 };
}
