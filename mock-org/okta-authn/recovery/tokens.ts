import { randomBytes } from 'node:crypto';
import { OrgState } from '../../core/org-state.js';
import type { RecoveryFactor, RecoveryType } from '../transactions.js';

/**
 * Recovery tokens (spec §5.7): one-time, emailed (EMAIL recovery) or handed to a trusted application, exchanged for a
 * RECOVERY transaction at A18. Their lifetime is the org's security policy; the mock's is one hour.
 */
export const RECOVERY_TOKEN_LIFETIME_MS = 60 * 60_000;

interface RecoveryGrant {
  userId: string;
  recoveryType: RecoveryType;
  factor?: RecoveryFactor;
  expiresAtMs: number;
}

class RecoveryTokens {
  readonly #byToken = new Map<string, RecoveryGrant>();

  issue(grant: RecoveryGrant): string {
    const token = 'VBQ' + randomBytes(15).toString('base64url');
    this.#byToken.set(token, grant);
    return token;
  }

  /** The grant of a live token, spent unless `keep` (the `authn.recovery-token-reusable` fault). */
  redeem(token: string, nowMs: number, keep: boolean): RecoveryGrant | undefined {
    const grant = this.#byToken.get(token);
    if (!grant) return undefined;
    if (grant.expiresAtMs <= nowMs) {
      this.#byToken.delete(token);
      return undefined;
    }
    if (!keep) this.#byToken.delete(token);
    return grant;
  }

  clear(): void {
    this.#byToken.clear();
  }
}

export const RECOVERY_TOKENS = new OrgState(() => new RecoveryTokens(), (tokens) => tokens.clear());
