import { randomBytes } from 'node:crypto';
import { DuoIntegration } from './okta-authn/duo/integration.js';
import { AuthnTransactions } from './okta-authn/transactions.js';
import { VirtualClock } from './core/clock.js';
import { defaultFactorProfiles } from './okta-factors/custom-totp/profiles.js';
import { FACTOR_KINDS } from './okta-factors/registry.js';
import { FaultSwitches } from './core/faults.js';
import { FAULT_CATALOG, type FaultId } from './faults.js';
import { Outbox } from './core/outbox.js';
import { FactorPolicy } from './okta-factors/policy.js';
import { OrgStore } from './core/store.js';
import { WindowThrottle } from './core/throttle.js';
import { TokenServices } from './okta-factors/token-service/services.js';

export interface MockOrgConfig {
  /** The SSWS API token; random when not given. */
  apiToken?: string;
  /** Faults switched on from the start. */
  faults?: readonly string[];
  /** The real clock the virtual one starts from (tests pass a fixed function). */
  clockBase?: () => number;
  /**
   * The origin the org's users sign in at: the U2F appId and the WebAuthn origin (its host is the RP ID).
   * The mock listens on http://127.0.0.1, which browsers (and FIDO clients) refuse, so it has one of its own.
   */
  origin?: string;
}

/** The origin a mock org has unless told otherwise. */
export const DEFAULT_ORIGIN = 'https://mock-org.example';

/** Requests per endpoint bucket per minute: Okta publishes per-endpoint limits; this is a generous one. */
export const API_BUCKET_LIMIT = 600;

/** One org: its clock, what it stores, its faults, outbox, policy, rate limits and API token. No HTTP here. */
export class MockOrg {
  readonly clock: VirtualClock;
  readonly store = new OrgStore();
  readonly faults = new FaultSwitches<FaultId>(FAULT_CATALOG);
  readonly outbox = new Outbox();
  readonly policy = new FactorPolicy(
    [...FACTOR_KINDS.values()].flatMap((kind) =>
      Object.keys(kind.providers).map((provider) => ({ factorType: kind.factorType, provider, enrollment: 'OPTIONAL' as const })),
    ),
  );
  /** The API's per-endpoint buckets (X-Rate-Limit-* on every response). */
  apiLimits = new WindowThrottle(API_BUCKET_LIMIT, 60_000);
  /** Throttles the factor kinds keep (by name), so that reset() forgets them all. */
  readonly throttles = new Map<string, WindowThrottle>();
  /** Authentication API transactions, by stateToken (mock-org/okta-authn/). */
  readonly transactions = new AuthnTransactions();
  /** The org's Duo Web integration (keys and API host): org configuration, kept across reset(). */
  readonly duo = new DuoIntegration();
  /** Custom TOTP factor profiles (token:hotp): org configuration, kept across reset(). */
  readonly factorProfiles = defaultFactorProfiles();
  /** The simulated Symantec VIP and RSA SecurID services and the credentials they know. */
  readonly tokenServices = new TokenServices();
  readonly apiToken: string;
  /** `userId factorType provider` of every factor unenrolled (only the lifecycle.reenroll-refused fault looks). */
  readonly unenrolled = new Set<string>();
  /** A read-only administrator's token: reads are served, writes are 403 E0000006. */
  readonly readOnlyToken: string;
  /** `scheme://host[:port]` of the org (see MockOrgConfig.origin). */
  readonly origin: string;

  constructor(config: MockOrgConfig = {}) {
    this.clock = new VirtualClock(config.clockBase);
    this.apiToken = config.apiToken ?? '00' + randomBytes(30).toString('base64url');
    this.readOnlyToken = '00' + randomBytes(30).toString('base64url');
    this.origin = new URL(config.origin ?? DEFAULT_ORIGIN).origin;
    this.faults.apply(config.faults ?? []);
  }

  /** The org's throttle of that name, made on first use. */
  throttle(name: string, limit: number, windowMs: number): WindowThrottle {
    let throttle = this.throttles.get(name);
    if (!throttle) {
      throttle = new WindowThrottle(limit, windowMs);
      this.throttles.set(name, throttle);
    }
    return throttle;
  }

  /** Forgets users, factors, messages, throttles, policy changes and faults; the clock keeps its time. */
  reset(): void {
    this.store.clear();
    this.faults.clear();
    this.outbox.clear();
    this.policy.reset();
    this.throttles.clear();
    this.transactions.clear();
    this.tokenServices.clear();
    this.unenrolled.clear();
    this.apiLimits = new WindowThrottle(API_BUCKET_LIMIT, 60_000);
  }
}
