import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { VirtualClock } from '../core/clock.js';
import type { OrgScope } from '../core/org-state.js';
import type { Outbox } from '../core/outbox.js';
import { WindowThrottle } from '../core/throttle.js';
import type { DuoAccountRef } from './duo-account.js';
import { THE_NETWORK, type ProviderNetwork } from './provider-network.js';
import type { IdentityNowFaultId } from './faults.js';

/** What the tenant borrows from the hosted org it lives beside: its clock, fault switches, outbox and reset. */
export interface TenantHost {
  readonly clock: VirtualClock;
  readonly faults: { has(id: IdentityNowFaultId): boolean };
  readonly outbox: Outbox;
  readonly scope: OrgScope;
  /** The org's admin (SSWS) token: it also guards the tenant's test hooks. */
  readonly apiToken: string;
}

/** The user levels the spec names (§2); ORG_ADMIN includes USER. */
export type UserLevel = 'ORG_ADMIN' | 'USER';

export interface Identity {
  id: string;
  /** `name` in spt_identity: the `userAlias` of token send and authenticate. */
  name: string;
  email: string;
  personalEmail?: string;
  phone?: string;
  work?: string;
}

/** An OAuth client: a PAT (with its owner) or an API client (no user context). */
export interface OAuthClient {
  id: string;
  /** sha256 of the secret: the secret itself is never kept. */
  secretHash: string;
  scopes: string[];
  authorities: UserLevel[];
  identityId: string | null;
  accessTokenValiditySeconds: number;
}

export interface MfaConfig {
  mfaMethod: 'okta-verify' | 'duo-web';
  enabled: boolean;
  host: string | null;
  accessKey: string | null;
  identityAttribute: string | null;
  /** Duo only. */
  configProperties?: Record<string, unknown> | null;
}

export interface KbaQuestionRecord {
  id: string;
  /** Text by locale ('' is the default locale). */
  text: { locale: string; text: string }[];
}

/** A salted hash of one KBA answer. */
interface StoredAnswer {
  salt: string;
  hash: string;
}

export interface Verification {
  requestId: string;
  method: 'okta-verify' | 'duo-web' | 'token';
  /** Okta Verify: the Okta transaction's poll URL and the API token to read it with. */
  oktaPoll?: { url: string; apiToken: string };
  /** Duo Web: the Auth API transaction of the push and the account it was sent through. */
  duoPush?: { account: DuoAccountRef; txid: string };
  /** A final status, when one is known without asking a provider. */
  status: 'PENDING' | 'SUCCESS' | 'FAILED';
}

export interface PendingCode {
  code: string;
  expiresAtMs: number;
  failures: number;
  requestId: string;
}

/** 100 requests per 10 s per client and API version (§3.1, [DR]). */
const RATE_LIMIT = 100;
const RATE_WINDOW_MS = 10_000;
/** KBA (§9 item 17): answers needed, failures before lockout, their window and the lockout's length. */
export const KBA_REQUIRED = 2;
export const KBA_MAX_FAILURES = 5;
export const KBA_FAILURE_WINDOW_MS = 5 * 60_000;
export const KBA_LOCKOUT_MS = 15 * 60_000;
/** Token codes (§9 item 16): six digits, five minutes, five failures. */
export const CODE_LIFETIME_MS = 5 * 60_000;
export const CODE_MAX_FAILURES = 5;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export const newRequestId = (): string => randomBytes(16).toString('hex');

/**
 * One IdentityNow tenant: its OAuth clients and identities (configuration, kept by reset), its MFA
 * configurations, KBA answers, one-time codes and verifications (state, forgotten by reset).
 */
export class IdentityNowTenant {
  readonly clients = new Map<string, OAuthClient>();
  readonly identities = new Map<string, Identity>();
  /** HS256 key of this tenant's JWTs (§9 item 26). */
  readonly signingKey = randomBytes(32);
  readonly tenantId = randomUUID();
  readonly questions: KbaQuestionRecord[] = [
    { id: '143cfd3b-c23f-426b-ae5f-d3db06fa5919', text: [{ locale: '', text: 'What is the name of your first pet?' }, { locale: 'de', text: 'Wie hieß Ihr erstes Haustier?' }] },
    { id: '173421', text: [{ locale: '', text: 'What is your alphanumeric PIN?' }, { locale: 'de', text: 'Wie lautet Ihre alphanumerische PIN?' }] },
    { id: '173422', text: [{ locale: '', text: 'In which city were you born?' }, { locale: 'de', text: 'In welcher Stadt wurden Sie geboren?' }] },
  ];
  configs = new Map<MfaConfig['mfaMethod'], MfaConfig>();
  /** identity id → question id → answer hash. */
  answers = new Map<string, Map<string, StoredAnswer>>();
  /** identity id → failure times and the end of a lockout. */
  kbaFailures = new Map<string, { atMs: number[]; lockedUntilMs: number }>();
  /** `${userAlias}|${deliveryType}` → the latest code sent. */
  codes = new Map<string, PendingCode>();
  verifications = new Map<string, Verification>();
  limits = new WindowThrottle(RATE_LIMIT, RATE_WINDOW_MS);
  /** The default client the host announces: a PAT of an ORG_ADMIN with sp:scopes:all. */
  readonly adminClient: { clientId: string; clientSecret: string; identityId: string };
  readonly #secretObservers: ((secret: string) => void)[] = [];

  constructor(
    readonly host: TenantHost,
    /** How the providers its configurations point at are reached (an embedded run's beside it, or over HTTP). */
    readonly network: ProviderNetwork = THE_NETWORK,
  ) {
    const admin = this.addIdentity({ name: 'mfa.admin', email: 'mfa.admin@example.com' });
    this.adminClient = { ...this.addClient({ scopes: ['sp:scopes:all'], authorities: ['ORG_ADMIN'], identityId: admin.id }), identityId: admin.id };
    host.scope.onReset(() => this.reset());
  }

  /** The harness's secret-leak test watches every secret the tenant is given or hands out (client secrets, keys, answers, codes, JWTs). */
  observeSecrets(observer: (secret: string) => void): void {
    this.#secretObservers.push(observer);
    observer(this.adminClient.clientSecret);
  }

  noteSecret(secret: string): void {
    for (const observer of this.#secretObservers) observer(secret);
  }

  addIdentity(identity: Omit<Identity, 'id'>): Identity {
    const stored: Identity = { id: randomBytes(16).toString('hex'), ...identity };
    this.identities.set(stored.id, stored);
    return stored;
  }

  addClient(spec: { scopes: string[]; authorities: UserLevel[]; identityId: string | null; accessTokenValiditySeconds?: number }): {
    clientId: string;
    clientSecret: string;
  } {
    const clientId = randomBytes(16).toString('hex');
    const clientSecret = randomBytes(32).toString('hex');
    this.noteSecret(clientSecret);
    this.clients.set(clientId, {
      id: clientId,
      secretHash: hashSecret(clientSecret),
      scopes: spec.scopes,
      authorities: spec.authorities,
      identityId: spec.identityId,
      accessTokenValiditySeconds: spec.accessTokenValiditySeconds ?? 750,
    });
    return { clientId, clientSecret };
  }

  identityByName(name: string): Identity | undefined {
    return [...this.identities.values()].find((identity) => identity.name === name);
  }

  /** Stores an answer as a salted hash (the issue: answers stored hashed). */
  static hashAnswer(answer: string, salt = randomBytes(16).toString('hex')): StoredAnswer {
    return { salt, hash: createHash('sha256').update(salt).update(answer.trim()).digest('hex') };
  }

  now(): number {
    return this.host.clock.now();
  }

  reset(): void {
    this.configs = new Map();
    this.answers = new Map();
    this.kbaFailures = new Map();
    this.codes = new Map();
    this.verifications = new Map();
    this.limits = new WindowThrottle(RATE_LIMIT, RATE_WINDOW_MS);
  }
}
