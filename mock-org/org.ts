import { randomBytes } from 'node:crypto';
import { VirtualClock } from './core/clock.js';
import { FaultSwitches } from './core/faults.js';
import { FAULT_CATALOG, type FaultId } from './faults.js';
import { VARIANT_CATALOG, type VariantId } from './variants.js';
import { OrgScope } from './core/org-state.js';
import { Outbox } from './core/outbox.js';
import { WindowThrottle } from './core/throttle.js';
import { telephonyHookDelivery } from './telephony-hook/deliver.js';
import { ServiceApps, type ServiceAppRegistration } from './okta-oauth/service-apps.js';
import { oktaOrgLimits, perEndpointLimits, type ApiRateLimits } from './okta-rate-limits.js';
import type { FactorKinds, FactorOrg } from './okta-factors/kind.js';
import { FactorPolicy } from './okta-factors/policy.js';
import { oktaFactorKinds } from './okta-factors/registry.js';
import { OrgStore } from './okta-factors/store.js';

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
  /** Okta's per-endpoint org rate limits, scaled (default: a generous limit per endpoint). */
  rateLimits?: { preset: 'okta'; scale: number };
  /** OAuth 2.0 service apps (client credentials, private_key_jwt) registered in the org. */
  serviceApps?: readonly ServiceAppRegistration[];
  /** Deliver sms and call codes to a telephony inline hook instead of (only) the outbox. */
  telephonyHook?: { url: string; secret: string };
}

/** The origin a mock org has unless told otherwise. */
export const DEFAULT_ORIGIN = 'https://mock-org.example';

/** Requests per endpoint bucket per minute: Okta publishes per-endpoint limits; this is a generous one. */
const API_BUCKET_LIMIT = 600;

/**
 * One org, and the composition root of the mock: its clock, users and factors, faults, outbox,
 * policy, rate limits and API tokens, and the factor kinds it implements (the registry's value,
 * handed to the routes). State a kind or flow owns lives with it (`OrgState` over `scope`). No HTTP here.
 */
export class MockOrg implements FactorOrg {
  readonly clock: VirtualClock;
  readonly store = new OrgStore();
  /** Faults and `variant.*` switches (conformant real-org behaviours), switched the same way. */
  readonly faults = new FaultSwitches<FaultId | VariantId>([...FAULT_CATALOG, ...VARIANT_CATALOG]);
  readonly outbox = new Outbox();
  readonly kinds: FactorKinds = oktaFactorKinds();
  readonly policy = new FactorPolicy(this.kinds.entries().map((entry) => ({ ...entry, enrollment: 'OPTIONAL' as const })));
  /** Org-level state the kinds and flows own (token services, YubiKey tokens, Authentication API transactions, …). */
  readonly scope = new OrgScope();
  /** The API's per-endpoint buckets (X-Rate-Limit-* on every response). */
  apiLimits: ApiRateLimits;
  readonly #makeLimits: () => ApiRateLimits;
  /** Where sms and call codes are delivered besides the outbox (Okta's telephony inline hook), if configured. */
  readonly telephonyHook: { url: string; secret: string } | undefined;
  readonly serviceApps: ServiceApps;
  /** Throttles the factor kinds keep (by name), so that reset() forgets them all. */
  readonly #throttles = new Map<string, WindowThrottle>();
  readonly apiToken: string;
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
    const rateLimits = config.rateLimits;
    this.#makeLimits = rateLimits ? () => oktaOrgLimits(rateLimits.scale) : () => perEndpointLimits(API_BUCKET_LIMIT);
    this.apiLimits = this.#makeLimits();
    this.telephonyHook = config.telephonyHook;
    this.serviceApps = new ServiceApps(this.clock, config.serviceApps);
    if (config.telephonyHook) {
      const deliver = telephonyHookDelivery(config.telephonyHook, (userId) => this.store.users.get(userId)?.profile, () => this.clock.now());
      this.outbox.deliverThrough(['sms', 'call'], deliver);
    }
  }

  /** The org's throttle of that name, made on first use. */
  throttle(name: string, limit: number, windowMs: number): WindowThrottle {
    let throttle = this.#throttles.get(name);
    if (!throttle) {
      throttle = new WindowThrottle(limit, windowMs);
      this.#throttles.set(name, throttle);
    }
    return throttle;
  }

  /** Forgets users, factors, messages, throttles, policy changes, faults and what the kinds keep; the clock keeps its time. */
  reset(): void {
    this.store.clear();
    this.faults.clear();
    this.outbox.clear();
    this.policy.reset();
    this.#throttles.clear();
    this.scope.reset();
    this.apiLimits = this.#makeLimits();
  }
}
