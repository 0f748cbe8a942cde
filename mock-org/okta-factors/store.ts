/** The users and factors one mock org holds, in memory (the Users and Factors APIs' data). */

type UserStatus = 'STAGED' | 'PROVISIONED' | 'ACTIVE' | 'RECOVERY' | 'PASSWORD_EXPIRED' | 'LOCKED_OUT' | 'SUSPENDED' | 'DEPROVISIONED';
type FactorStatus = 'PENDING_ACTIVATION' | 'ACTIVE';

export interface UserProfile {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  [attribute: string]: string | null;
}

export interface StoredUser {
  id: string;
  status: UserStatus;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  profile: UserProfile;
  /** A secret: never returned, never logged. */
  password: string | null;
  /** Users API `credentials.recovery_question`: the question is public, the answer a secret. */
  recoveryQuestion?: { question: string; answer: string };
  /** Earlier passwords, newest first (the password policy's history). Secrets. */
  passwordHistory?: string[];
  /** The activation token `lifecycle/activate?sendEmail=false` issued, until A1 spends it. A secret. */
  activationToken?: string;
}

/** A factor as the org keeps it; `S` is its kind's private state (FactorKind<S>). */
export interface StoredFactor<S = unknown> {
  id: string;
  userId: string;
  factorType: string;
  provider: string;
  vendorName: string;
  status: FactorStatus;
  created: string;
  lastUpdated: string;
  /** The public profile, as returned. */
  profile: Record<string, unknown>;
  /** Factor-kind private state (secrets, counters); never returned. */
  secret: S;
}

/** What a factor kind reads of the store: factors, by user or by id. Kinds never write it: the routes store their drafts. */
export interface FactorReader {
  factorsOf(userId: string): StoredFactor[];
  factor(id: string): StoredFactor | undefined;
}

export class OrgStore implements FactorReader {
  readonly users = new Map<string, StoredUser>();
  readonly factors = new Map<string, StoredFactor>();

  findUser(idOrLogin: string): StoredUser | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId) return byId;
    const login = idOrLogin.toLowerCase();
    for (const user of this.users.values()) if (user.profile.login.toLowerCase() === login) return user;
    return undefined;
  }

  factor(id: string): StoredFactor | undefined {
    return this.factors.get(id);
  }

  factorsOf(userId: string): StoredFactor[] {
    return [...this.factors.values()].filter((f) => f.userId === userId);
  }

  deleteUser(userId: string): void {
    for (const factor of this.factorsOf(userId)) this.factors.delete(factor.id);
    this.users.delete(userId);
  }

  clear(): void {
    this.users.clear();
    this.factors.clear();
  }
}
