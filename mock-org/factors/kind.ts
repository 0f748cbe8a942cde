import type { MockOrg } from '../org.js';
import type { StoredFactor, StoredUser } from '../store.js';

/** What a factor operation knows about its request. */
export interface FactorContext {
  org: MockOrg;
  user: StoredUser;
  /** `https://host:port` of the request, for building links. */
  baseUrl: string;
}

/** The parts of an enroll request every factor kind shares, already type-checked. */
export interface EnrollRequest {
  factorType: string;
  provider: string;
  profile: Record<string, unknown> | undefined;
  verify: Record<string, unknown> | undefined;
  /** `?activate=true` */
  activate: boolean;
}

export interface Enrollment {
  factor: StoredFactor;
  /** `_embedded.activation`, returned once, with the enroll response. */
  activation?: Record<string, unknown>;
  /** Factors the new one replaces (a pending enrollment of the same kind). */
  replaces?: string[];
}

export interface VerifyOutcome {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One factor type's protocol. Each method validates everything before it changes anything,
 * so a bad request leaves the store as it was.
 */
export interface FactorKind {
  readonly factorType: string;
  /** provider → how its factors look. */
  readonly providers: Readonly<Record<string, { idPrefix: string; vendorName: string }>>;
  enroll(ctx: FactorContext, request: EnrollRequest, base: FactorBase): Enrollment;
  activate(ctx: FactorContext, factor: StoredFactor, body: Record<string, unknown>): void;
  verify(ctx: FactorContext, factor: StoredFactor, body: Record<string, unknown>): VerifyOutcome;
}

/** The fields every new factor starts with; a kind fills in the rest. */
export type FactorBase = Pick<StoredFactor, 'id' | 'userId' | 'factorType' | 'provider' | 'vendorName' | 'created' | 'lastUpdated'>;
