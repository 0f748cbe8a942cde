import type { FastifyInstance } from 'fastify';
import type { MockOrg } from '../org.js';
import type { StoredFactor, StoredUser } from '../core/store.js';
import type { Link } from './links.js';

/** What a factor operation knows about its request. */
export interface FactorContext {
  org: MockOrg;
  user: StoredUser;
  /** `http://host:port` of the request, for building links. */
  baseUrl: string;
  /** Query parameters of the request, as strings (`templateId`, `tokenLifetimeSeconds`, …). */
  query: Readonly<Record<string, string | undefined>>;
  /** Request headers, lower-cased (`accept-language`, `user-agent`, `x-forwarded-for`). */
  headers: Readonly<Record<string, string | undefined>>;
}

/** The parts of an enroll request every factor kind shares, already type-checked. */
export interface EnrollRequest {
  factorType: string;
  provider: string;
  profile: Record<string, unknown> | undefined;
  verify: Record<string, unknown> | undefined;
  /** Top-level `factorProfileId` (token:hotp). */
  factorProfileId: string | undefined;
  /** `?activate=true` */
  activate: boolean;
  /** `?updatePhone=true` */
  updatePhone: boolean;
}

export interface Enrollment {
  factor: StoredFactor;
  /** `_embedded.activation`, returned once, with the enroll response. */
  activation?: Record<string, unknown>;
  /** Factors the new one replaces (a pending enrollment of the same kind); deleted when it is stored. */
  replaces?: string[];
  /** Runs once the enrollment is stored (send the activation OTP, …). */
  afterStore?: () => void;
}

/** A response a kind answers with directly (verify results, push activation/poll objects). */
export interface KindResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export type VerifyOutcome = KindResponse;

/**
 * One factor type's protocol. Methods that change a factor get a draft copy: the route stores
 * it only when the method returns, so a request that throws leaves the store as it was.
 */
export interface FactorKind {
  readonly factorType: string;
  /** provider → how its factors look. */
  readonly providers: Readonly<Record<string, { idPrefix: string; vendorName: string }>>;
  /** `?activate=true` is honoured (sms, call, email, token:hotp); otherwise ignored. */
  readonly autoActivation?: boolean;
  enroll(ctx: FactorContext, request: EnrollRequest, base: FactorBase): Enrollment;
  /**
   * Activates a PENDING_ACTIVATION draft (set `draft.status = 'ACTIVE'` on success). Returns a response
   * to send instead of the factor (push answers with its activation object while waiting).
   */
  activate(ctx: FactorContext, draft: StoredFactor, body: Record<string, unknown>): KindResponse | void | Promise<KindResponse | void>;
  /** Verifies (or, without a passCode, challenges) an ACTIVE draft. Async for kinds that verify with WebCrypto (webauthn). */
  verify(ctx: FactorContext, draft: StoredFactor, body: Record<string, unknown>): VerifyOutcome | Promise<VerifyOutcome>;
  /** `POST …/resend` (sms, call, email): send the enrollment OTP again. */
  resend?(ctx: FactorContext, draft: StoredFactor, body: Record<string, unknown>): void;
  /** Links this kind adds to a factor in its current status (`resend`, `poll`, `questions`, …); `org` for its fault switches. */
  links?(baseUrl: string, factor: StoredFactor, org: MockOrg): Record<string, Link | Link[]>;
  /** The public profile as returned (default: the stored profile); undefined: none yet (a pending u2f or webauthn factor). */
  presentProfile?(factor: StoredFactor): Record<string, unknown> | undefined;
  /** Ids of other factors that go with this one when it is unenrolled (push takes OKTA totp along). */
  unenrollsWith?(ctx: FactorContext, factor: StoredFactor): string[];
  /** Control protocol `push/{userId}/{factorId}`: the user's answer on the device. */
  respondToPush?(ctx: FactorContext, factor: StoredFactor, action: 'approve' | 'reject' | 'ignore'): void;
  /** Routes of this kind's own (push transactions, security questions, YubiKey tokens). */
  registerRoutes?(app: FastifyInstance, org: MockOrg): void;
}

/** The fields every new factor starts with; a kind fills in the rest. */
export type FactorBase = Pick<StoredFactor, 'id' | 'userId' | 'factorType' | 'provider' | 'vendorName' | 'created' | 'lastUpdated'>;
