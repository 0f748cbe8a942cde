import type { FastifyRequest } from 'fastify';
import type { Routes } from '../core/org-routes.js';
import type { VirtualClock } from '../core/clock.js';
import type { FaultSwitches } from '../core/faults.js';
import type { OrgScope } from '../core/org-state.js';
import type { Outbox } from '../core/outbox.js';
import type { WindowThrottle } from '../core/throttle.js';
import type { Link } from './links.js';
import type { FactorPolicy } from './policy.js';
import type { FactorReader, OrgStore, StoredFactor, StoredUser } from './store.js';

/** The fault switches, as a kind reads them. */
export type FaultCheck = Pick<FaultSwitches, 'has'>;

/**
 * The services of an org the Factors API's modules use: the clock, the fault switches, the users and
 * factors, the outbox, named throttles, the factor policy, the sign-in origin, and `scope` for the
 * org-level state a module owns itself (`OrgState.of(scope)`: Custom TOTP profiles, token services,
 * YubiKey tokens). A kind sees them through its FactorContext, with the store read-only.
 */
export interface FactorServices {
  readonly clock: VirtualClock;
  readonly faults: FaultCheck;
  readonly store: OrgStore;
  readonly outbox: Outbox;
  readonly policy: FactorPolicy;
  /** `scheme://host[:port]` users sign in at (U2F appId, WebAuthn origin and RP ID). */
  readonly origin: string;
  readonly scope: OrgScope;
  /** The org's throttle of that name, made on first use, forgotten on reset. */
  throttle(name: string, limit: number, windowMs: number): WindowThrottle;
}

/** The services without the store: what helpers shared by a kind and its routes need. */
export type KindServices = Omit<FactorServices, 'store'>;

/** The Factors API's part of an org: its services and the factor kinds it implements. */
export interface FactorOrg extends FactorServices {
  readonly kinds: FactorKinds;
}

/** What a factor operation knows about its request. */
export interface RequestFacts {
  user: StoredUser;
  /** `http://host:port` of the request, for building links. */
  baseUrl: string;
  /** Query parameters of the request, as strings (`templateId`, `tokenLifetimeSeconds`, …). */
  query: Readonly<Record<string, string | undefined>>;
  /** Request headers, lower-cased (`accept-language`, `user-agent`, `x-forwarded-for`). */
  headers: Readonly<Record<string, string | undefined>>;
}

/**
 * A kind's view of one request: the request facts, the org's services with the store read-only (no
 * other user, no writes: the routes store the kind's drafts), and its own factors, typed.
 */
export interface FactorContext<S = unknown> extends KindServices, RequestFacts {
  readonly store: FactorReader;
  /** Every factor of this kind in the org (any user), with its state. */
  kindFactors(): StoredFactor<S>[];
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

export interface Enrollment<S> {
  factor: StoredFactor<S>;
  /** `_embedded.activation`, returned once, with the enroll response. */
  activation?: Record<string, unknown>;
  /** Factors the new one replaces (a pending enrollment of the same kind); deleted when it is stored. */
  replaces?: string[];
  /** Factors enrolled along with this one (Identity Engine: push brings Okta Verify TOTP and signed_nonce); stored with it. */
  companions?: StoredFactor[];
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

interface ProviderInfo {
  idPrefix: string;
  vendorName: string;
}

/**
 * One factor type's protocol (for the providers it lists), with `S` its factors' private state.
 * Methods that change a factor get a draft copy: the route stores it only when the method returns,
 * so a request that throws leaves the store as it was. The routes find a factor's kind by its
 * factorType and provider (FactorKinds), which is what makes its `secret` this kind's `S`.
 */
export interface FactorKind<S> {
  readonly factorType: string;
  /** provider → how its factors look. */
  readonly providers: Readonly<Record<string, ProviderInfo>>;
  /** `?activate=true` is honoured (sms, call, email, token:hotp); otherwise ignored. */
  readonly autoActivation?: boolean;
  enroll(ctx: FactorContext<S>, request: EnrollRequest, base: FactorBase): Enrollment<S>;
  /**
   * Activates a PENDING_ACTIVATION draft (set `draft.status = 'ACTIVE'` on success). Returns a response
   * to send instead of the factor (push answers with its activation object while waiting).
   */
  activate(ctx: FactorContext<S>, draft: StoredFactor<S>, body: Record<string, unknown>): KindResponse | void | Promise<KindResponse | void>;
  /** Verifies (or, without a passCode, challenges) an ACTIVE draft. Async for kinds that verify with WebCrypto (webauthn). */
  verify(ctx: FactorContext<S>, draft: StoredFactor<S>, body: Record<string, unknown>): VerifyOutcome | Promise<VerifyOutcome>;
  /**
   * `PUT …/factors/{id}`: change an enrolled factor. Undocumented, but live orgs answer it 200 with the factor
   * (terraform-provider-okta recordings change a question's question and answer this way); without it, 405.
   */
  update?(ctx: FactorContext<S>, draft: StoredFactor<S>, body: Record<string, unknown>): void;
  /** `POST …/resend` (sms, call, email): send the enrollment OTP again. */
  resend?(ctx: FactorContext<S>, draft: StoredFactor<S>, body: Record<string, unknown>): void;
  /** Links this kind adds to a factor in its current status (`resend`, `poll`, `questions`, …); `faults` for its fault switches. */
  links?(baseUrl: string, factor: StoredFactor<S>, faults: FaultCheck): Record<string, Link | Link[]>;
  /** Links this kind adds to its entry in the factor catalog and in an MFA_ENROLL list (question: `questions`). */
  catalogLinks?(baseUrl: string, userId: string): Record<string, Link>;
  /** The public profile as returned (default: the stored profile); undefined: none yet (a pending u2f or webauthn factor). */
  presentProfile?(factor: StoredFactor<S>): Record<string, unknown> | undefined;
  /** Ids of other factors that go with this one when it is unenrolled (push takes OKTA totp along). */
  unenrollsWith?(ctx: FactorContext<S>, factor: StoredFactor<S>): string[];
  /** Control protocol `push/{userId}/{factorId}`: the user's answer on the device. */
  respondToPush?(ctx: FactorContext<S>, factor: StoredFactor<S>, action: 'approve' | 'reject' | 'ignore'): void;
  /** What the Authentication API needs beyond enroll, activate, verify and resend (push: a device answers while the client polls). */
  readonly authn?: AuthnHooks<S>;
  /**
   * Routes of this kind's own (push transactions, security questions, YubiKey tokens); `ownFactor` finds
   * the request's factor when it is one of this kind (404 otherwise).
   */
  registerRoutes?(app: Routes, org: FactorOrg, ownFactor: OwnFactorLookup<S>): void;
}

/**
 * The parts of a kind's protocol the Authentication API drives differently from the Factors API (spec §5.4, §5.5).
 */
export interface AuthnHooks<S> {
  /** A device answers while the client polls the transaction, not a factor transaction URL (push). */
  device?: DeviceHooks<S>;
  /** A10 by factor type: one challenge that every one of the user's `drafts` of this kind answers (webauthn); the challenge object. */
  sharedChallenge?(ctx: FactorContext<S>, drafts: StoredFactor<S>[]): Record<string, unknown>;
}

export interface DeviceHooks<S> {
  /** A5: poll a pending activation the device completes, without restarting it; void once the draft is ACTIVE. */
  pollActivation(ctx: FactorContext<S>, draft: StoredFactor<S>): KindResponse | void;
  /** A10 while a challenge waits: the result of the newest challenge the last verify started. */
  pollChallenge(ctx: FactorContext<S>, draft: StoredFactor<S>): VerifyOutcome;
  /** A6/A7: send the activation link by email or sms. */
  sendActivation(ctx: FactorContext<S>, draft: StoredFactor<S>, channel: 'email' | 'sms', to: string): void;
}

export type FactorParams = { Params: { userId: string; factorId: string } };

/** The request's factor, of one kind, with that kind's context. */
interface OwnFactor<S> {
  factor: StoredFactor<S>;
  ctx: FactorContext<S>;
}

export type OwnFactorLookup<S> = (request: FastifyRequest<FactorParams>) => OwnFactor<S>;

/** The fields every new factor starts with; a kind fills in the rest. */
export type FactorBase = Pick<StoredFactor, 'id' | 'userId' | 'factorType' | 'provider' | 'vendorName' | 'created' | 'lastUpdated'>;

/**
 * The factor kinds one org implements, found by (factorType, provider). Built by the composition
 * root from a registry list and handed to the routes, which never import the kinds themselves.
 */
export class FactorKinds {
  readonly #byKey = new Map<string, FactorKind<unknown>>();
  /** factorType → the first kind registered for it. */
  readonly #byType = new Map<string, FactorKind<unknown>>();

  constructor(kinds: readonly FactorKind<unknown>[]) {
    for (const kind of kinds) {
      if (!this.#byType.has(kind.factorType)) this.#byType.set(kind.factorType, kind);
      for (const provider of Object.keys(kind.providers)) {
        const key = FactorKinds.#key(kind.factorType, provider);
        if (this.#byKey.has(key)) throw new Error(`two factor kinds for ${kind.factorType} (${provider})`);
        this.#byKey.set(key, kind);
      }
    }
  }

  static #key(factorType: string, provider: string): string {
    return `${factorType}\u0000${provider}`;
  }

  find(factorType: string, provider: string): FactorKind<unknown> | undefined {
    return this.#byKey.get(FactorKinds.#key(factorType, provider));
  }

  /**
   * The kind a stored factor belongs to. A factor of a provider the org does not implement (only the
   * `input.refused-enroll-persisted` fault stores one) belongs to its factorType's first kind.
   */
  of(factor: Pick<StoredFactor, 'factorType' | 'provider'>): FactorKind<unknown> | undefined {
    return this.find(factor.factorType, factor.provider) ?? this.#byType.get(factor.factorType);
  }

  hasFactorType(factorType: string): boolean {
    return this.#byType.has(factorType);
  }

  provider(factorType: string, provider: string): ProviderInfo | undefined {
    return this.find(factorType, provider)?.providers[provider];
  }

  /** Every (factorType, provider) the org implements, in registry order. */
  entries(): { factorType: string; provider: string }[] {
    return this.all().flatMap((kind) => Object.keys(kind.providers).map((provider) => ({ factorType: kind.factorType, provider })));
  }

  all(): FactorKind<unknown>[] {
    return [...new Set(this.#byKey.values())];
  }
}
