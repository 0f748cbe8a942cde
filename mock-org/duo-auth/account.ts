import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { randomAlphanumeric } from '../core/ids.js';
import { OrgState } from '../core/org-state.js';

/**
 * One Duo account per org: its integrations (an Auth API and an Admin API integration, each an
 * integration key and secret key) and what they manage: users, phones, hardware tokens, bypass
 * codes, Auth API transactions and the authentication log (spec §3, §4).
 */

export type DuoUserStatus = 'active' | 'bypass' | 'disabled' | 'locked out';

export interface DuoUser {
  user_id: string;
  username: string;
  realname: string;
  email: string;
  notes: string;
  status: DuoUserStatus;
  created: number;
  last_login: number | null;
  phoneIds: string[];
  tokenIds: string[];
  /** Consecutive failed attempts (lockout at LOCKOUT_THRESHOLD). */
  failures: number;
}

export interface DuoPhone {
  phone_id: string;
  number: string;
  extension: string;
  name: string;
  type: 'Mobile' | 'Landline' | 'Unknown';
  platform: string;
  activated: boolean;
  sms_passcodes_sent: boolean;
  userIds: string[];
  /** The pending Duo Mobile activation (code and expiry, epoch ms). */
  activation?: { code: string; expiresAtMs: number };
  /** The SMS passcodes sent and not yet used. */
  smsPasscodes: string[];
}

export interface DuoToken {
  token_id: string;
  type: 'h6' | 'h8' | 't6' | 't8' | 'yk';
  serial: string;
  secret: Buffer;
  /** The next HOTP counter value the token is expected to show. */
  counter: number;
  totp_step: number | null;
  userIds: string[];
}

export interface DuoBypassCode {
  bypass_code_id: string;
  user_id: string;
  code: string;
  created: number;
  /** Unix seconds, or null for never. */
  expiration: number | null;
  /** Uses left; 0 means unlimited. */
  reuse_count: number;
}

export type DuoLogFactor = 'duo_push' | 'phone_call' | 'hardware_token' | 'bypass_code' | 'sms_passcode' | 'passcode' | 'not_available';

/** A push or phone call waiting for the user's answer. */
export interface DuoTransaction {
  txid: string;
  user_id: string;
  device: string;
  factor: 'duo_push' | 'phone_call';
  result: 'waiting' | 'allow' | 'deny';
  status: string;
  status_msg: string;
  expiresAtMs: number;
  /** Resolves synchronous /auth calls once the transaction ends. */
  settled: Promise<void>;
  settle: () => void;
  ipaddr: string;
}

export interface DuoLogEntry {
  txid: string;
  timestampMs: number;
  user_id: string;
  username: string;
  factor: DuoLogFactor;
  result: 'success' | 'denied' | 'fraud';
  reason: string;
  ipaddr: string;
  device: string;
}

export interface DuoIntegration {
  ikey: string;
  skey: string;
}

export class DuoAccount {
  /** The Auth API integration. */
  readonly auth: DuoIntegration = newIntegration();
  /** The Admin API integration (also signs the control protocol on the Duo host). */
  readonly admin: DuoIntegration = newIntegration();
  readonly users = new Map<string, DuoUser>();
  readonly phones = new Map<string, DuoPhone>();
  readonly tokens = new Map<string, DuoToken>();
  readonly bypassCodes = new Map<string, DuoBypassCode>();
  readonly transactions = new Map<string, DuoTransaction>();
  readonly log: DuoLogEntry[] = [];
  /** Activation codes Duo Mobile claimed (for /enroll_status): code → user_id. */
  readonly claimed = new Map<string, string>();

  userByName(username: string): DuoUser | undefined {
    for (const user of this.users.values()) if (user.username === username) return user;
    return undefined;
  }

  clear(): void {
    for (const map of [this.users, this.phones, this.tokens, this.bypassCodes, this.transactions, this.claimed]) map.clear();
    this.log.length = 0;
  }
}

/** Each org's Duo account; its keys survive a reset, its data does not. */
export const DUO_ACCOUNT = new OrgState(
  () => new DuoAccount(),
  (account) => account.clear(),
);

function newIntegration(): DuoIntegration {
  return { ikey: 'DI' + randomAlphanumeric(18).toUpperCase(), skey: randomAlphanumeric(40) };
}

/** Duo's object ids: a two-letter type prefix and 18 upper-case alphanumerics (`DU…`, `DP…`, `DH…`). */
export function duoId(prefix: 'DU' | 'DP' | 'DH' | 'DB'): string {
  return prefix + randomAlphanumeric(18).toUpperCase();
}

export const newTxid = (): string => randomUUID();

/** A 9-digit bypass code (leading zeros occur). */
export function newBypassCode(): string {
  return String(randomInt(0, 1_000_000_000)).padStart(9, '0');
}

export const newActivationCode = (): string => randomBytes(15).toString('base64url');
