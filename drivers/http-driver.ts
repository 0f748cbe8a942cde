import type { AuthStrategy } from './auth/strategy.js';
import type { Capabilities, ClockCapability, Driver, OfferedFactor, RunIdentity, TargetProfile } from './contract.js';
import { isCapability, type Capability } from './contract.js';
import { controlCapabilities } from './control/capabilities.js';
import { ControlClient } from './control/client.js';
import { HttpApiClient, type HttpTransport } from './http-client.js';
import { OktaUserFixtures, removeUser } from './okta/fixtures.js';
import { Redactor } from './redact.js';
import { HttpDriverCore } from './http-driver-core.js';
import { RateLimitPacer } from './pacing.js';
import { recordWait } from './okta/run-journal.js';
import { orgWideWait } from './check-scope.js';

export interface HttpDriverOptions {
  kind?: Driver['kind'];
  baseUrl: string;
  /** How API requests authenticate (SSWS for the Okta families). */
  auth: AuthStrategy;
  /** How control-protocol requests authenticate; the API's strategy when not given. */
  controlAuth?: AuthStrategy;
  redactor?: Redactor;
  /** How requests reach the target, for both its clients (default: undici, a connection pool of each client's own). */
  transport?: HttpTransport;
  /** The target's engine; classic when not given. */
  profile?: TargetProfile;
  /** Called by close() after the clients are closed (the mock driver stops its org here). */
  onClose?: () => Promise<void>;
  /** Pace requests by the target's X-Rate-Limit-* headers (real targets; the embedded mock is not paced). */
  pacing?: boolean;
  /** The run whose users the fixtures create (login prefix and marker carry its id). */
  run?: RunIdentity;
  /** What else a driver learns from its target (a real org: its engine, a telephony hook outbox). */
  detect?: (api: HttpApiClient, announced: Capabilities) => Promise<Detected>;
}

/** What a driver's `detect` learned: the engine, and capabilities the control protocol did not offer. */
export interface Detected {
  profile?: TargetProfile;
  capabilities?: Capabilities;
  /** Stopped when the driver closes (a hook listener). */
  onClose?: () => Promise<void>;
}

/** What a driver learned about its target when it connected. */
interface TargetDescription {
  origin: string;
  /** Only the capabilities the target offers are present. */
  capabilities: Capabilities;
}

/** The org YubiKey token API: a target whose list answers 200 lets checks upload YubiKey seeds. */
const YUBIKEY_TOKENS_PROBE = '/api/v1/org/factors/yubikey_token/tokens';

// The capability properties (Driver's `Capabilities`) are declared once, in the contract: the constructor
// sets exactly those the target offers, so an absent one stays absent rather than `undefined`.
export interface HttpDriver extends Capabilities {}

/** A driver for any endpoint that speaks the API, with the control protocol where the target serves it. */
export class HttpDriver extends HttpDriverCore implements Driver {
  readonly kind: Driver['kind'];
  readonly baseUrl: string;
  readonly api: HttpApiClient;
  readonly fixtures: OktaUserFixtures;
  readonly origin: string;
  readonly profile: TargetProfile;
  #offeredFactors: Promise<readonly OfferedFactor[] | undefined> | undefined;

  private constructor(
    options: HttpDriverOptions & { baseUrl: string; redactor: Redactor },
    clients: { api: HttpApiClient; controlHttp: HttpApiClient },
    described: TargetDescription & Detected,
  ) {
    super(options.redactor, clients.controlHttp, [described.onClose, options.onClose]);
    this.kind = options.kind ?? 'http';
    this.profile = options.profile ?? 'classic';
    this.baseUrl = options.baseUrl;
    this.api = clients.api;
    this.fixtures = new OktaUserFixtures(
      this.api,
      (value) => this.registerSecret(value),
      (text) => this.redactText(text),
      options.run,
      () => this.api.headroom(),
    );
    this.origin = described.origin;
    if (described.profile) this.profile = described.profile;
    Object.assign(this, described.capabilities);
  }

  /** Connects, asks the target's control protocol what it can do, and probes the API for what it cannot say. */
  static async connect(options: HttpDriverOptions): Promise<HttpDriver> {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    const redactor = options.redactor ?? new Redactor();
    // The clock is known only after connecting; a 429 before that waits in real time.
    let clock: ClockCapability | undefined;
    const waitUntilReset = (resetEpochSeconds: number, serverNowMs: number) =>
      waitForRateLimitReset(resetEpochSeconds, serverNowMs, clock);
    const transport = options.transport ? { transport: options.transport } : {};
    const journal = options.run?.journal;
    const pacer = options.pacing
      ? new RateLimitPacer({ waitUntilReset, ...(journal ? { onWait: (ms: number) => recordWait(journal, ms) } : {}) })
      : undefined;
    const api = new HttpApiClient({ baseUrl, auth: options.auth, redactor, waitUntilReset, ...transport, ...(pacer ? { pacer } : {}) });
    const controlHttp = new HttpApiClient({ baseUrl, auth: options.controlAuth ?? options.auth, redactor, waitUntilReset, ...transport });
    const described = await describeTarget(baseUrl, api, new ControlClient(controlHttp), redactor);
    clock = described.capabilities.clock;
    const detected = options.detect ? await options.detect(api, described.capabilities) : {};
    return new HttpDriver(
      { ...options, baseUrl, redactor },
      { api, controlHttp },
      { ...described, ...detected, capabilities: { ...described.capabilities, ...detected.capabilities } },
    );
  }

  /**
   * Capability detection from the org itself: the factor catalog of a fresh test user (created and removed for it).
   * Not for the embedded mock, whose catalog its own checks test: a fault there must fail them, never skip them.
   */
  offeredFactors(): Promise<readonly OfferedFactor[] | undefined> {
    if (this.kind === 'mock') return Promise.resolve(undefined);
    this.#offeredFactors ??= readFactorCatalog(this.api, this.fixtures);
    return this.#offeredFactors;
  }

}

async function describeTarget(baseUrl: string, api: HttpApiClient, control: ControlClient, redactor: Redactor): Promise<TargetDescription> {
  const answer = await control.call('capabilities').catch(() => null);
  const announced = new Set<Capability>((answer?.capabilities ?? []).filter(isCapability));
  const origin = answer?.origin !== undefined && URL.canParse(answer.origin) ? new URL(answer.origin).origin : new URL(baseUrl).origin;
  const capabilities: Capabilities = controlCapabilities(control, announced, (value) => redactor.addSecret(value));
  // The probe is sent only when the control protocol does not say, so a fault on that API cannot turn its checks into skips.
  const learnedFrom = announced.has('yubikeyUpload') ? 'control' : (await answersOk(api, YUBIKEY_TOKENS_PROBE)) ? 'probe' : undefined;
  return { origin, capabilities: { ...capabilities, ...(learnedFrom ? { yubikeyUpload: { learnedFrom } } : {}) } };
}

/** The factor types and providers a fresh user's catalog lists; undefined when it cannot be read (then nothing is skipped for it). */
async function readFactorCatalog(api: HttpApiClient, fixtures: OktaUserFixtures): Promise<readonly OfferedFactor[] | undefined> {
  let userId: string | undefined;
  try {
    userId = (await fixtures.createUser()).id;
    const res = await api.get<unknown>(`/api/v1/users/${userId}/factors/catalog`, { noRetry: true });
    if (res.status !== 200 || !Array.isArray(res.body)) return undefined;
    return res.body.flatMap((entry: unknown) => {
      const { factorType, provider } = (typeof entry === 'object' && entry !== null ? entry : {}) as { factorType?: unknown; provider?: unknown };
      return typeof factorType === 'string' && typeof provider === 'string' ? [{ factorType, provider }] : [];
    });
  } catch {
    return undefined;
  } finally {
    // removed now rather than at the end: a free org allows ten active users
    if (userId !== undefined) await removeUser(api, userId).catch(() => false);
  }
}

async function answersOk(api: HttpApiClient, path: string): Promise<boolean> {
  try {
    return (await api.get(path, { query: { limit: 1 }, noRetry: true })).status === 200;
  } catch {
    return false; // unreachable or refused: the capability is simply absent
  }
}

async function waitForRateLimitReset(resetEpochSeconds: number, serverNowMs: number, clock: ClockCapability | undefined): Promise<void> {
  const waitMs = Math.max(0, resetEpochSeconds * 1000 - serverNowMs) + 1000;
  if (clock) {
    // Moving the org's clock: made while every other running check waits (or is done).
    await orgWideWait(() => clock.advance(waitMs));
    return;
  }
  // A real org's window passes in real time; waiting is the client's documented duty (never in a check).
  await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 60_000)));
}
