/**
 * The driver contract: what a suite may know about a target.
 * A check sees the target only through this interface, exactly as it would see a real org:
 * an API client (authenticated by the family's strategy), a fixtures port, and the optional
 * capabilities the target offers (DESIGN.md, "Drivers").
 */
import { CONTROL_CAPABILITIES } from '../schemas/control/operations.js';
import type {
  ControlFactorPolicyEntry,
  ControlPasswordPolicy,
  ControlPasswordPolicyChange,
  ControlSignOnPolicy,
  ControlFactorProfile,
  ControlOutboxMessage,
  ControlTokenCredential,
} from '../schemas/control/operations.js';
import type { HttpExchange } from './exchange.js';

/**
 * A Duo account for the duo-auth suites: where its APIs answer (`url`; https://{host} for Duo itself, the
 * plain HTTP address of a mock), the API host name requests are signed with (and sent as `Host`), and the
 * keys of its Auth API and Admin API integrations. A target that serves the control protocol does so at
 * `url`, signed with the Admin API keys.
 */
export interface DuoTargetConfig {
  url: string;
  host: string;
  ikey: string;
  skey: string;
  adminIkey: string;
  adminSkey: string;
}

/** An IdentityNow tenant: its base URL (token endpoint at {baseUrl}/oauth/token) and an API client's credentials. */
export interface IdentityNowTargetConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

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
      /** A Duo account to check instead of each embedded org's own. */
      duo?: DuoTargetConfig;
    }
  | {
      kind: 'http';
      baseUrl: string;
      /** SSWS API token. */
      token: string;
      /** Admin token for the control protocol (`/__control/v1`), when the target serves it. */
      controlToken?: string;
      /** The Duo account the duo-auth suites check; without one they skip. */
      duo?: DuoTargetConfig;
      /** An IdentityNow tenant whose okta-verify configuration may point at this Okta org (`SAIL_*`, or the mock's line). */
      identityNow?: IdentityNowTargetConfig;
      /** The run this target is used by: its id marks the users it creates (absent: a run of its own). */
      run?: RunIdentity;
    }
  | {
      /** A real Okta org (drivers/okta/): SSWS or an OAuth 2.0 service app, capabilities detected from the org. */
      kind: 'okta';
      baseUrl: string;
      credentials: OktaCredentials;
      /** Admin token for the control protocol, when the target serves it (a vendor's test deployment). */
      controlToken?: string;
      run?: RunIdentity;
      /** Where the harness's telephony inline hook listens: sms and call codes reach the checks through it. */
      telephonyHook?: TelephonyHookConfig;
      duo?: DuoTargetConfig;
      identityNow?: IdentityNowTargetConfig;
    }
) & {
  /** The target's engine, configured or detected by its driver; `classic` when not given. */
  profile?: TargetProfile;
  /**
   * The hosts the run was allowed to write to (`--allow-target`, `allowTargets`): the Duo and IdentityNow
   * drivers take a host of theirs named here as allowed, like the Okta org's.
   */
  allowTargets?: string[];
};

/** How the harness authenticates to a real org, as Okta's SDKs name the modes (OKTA_CLIENT_AUTHORIZATIONMODE). */
export type OktaCredentials =
  | { mode: 'SSWS'; token: string }
  | {
      /** An OAuth 2.0 service app: client credentials with a private_key_jwt client assertion. */
      mode: 'PrivateKey';
      clientId: string;
      scopes: readonly string[];
      /** PEM (PKCS#8 or PKCS#1 RSA) or a private JWK as JSON. */
      privateKey: string;
      /** The key's `kid` in the app's JWKS (else the JWK's own). */
      keyId?: string;
    };

/** The run a driver serves: its id goes into every created user's login and marker; the journal lists them for cleanup. */
export interface RunIdentity {
  id: string;
  /** A file each created user's login is appended to before it is created (the CLI deletes them even when interrupted). */
  journal?: string;
  /** While this file exists the run is stopping: no new user is created. */
  stopFile?: string;
}

/** The telephony inline hook the harness serves (Okta calls it with each sms/call code). */
export interface TelephonyHookConfig {
  /** Port to listen on (0: any); the org is configured to call this endpoint (a public HTTPS URL in front of it for a real org). */
  port: number;
  host?: string;
  /** The value Okta sends in the `Authorization` header (the hook's HEADER auth scheme). */
  secret: string;
}

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
/** A change to the target's password policy (the Authentication API applies it). */
export type PasswordPolicyChange = ControlPasswordPolicyChange;
export type PasswordPolicy = ControlPasswordPolicy;
export type SignOnPolicy = ControlSignOnPolicy;
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
  /**
   * The channels whose codes it can read; absent: every channel. A real org's telephony inline hook brings sms and
   * call codes only: email codes need an email adapter (the mock's outbox is one), else their checks are skipped.
   */
  readonly channels?: readonly OutboxMessage['channel'][];
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
  /** The password policy as it is now (to put it back after a change). */
  passwordPolicy(): Promise<PasswordPolicy>;
  /** Changes the password policy's sections and fields given (complexity, age, expiry, lockout, recovery factors). */
  setPasswordPolicy(change: PasswordPolicyChange): Promise<void>;
  /** Sets whether users with an active factor must verify one at sign-in. */
  setSignOnPolicy(policy: SignOnPolicy): Promise<void>;
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

/** The virtual Duo Mobile of a Duo Auth API target (Duo has no API for the device side). */
export interface DuoMobileCapability {
  /** The user answers the push or phone call of an Auth API transaction. */
  respond(txid: string, action: 'approve' | 'deny' | 'fraud' | 'ignore'): Promise<void>;
  /** The txids of the pushes and calls waiting on the user's devices (a flow that started one without handing out its txid). */
  pending(username: string): Promise<string[]>;
  /** Duo Mobile claims an activation code, activation_url or barcode URL; answers the activated phone's id. */
  activate(activation: string): Promise<string>;
}

/** A read-only administrator's API token. */
export interface ReadOnlyTokenCapability {
  /** The SSWS token (registered as a secret). */
  token(): Promise<string>;
}

/** Starts a step-up transaction, as a protected app's SP-initiated sign-in does (spec §5.8). */
export interface StepUpCapability {
  /** The UNAUTHENTICATED transaction's stateToken (registered as a secret). */
  start(appLabel?: string): Promise<string>;
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
  readonly duoMobile?: DuoMobileCapability;
  readonly stepUp?: StepUpCapability;
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
  /**
   * An Okta target's engine (TargetConfig.profile, or what a real org says): what a check that differs between
   * engines reads to skip with the reason. Absent for the other families' targets, which have no engine.
   */
  readonly profile?: TargetProfile;
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
  /**
   * The factor types the target offers (a fresh test user's factor catalog), read once on first use; undefined when
   * not known (the embedded mock, whose catalog is under test, or a catalog that could not be read): then every check runs.
   */
  offeredFactors?(): Promise<readonly OfferedFactor[] | undefined>;
  close(): Promise<void>;
}

/** A factor type and provider, as the factor catalog lists them. */
export interface OfferedFactor {
  factorType: string;
  provider: string;
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

/** Whether an outbox reads the codes sent on `channel`. */
export function readsChannel(outbox: OutboxCapability, channel: OutboxMessage['channel']): boolean {
  return outbox.channels === undefined || outbox.channels.includes(channel);
}

/** Narrows a driver to one that offers `needs` (a check that declared them was skipped otherwise). */
export function offers<N extends Capability, F extends FixturesPort>(driver: Driver<F>, needs: readonly N[]): driver is DriverWith<N, F> {
  return missingCapabilities(driver, needs).length === 0;
}
