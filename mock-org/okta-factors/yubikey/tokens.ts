import { timingSafeEqual } from 'node:crypto';
import { OktaError, invalidPasscode, validationFailed } from '../../core/errors.js';
import { factorUrl, link, userUrl } from '../links.js';
import { optionalString, type JsonObject } from '../../core/input.js';
import type { FactorContext, FactorServices } from '../kind.js';
import { presentUser } from '../users.js';
import { decodeHex } from '../../core/secret-encoding.js';
import { OrgState } from '../../core/org-state.js';
import type { StoredUser } from '../store.js';
import { decryptOtpBlock, isModhex, splitOtp } from './yubico-otp.js';

/** The org's YubiKey OTP tokens (spec §8): what an upload must hold, how a token looks, how its OTPs are checked. */

/** A YubiKey OTP token the org uploaded (spec §8). Its status follows from `assignment` (see tokenStatus). */
export interface StoredYubikeyToken {
  id: string;
  /** Zero-padded to 12 digits, as returned in `profile.serial`. */
  serial: string;
  /** Modhex, lower case. */
  publicId: string;
  /** Secrets: never returned, never logged. */
  privateId: Uint8Array;
  aesKey: Uint8Array;
  created: string;
  lastUpdated: string;
  lastVerified: string;
  activated: string | null;
  /** The user factor the token is enrolled as; it is assigned while that factor exists. */
  assignment: { userId: string; factorId: string } | null;
  /** The highest OTP counter accepted so far (usage counter × 256 + session counter), -1 before any. */
  lastCounter: number;
  /** The last OTP accepted (the `yubikey.counter-not-checked` fault still refuses that exact string again). */
  lastOtp: string | null;
}

/** What token checks read of the org: a kind's context, or the token routes' services. */
type TokenReader = Pick<FactorContext, 'faults' | 'store' | 'scope'>;

/** The org's uploaded tokens by id; forgotten on reset. */
export const YUBIKEY_TOKENS = new OrgState(() => new Map<string, StoredYubikeyToken>(), (tokens) => tokens.clear());

export const TOKENS_PATH = '/api/v1/org/factors/yubikey_token/tokens';
export const SERIAL_DIGITS = 12;
const UPLOAD = 'uploadYubikeyOtpTokenSeed';

export type TokenStatus = 'ACTIVE' | 'UNASSIGNED';

/** [E] E0000102: an assigned token cannot be deleted. */
export const assignedTokenNotDeletable = () =>
  new OktaError(403, 'E0000102', 'YubiKey cannot be deleted while assigned to an user. Please deactivate YubiKey using reset MFA and try again');

/** The user factor the token is enrolled as, while that factor exists and is active. */
function assignedFactor(org: TokenReader, token: StoredYubikeyToken) {
  const factor = token.assignment ? org.store.factor(token.assignment.factorId) : undefined;
  return factor && factor.status === 'ACTIVE' && factor.userId === token.assignment?.userId ? factor : undefined;
}

/**
 * ACTIVE while a user's factor holds the token, UNASSIGNED otherwise: unenrolling the factor
 * (its `deactivate` link) frees the token again. REVOKED/BLOCKED/… have no documented trigger.
 */
export function tokenStatus(org: TokenReader, token: StoredYubikeyToken): TokenStatus {
  if (org.faults.has('yubikey.token-status-not-updated')) return 'UNASSIGNED';
  return assignedFactor(org, token) ? 'ACTIVE' : 'UNASSIGNED';
}

export function assignedUser(org: FactorServices, token: StoredYubikeyToken): StoredUser | undefined {
  const factor = assignedFactor(org, token);
  return factor ? org.store.users.get(factor.userId) : undefined;
}

export const shownSerial = (org: TokenReader, token: StoredYubikeyToken) =>
  org.faults.has('yubikey.serial-not-padded') ? token.serial.replace(/^0+(?=\d)/, '') : token.serial;

export function presentToken(org: FactorServices, baseUrl: string, token: StoredYubikeyToken, options: { expandUser?: boolean } = {}): JsonObject {
  const self = `${baseUrl}${TOKENS_PATH}/${token.id}`;
  const status = tokenStatus(org, token);
  const factor = status === 'ACTIVE' ? assignedFactor(org, token) : undefined;
  const profile: JsonObject = { serial: shownSerial(org, token) };
  if (org.faults.has('yubikey.secrets-echoed')) {
    profile.privateId = Buffer.from(token.privateId).toString('hex');
    profile.aesKey = Buffer.from(token.aesKey).toString('hex');
  }
  const view: JsonObject = {
    id: token.id,
    created: token.created,
    ...(token.activated ? { activated: token.activated } : {}),
    lastVerified: token.lastVerified,
    lastUpdated: token.lastUpdated,
    status,
    profile,
    _links: factor
      ? {
          self: link(self, ['GET']),
          user: link(userUrl(baseUrl, factor.userId), ['GET']),
          deactivate: link(factorUrl(baseUrl, factor), ['DELETE']),
        }
      : { self: link(self, ['GET', 'DELETE']) },
  };
  const user = options.expandUser && !org.faults.has('yubikey.expand-user-ignored') ? assignedUser(org, token) : undefined;
  if (user) view._embedded = { user: presentUser(baseUrl, user) };
  return view;
}

function uploadField(body: JsonObject, key: string): string {
  return optionalString(body, key, { required: true, maxLength: 64, subject: UPLOAD }) as string;
}

/** Reads and checks an upload body; nothing is stored here. */
export function parseUpload(org: FactorServices, body: JsonObject): Pick<StoredYubikeyToken, 'serial' | 'publicId' | 'privateId' | 'aesKey'> {
  const serialNumber = uploadField(body, 'serialNumber');
  const publicId = uploadField(body, 'publicId').toLowerCase();
  const privateId = uploadField(body, 'privateId');
  const aesKey = uploadField(body, 'aesKey');
  const lax = org.faults.has('yubikey.upload-unvalidated');
  const causes: string[] = [];
  if (!/^\d{1,12}$/.test(serialNumber)) causes.push(`serialNumber: must be 1 to ${SERIAL_DIGITS} decimal digits`);
  // A public id is up to 16 bytes of modhex; YubiKeys ship with 6 (12 characters).
  if (!lax && (!isModhex(publicId) || publicId.length > 32)) causes.push('publicId: must be modhex (cbdefghijklnrtuv), 2 to 32 characters');
  const privateBytes = decodeHex(privateId);
  if (!lax && privateBytes?.byteLength !== 6) causes.push('privateId: must be 12 hexadecimal characters');
  const keyBytes = decodeHex(aesKey);
  if (!lax && keyBytes?.byteLength !== 16) causes.push('aesKey: must be 32 hexadecimal characters');
  if (causes.length > 0) throw validationFailed(UPLOAD, causes);

  const serial = serialNumber.padStart(SERIAL_DIGITS, '0');
  const tokens = [...YUBIKEY_TOKENS.of(org.scope).values()];
  if (tokens.some((t) => t.serial === serial) && !org.faults.has('yubikey.duplicate-serial-accepted')) {
    throw validationFailed(UPLOAD, ['serialNumber: A YubiKey with this serial number has already been uploaded']);
  }
  if (tokens.some((t) => t.publicId === publicId)) {
    throw validationFailed(UPLOAD, ['publicId: A YubiKey with this public id has already been uploaded']);
  }
  return {
    serial,
    publicId,
    privateId: privateBytes?.byteLength === 6 ? privateBytes : new Uint8Array(6),
    aesKey: keyBytes?.byteLength === 16 ? keyBytes : new Uint8Array(16),
  };
}

function findTokenByPublicId(org: TokenReader, publicId: string): StoredYubikeyToken | undefined {
  for (const token of YUBIKEY_TOKENS.of(org.scope).values()) if (token.publicId === publicId) return token;
  return undefined;
}

/** A checked OTP: apply `commit()` once the request has nothing left to refuse. */
export interface AcceptedOtp {
  token: StoredYubikeyToken;
  commit(nowIso: string): void;
}

const samePrivateId = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && timingSafeEqual(a, b);

/**
 * Checks a Yubico OTP against `token` (decrypt, CRC, private id, counters); throws 403 E0000068
 * for any OTP that is not a fresh one of that token. Changes nothing until `commit()`.
 */
export function checkOtp(org: TokenReader, token: StoredYubikeyToken, otp: string): AcceptedOtp {
  const parts = splitOtp(otp);
  if (!parts || parts.publicId !== token.publicId) throw invalidPasscode();
  const plain = decryptOtpBlock(parts.ciphertext, token.aesKey);
  if (!plain.crcOk && !org.faults.has('yubikey.crc-not-checked')) throw invalidPasscode();
  if (!samePrivateId(plain.privateId, token.privateId) && !org.faults.has('yubikey.private-id-not-checked')) throw invalidPasscode();

  // One number that only grows for fresh OTPs: the usage counter, then the session counter.
  const sessionIgnored = org.faults.has('yubikey.session-counter-ignored');
  const value = plain.usageCounter * 256 + (sessionIgnored ? 0 : plain.sessionCounter);
  const last = sessionIgnored && token.lastCounter >= 0 ? Math.floor(token.lastCounter / 256) * 256 : token.lastCounter;
  const normalised = otp.trim().toLowerCase();
  if (org.faults.has('yubikey.counter-not-checked')) {
    if (normalised === token.lastOtp) throw invalidPasscode();
  } else if (org.faults.has('yubikey.allow-replay') ? value < last : value <= last) {
    throw invalidPasscode();
  }
  return {
    token,
    commit(nowIso) {
      token.lastCounter = Math.max(last, value);
      token.lastOtp = normalised;
      token.lastVerified = nowIso;
    },
  };
}

/** The token an OTP names by its public id, or 403 E0000068. */
export function tokenOfOtp(org: TokenReader, otp: string): StoredYubikeyToken {
  const parts = splitOtp(otp);
  const token = parts ? findTokenByPublicId(org, parts.publicId) : undefined;
  if (!token) throw invalidPasscode();
  return token;
}
