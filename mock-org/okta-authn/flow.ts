import type { Routes } from '../core/org-routes.js';
import type { FactorBase, FactorOrg } from '../okta-factors/kind.js';
import type { Link } from '../okta-factors/links.js';
import type { JsonObject } from '../core/input.js';
import type { StoredFactor, StoredUser } from '../okta-factors/store.js';
import type { AuthnTransaction } from './transactions.js';

/** What the Authentication API uses of its org: the Factors API's part (users, factors, kinds, policy, scope). */
export type AuthnOrg = FactorOrg;

/** What an Authentication API operation knows about its request. */
export interface AuthnContext {
  org: AuthnOrg;
  /** `http://host:port` of the request, for building links. */
  baseUrl: string;
  user: StoredUser;
  /** Query parameters (`autoPush`, `rememberDevice`) and lower-cased headers of the request, as strings. */
  query: Readonly<Record<string, string | undefined>>;
  headers: Readonly<Record<string, string | undefined>>;
  /** A draft copy of the transaction: the route stores it only when the operation returns. */
  transaction: AuthnTransaction;
}

/** A3's outcome: the new factor, the pending ones it replaces, and what to do once it is stored (send its OTP). */
export interface AuthnEnrollment {
  factor: StoredFactor;
  replaces?: string[];
  afterStore?: () => void;
}

/**
 * How one factor type (and provider) takes part in the Authentication API: enrollment in MFA_ENROLL,
 * activation in MFA_ENROLL_ACTIVATE, verification in MFA_REQUIRED / MFA_CHALLENGE (spec §5.4, §5.5).
 * Methods get drafts (transaction and factor) and set the next state on `ctx.transaction`; the routes
 * check the state and the factor first, store the drafts afterwards and answer with the transaction.
 * A flow reaching SUCCESS sets `ctx.transaction.status = 'SUCCESS'`; the route issues the sessionToken.
 */
export interface AuthnFactorFlow {
  readonly factorType: string;
  readonly provider: string;
  /** A3 in MFA_ENROLL: the new factor (`base` filled in), and the transaction's next state set. */
  enroll(ctx: AuthnContext, base: FactorBase, body: JsonObject): AuthnEnrollment;
  /** A4 `…/lifecycle/activate` in MFA_ENROLL_ACTIVATE; absent: the operation is not valid for this factor. */
  activate?(ctx: AuthnContext, factor: StoredFactor, body: JsonObject): void | Promise<void>;
  /** A5 `…/lifecycle/activate/poll` in MFA_ENROLL_ACTIVATE (asynchronous activations). */
  pollActivation?(ctx: AuthnContext, factor: StoredFactor, body: JsonObject): void;
  /** A10 `…/verify`: starts (MFA_REQUIRED, or another factor in MFA_CHALLENGE), answers or polls (MFA_CHALLENGE). */
  verify(ctx: AuthnContext, factor: StoredFactor, body: JsonObject): void | Promise<void>;
  /**
   * A10 by factor type (`…/factors/webauthn/verify`): without an assertion, one challenge for all the user's active
   * factors of the type (`drafts`); with one, verified by whichever factor it is for. Returns the drafts to store.
   */
  verifyByType?(ctx: AuthnContext, drafts: StoredFactor[], body: JsonObject): Promise<StoredFactor[]>;
  /** What the transaction shows beyond the factor at hand (verify by type: challengeType, the challenge, the factor list). */
  presentExtras?(ctx: AuthnContext): { head?: Record<string, unknown>; embedded?: Record<string, unknown> } | undefined;
  /** A8 `…/lifecycle/resend` (MFA_ENROLL_ACTIVATE) and A11 `…/verify/resend` (MFA_CHALLENGE). */
  resend?(ctx: AuthnContext, factor: StoredFactor, body: JsonObject): void | Promise<void>;
  /** A6/A7 `…/lifecycle/activate/{email|sms}`: the activation link by email or sms (push). */
  sendActivation?(ctx: AuthnContext, factor: StoredFactor, channel: 'email' | 'sms', body: JsonObject): void;
  /** Links of the transaction beyond next, prev and cancel while the factor is activated or verified (`resend`). */
  links?(ctx: AuthnContext, factor: StoredFactor): Record<string, Link | Link[]>;
  /** The factor's `_embedded` while it is being activated or verified (activation, verification, challenge objects). */
  factorEmbedded?(ctx: AuthnContext, factor: StoredFactor): Record<string, unknown> | undefined;
  /** The `next` link while it is being activated or verified. */
  next(ctx: AuthnContext, factor: StoredFactor): Link;
  /** Routes of the flow's own (Duo's callback). */
  registerRoutes?(app: Routes, org: AuthnOrg): void;
}
