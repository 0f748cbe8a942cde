/**
 * The driver contract: what a suite may know about a target.
 * A check sees the target only through this interface, exactly as it would see a real org:
 * an API client (authenticated by the family's strategy), a fixtures port, and the optional
 * capabilities the target offers (DESIGN.md, "Drivers").
 */
import { CONTROL_CAPABILITIES } from '../schemas/control/operations.js';
import type {
  ControlFactorPolicyEntry,
  ControlFactorProfile,
  ControlOutboxMessage,
  ControlTokenCredential,
} from '../schemas/control/operations.js';
import type { HttpExchange } from './exchange.js';

/**
 * Which Okta engine the target runs. Classic and Identity Engine orgs answer the same protocol with a few
 * documented differences (an Identity Engine user has an ACTIVE email factor from the start, push enrolls
 * totp and signed_nonce along, …); a check that truly differs skips on the other profile, saying why.
 */
export type TargetProfile = 'classic' | 'identity-engine';

export const TARGET_PROFILES = ['classic', 'identity-engine'] as const satisfies readonly TargetProfile[];

/** How a run reaches its target; passed from the CLI/vitest config to the suites via `provide('target', …)`. */
export type TargetConfig = (
  | {
      kind: 'mock';
      /** Fault and `variant.*` ids to switch on in each embedded mock org (harness fault and variant tests). */
      faults?: string[];
    }
  | {
      kind: 'http';
      baseUrl: string;
      /** SSWS API token. */
      token: string;
      /** Admin token for the control protocol (`/__control/v1`), when the target serves it. */
      controlToken?: string;
    }
) & {
  /** The target's engine, configured or detected by its driver; `classic` when not given. */
  profile?: TargetProfile;
};

/** A JSON HTTP response as the suites see it. */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the body is empty; raw text is in `text`. */
  body: T;
  text: string;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** JSON-serialisable body, or a raw string sent as-is (for malformed-input checks). */
  body?: unknown;
  /** Send `body` verbatim (a string) instead of JSON-encoding it. */
  rawBody?: boolean;
  /** Override or drop (null) the Authorization header; the authentication strategy then stays out. */
  authorization?: string | null;
  /** Do not wait and retry on 429, even for an idempotent request (rate-limit checks want to see the 429). */
  noRetry?: boolean;
}

export interface ApiClient {
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Every exchange so far, secrets redacted (for reports). */
  readonly exchanges: readonly HttpExchange[];
}

export interface TestUser {
  id: string;
  login: string;
  email: string;
  password: string;
}

/** What every family's fixtures port does: removes what the run created. */
export interface FixturesPort {
  /** Deletes everything this port created; safe to call twice. */
  cleanup(): Promise<void>;
}

/** The Okta families' fixtures: users, marked as the run's own (login prefix and profile marker). */
export interface OktaFixtures extends FixturesPort {
  /** Creates an ACTIVE user with a password; deleted by `cleanup()`. */
  createUser(overrides?: Partial<Pick<TestUser, 'login' | 'email'>>): Promise<TestUser>;
}

export type OutboxMessage = ControlOutboxMessage;
/** One entry of the org's factor enrollment policy. */
export type FactorPolicyEntry = ControlFactorPolicyEntry;
/** A Custom TOTP (token:hotp) factor profile of the target: its id and the OTP settings its tokens use. */
export type CustomTotpProfile = ControlFactorProfile;
/** A credential to provision in a target's (simulated) Symantec VIP or RSA SecurID service. */
export type TokenCredential = ControlTokenCredential;

/** Moves the target's clock. */
export interface ClockCapability {
  /** The target's current (virtual) time, epoch ms. */
  now(): Promise<number>;
  advance(ms: number): Promise<void>;
}

/** Reads the OTPs that sms, call and email challenges sent (each passcode is registered as a secret). */
export interface OutboxCapability {
  /** Messages sent to a user, newest last. */
  messages(userId: string, channel?: OutboxMessage['channel']): Promise<OutboxMessage[]>;
}

/** Answers a push on the user's device. */
export interface PushCapability {
  respond(userId: string, factorId: string, action: 'approve' | 'reject' | 'ignore'): Promise<void>;
}

/** The org's factor enrollment policy and its Custom TOTP factor profiles. */
export interface PolicyCapability {
  /** Changes the listed entries; the others stay as they are. */
  setFactorPolicy(entries: FactorPolicyEntry[]): Promise<void>;
  /** The target's Custom TOTP factor profiles (there is no API to list them). */
  factorProfiles(): Promise<CustomTotpProfile[]>;
}

/** Provisions credentials in the target's Symantec VIP or RSA SecurID service. */
export interface TokenServiceCapability {
  register(provider: 'SYMANTEC' | 'RSA', credential: TokenCredential): Promise<void>;
}

/** Answers a Duo Web prompt. */
export interface DuoCapability {
  /**
   * The user answers the Duo prompt that a `sig_request` opened on the target's Duo host: the
   * `sig_response` the Duo widget would post (registered as a secret), or null when the user denied.
   */
  authenticate(host: string, sigRequest: string, action: 'approve' | 'deny'): Promise<string | null>;
}

/** A read-only administrator's API token. */
export interface ReadOnlyTokenCapability {
  /** The SSWS token (registered as a secret). */
  token(): Promise<string>;
}

/** A marker: the org YubiKey token API answers, so checks may upload YubiKey seeds. */
export interface YubikeyUploadCapability {
  /** How the driver learned it: the target's control protocol said so, or the API answered a probe. */
  readonly learnedFrom: 'control' | 'probe';
}

/** The optional capabilities a target may offer, each under the name of the driver property that offers it. */
export interface Capabilities {
  readonly clock?: ClockCapability;
  readonly outbox?: OutboxCapability;
  readonly push?: PushCapability;
  readonly policy?: PolicyCapability;
  readonly tokenService?: TokenServiceCapability;
  readonly duo?: DuoCapability;
  readonly readOnlyToken?: ReadOnlyTokenCapability;
  readonly yubikeyUpload?: YubikeyUploadCapability;
}

/** A driver of any family; `F` is the family's fixtures port (the Okta families share OktaFixtures). */
export interface Driver<F extends FixturesPort = OktaFixtures> extends Capabilities {
  /** `mock` (embedded mock org), `okta` (a real org), `http` (any endpoint). */
  readonly kind: 'mock' | 'okta' | 'http';
  readonly baseUrl: string;
  /**
   * The origin the target's users sign in at (U2F appId / facet, WebAuthn origin; its host is the RP ID): what the
   * control protocol's `capabilities` names as `origin`, else the origin of `baseUrl` (a real org).
   */
  readonly origin: string;
  /** The target's engine (TargetConfig.profile): what a check that differs between engines reads to skip with the reason. */
  readonly profile: TargetProfile;
  /** An API client, authenticated by the family's strategy. */
  readonly api: ApiClient;
  /** Creates and cleans up the users and other resources a check needs, marked as the run's own. */
  readonly fixtures: F;
  /** Marks a value as secret: from now on it is redacted from every recorded exchange and report. */
  registerSecret(value: string): void;
  /** Replaces every registered secret in a text (for error messages on their way to a report). */
  redactText(text: string): string;
  /** A deep copy of a JSON value with secret fields and registered secrets redacted. */
  redactJson(value: unknown): unknown;
  /** The target's current time: its clock where it has one, else this machine's (a real org's time is real time). */
  now(): Promise<number>;
  close(): Promise<void>;
}

/** The optional capabilities, by the name of the driver property that offers each (the control protocol's names). */
export const CAPABILITIES = CONTROL_CAPABILITIES satisfies readonly (keyof Capabilities)[];
export type Capability = (typeof CAPABILITIES)[number];

/** A driver known to offer the capabilities `N`: what a check that `needs` them receives. */
export type DriverWith<N extends Capability, F extends FixturesPort = OktaFixtures> = Driver<F> & {
  readonly [K in N]-?: NonNullable<Driver<F>[K]>;
};

export function isCapability(name: string): name is Capability {
  return (CAPABILITIES as readonly string[]).includes(name);
}

/** The capabilities among `needs` that the driver does not offer. */
export function missingCapabilities(driver: Driver<FixturesPort>, needs: readonly Capability[]): Capability[] {
  return needs.filter((name) => driver[name] === undefined);
}

/** Narrows a driver to one that offers `needs` (a check that declared them was skipped otherwise). */
export function offers<N extends Capability, F extends FixturesPort>(driver: Driver<F>, needs: readonly N[]): driver is DriverWith<N, F> {
  return missingCapabilities(driver, needs).length === 0;
}
