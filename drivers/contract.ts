/**
 * The driver contract: what a suite may know about a target.
 * A check sees the target only through this interface, exactly as it would see a real org.
 */
import type { HttpExchange } from './exchange.js';

/** Named capabilities (DESIGN.md, "The driver contract"). */
export const CAPABILITIES = [
  'users',
  'otp-outbox',
  'push-responder',
  'clock',
  'yubikey-upload',
  'factor-policy',
  'token-service',
  'duo-responder',
  'read-only-token',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** How a run reaches its target; passed from the CLI/vitest config to the suites via `provide('target', …)`. */
export type TargetConfig =
  | {
      kind: 'mock';
      /** Fault ids to switch on in each embedded mock org (harness fault tests). */
      faults?: string[];
    }
  | {
      kind: 'http';
      baseUrl: string;
      /** SSWS API token. */
      token: string;
      /** Admin token for the control protocol (`/__control/v1`), when the target serves it. */
      controlToken?: string;
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
  /** Override or drop (null) the Authorization header. */
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

export interface OutboxMessage {
  userId: string;
  factorId: string;
  channel: 'sms' | 'call' | 'email';
  to: string;
  /** The one-time passcode the message carried. A secret: the driver registers it as one. */
  passCode: string;
  sentAt: string;
  templateId?: string;
  language?: string;
}

/** One entry of the org's factor enrollment policy. */
export interface FactorPolicyEntry {
  factorType: string;
  provider: string;
  enrollment: 'REQUIRED' | 'OPTIONAL' | 'DISABLED';
  /** webauthn only: the factor's user verification setting, where the target lets the driver choose it. */
  userVerification?: 'required' | 'preferred' | 'discouraged';
}

/** A Custom TOTP (token:hotp) factor profile of the target: its id and the OTP settings its tokens use. */
export interface CustomTotpProfile {
  id: string;
  vendorName: string;
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  timeStepSeconds: number;
  /** Time steps the target accepts either side of the current one. */
  clockDriftSteps: number;
  sharedSecretEncoding: 'hex' | 'base32' | 'base64';
}

/** A credential to provision in a target's (simulated) Symantec VIP or RSA SecurID service. */
export interface TokenCredential {
  credentialId: string;
  /** The token's seed, hex. A secret: the driver registers it. */
  sharedSecret: string;
  /** RSA SecurID only: the PIN typed before the tokencode. A secret. */
  pin?: string;
}

export interface Driver {
  /** `mock` (embedded mock org), `okta` (a real org), `http` (any endpoint). */
  readonly kind: 'mock' | 'okta' | 'http';
  readonly baseUrl: string;
  /**
   * The origin the target's users sign in at (U2F appId / facet, WebAuthn origin; its host is the RP ID): what the
   * control protocol's `capabilities` names as `origin`, else the origin of `baseUrl` (a real org).
   */
  readonly origin: string;
  readonly capabilities: ReadonlySet<Capability>;
  has(capability: Capability): boolean;
  /** An authenticated API client (SSWS token). */
  readonly api: ApiClient;
  /** Marks a value as secret: from now on it is redacted from every recorded exchange and report. */
  registerSecret(value: string): void;
  /** Replaces every registered secret in a text (for error messages on their way to a report). */
  redactText(text: string): string;
  /** A deep copy of a JSON value with secret fields and registered secrets redacted. */
  redactJson(value: unknown): unknown;
  /** The target's current time (virtual clock where the target has one). */
  now(): Promise<number>;
  /** Requires `users`. Creates an ACTIVE user with a password; deleted by `cleanup()`. */
  createUser(overrides?: Partial<Pick<TestUser, 'login' | 'email'>>): Promise<TestUser>;
  /** Requires `clock`. Moves the target's clock forward. */
  advanceClock(ms: number): Promise<void>;
  /** Requires `otp-outbox`. Messages sent to a user, newest last. */
  outbox(userId: string, channel?: OutboxMessage['channel']): Promise<OutboxMessage[]>;
  /** Requires `push-responder`. */
  respondToPush(userId: string, factorId: string, action: 'approve' | 'reject' | 'ignore'): Promise<void>;
  /**
   * Requires `duo-responder`. The user answers the Duo prompt that a Duo Web `sig_request` opened on the target's Duo
   * host: the `sig_response` the Duo widget would post (registered as a secret), or null when the user denied.
   */
  duoAuthenticate(host: string, sigRequest: string, action: 'approve' | 'deny'): Promise<string | null>;
  /** Requires `factor-policy`. Changes the listed entries; the others stay as they are. */
  setFactorPolicy(entries: FactorPolicyEntry[]): Promise<void>;
  /** Requires `factor-policy`. The target's Custom TOTP factor profiles (there is no API to list them). */
  factorProfiles(): Promise<CustomTotpProfile[]>;
  /** Requires `token-service`. Makes the target's Symantec VIP or RSA SecurID service know a credential. */
  registerTokenCredential(provider: 'SYMANTEC' | 'RSA', credential: TokenCredential): Promise<void>;
  /** Requires `read-only-token`. The SSWS token of a read-only administrator (registered as a secret). */
  readOnlyToken(): Promise<string>;
  /** Deletes every user this driver created; safe to call twice. */
  cleanup(): Promise<void>;
  close(): Promise<void>;
}
