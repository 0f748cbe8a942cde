import { OrgState } from '../core/org-state.js';
import { randomBytes } from 'node:crypto';
import type { AuthnState } from '../../requirements/authn-transitions.js';

/**
 * Authentication API transactions (spec §5): one per stateToken, in memory, on the org's virtual clock.
 *
 * The stateToken's lifetime slides: every request that presents it moves `expiresAt` forward. Okta documents the
 * sliding but no number (spec §5.7, §11); the mock picks five minutes, and checks read `expiresAt` instead.
 */
export const STATE_TOKEN_LIFETIME_MS = 5 * 60_000;
/** The sessionToken of a SUCCESS lives five minutes (spec §5.7). */
export const SESSION_TOKEN_LIFETIME_MS = 5 * 60_000;

/** The twelve states of spec §5.3, as the transition table (requirements/authn-transitions.ts) names them. */
export type AuthnStatus = AuthnState;

/** Why a recovery transaction exists (spec §5.2). */
export type RecoveryType = 'PASSWORD' | 'UNLOCK' | 'ACCOUNT_ACTIVATION';
/** The channel a recovery challenge went through (A12/A13 `factorType`). */
export type RecoveryFactor = 'EMAIL' | 'SMS' | 'CALL';

export type AuthnFactorResult = 'CHALLENGE' | 'WAITING' | 'CANCELLED' | 'ERROR' | 'PASSCODE_REPLAYED' | 'TIMEOUT' | 'TIME_WINDOW_EXCEEDED' | 'REJECTED';

export interface AuthnTransaction {
  readonly stateToken: string;
  readonly userId: string;
  status: AuthnStatus;
  /** Epoch ms; moved forward by every request that presents the token. */
  expiresAtMs: number;
  /** The factor being activated (MFA_ENROLL_ACTIVATE) or verified (MFA_CHALLENGE). */
  factorId?: string;
  factorResult?: AuthnFactorResult;
  /** The factor flow's own state for `factorId` (Duo: the sig_request it issued, whether Duo called back). */
  flow?: Record<string, unknown>;
  /** Recovery transactions: what is recovered and through which channel. */
  recoveryType?: RecoveryType;
  recoveryFactor?: RecoveryFactor;
  /** A1 `options` the transaction was started with. */
  warnBeforePasswordExpired?: boolean;
  multiOptionalFactorEnroll?: boolean;
  /** A1 / A12 `relayState`, handed back by the transaction. */
  relayState?: string;
  /** RECOVERY_CHALLENGE by SMS / CALL: the code sent and when. A secret, never presented. */
  recoveryCode?: { code: string; sentAtMs: number };
}

/** What a new transaction may carry from the request that started it. */
export type TransactionExtras = Pick<AuthnTransaction, 'recoveryType' | 'recoveryFactor' | 'warnBeforePasswordExpired' | 'multiOptionalFactorEnroll' | 'relayState'>;

class AuthnTransactions {
  readonly #byToken = new Map<string, AuthnTransaction>();

  /** A new transaction in `status`, its token valid for the sliding lifetime from `nowMs`. */
  start(userId: string, status: AuthnStatus, nowMs: number, extra: TransactionExtras = {}): AuthnTransaction {
    const transaction: AuthnTransaction = { ...extra, stateToken: newStateToken(), userId, status, expiresAtMs: nowMs + STATE_TOKEN_LIFETIME_MS };
    this.#byToken.set(transaction.stateToken, transaction);
    return transaction;
  }

  /** The stored transaction for a token, expired or not (callers decide; see authn/context.ts). */
  get(stateToken: string): AuthnTransaction | undefined {
    return this.#byToken.get(stateToken);
  }

  /** Stores a draft back (routes work on copies, so a refused request changes nothing). */
  save(transaction: AuthnTransaction): void {
    if (this.#byToken.has(transaction.stateToken)) this.#byToken.set(transaction.stateToken, transaction);
  }

  /** Ends a transaction: its token is unknown from now on (cancel, SUCCESS). */
  revoke(stateToken: string): void {
    this.#byToken.delete(stateToken);
  }

  clear(): void {
    this.#byToken.clear();
  }
}

/** Okta's state tokens are 42 URL-safe characters starting with `00` (spec §5.7: `01…` would be an IDX token). */
function newStateToken(): string {
  return '00' + randomBytes(30).toString('base64url');
}

/** A one-time session token, as SUCCESS carries it. */
export function newSessionToken(): string {
  return '20111' + randomBytes(39).toString('base64url');
}

/** The org's Authentication API transactions, by stateToken; forgotten on reset. */
export const AUTHN_TRANSACTIONS = new OrgState(() => new AuthnTransactions(), (transactions) => transactions.clear());
