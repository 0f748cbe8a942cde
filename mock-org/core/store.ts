/** What one mock org holds, in memory. */

type UserStatus = 'STAGED' | 'PROVISIONED' | 'ACTIVE' | 'SUSPENDED' | 'DEPROVISIONED';
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
}

export interface StoredFactor {
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
  secret: Record<string, unknown>;
}

/** A YubiKey OTP token the org uploaded (spec §8). Its status follows from `assignment` (see mock-org/yubikey-tokens.ts). */
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

export class OrgStore {
  readonly users = new Map<string, StoredUser>();
  readonly factors = new Map<string, StoredFactor>();
  readonly yubikeyTokens = new Map<string, StoredYubikeyToken>();

  findUser(idOrLogin: string): StoredUser | undefined {
    const byId = this.users.get(idOrLogin);
    if (byId) return byId;
    const login = idOrLogin.toLowerCase();
    for (const user of this.users.values()) if (user.profile.login.toLowerCase() === login) return user;
    return undefined;
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
    this.yubikeyTokens.clear();
  }
}
