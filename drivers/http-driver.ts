import { randomBytes } from 'node:crypto';
import type { Capability, CustomTotpProfile, Driver, FactorPolicyEntry, OutboxMessage, TestUser, TokenCredential } from './contract.js';
import { ControlClient } from './control-client.js';
import { HttpApiClient } from './http-client.js';
import { Redactor } from './redact.js';

/** Test users carry this login prefix and profile marker, so a run touches (and sweeps) only its own. */
export const TEST_USER_LOGIN_PREFIX = 'mfa-conformance-';
export const TEST_USER_MARKER = 'mfa-conformance';

export interface HttpDriverOptions {
  kind?: Driver['kind'];
  baseUrl: string;
  token: string;
  /** Token for the control protocol; the API token when not given. */
  controlToken?: string;
  redactor?: Redactor;
  /** Called by close() after the clients are closed (the mock driver stops its org here). */
  onClose?: () => Promise<void>;
}

export class MissingCapabilityError extends Error {
  constructor(readonly capability: Capability) {
    super(`the target does not offer the '${capability}' capability`);
  }
}

/** A driver for any endpoint that speaks the API, with the control protocol where the target serves it. */
export class HttpDriver implements Driver {
  readonly kind: Driver['kind'];
  readonly baseUrl: string;
  readonly api: HttpApiClient;
  readonly redactor: Redactor;
  #capabilities: ReadonlySet<Capability> = new Set(['users']);
  #origin: string;
  readonly #control: ControlClient;
  readonly #controlHttp: HttpApiClient;
  readonly #createdUsers: TestUser[] = [];
  readonly #onClose: (() => Promise<void>)[] = [];

  private constructor(options: HttpDriverOptions) {
    this.kind = options.kind ?? 'http';
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#origin = new URL(this.baseUrl).origin;
    this.redactor = options.redactor ?? new Redactor();
    this.redactor.addSecret(options.controlToken);
    const waitUntilReset = (resetEpochSeconds: number, serverNowMs: number) =>
      this.#waitUntilReset(resetEpochSeconds, serverNowMs);
    this.api = new HttpApiClient({ baseUrl: this.baseUrl, token: options.token, redactor: this.redactor, waitUntilReset });
    this.#controlHttp = new HttpApiClient({
      baseUrl: this.baseUrl,
      token: options.controlToken ?? options.token,
      redactor: this.redactor,
      waitUntilReset,
    });
    this.#control = new ControlClient(this.#controlHttp);
    if (options.onClose) this.#onClose.push(options.onClose);
  }

  /** Connects and asks the target what it can do. */
  static async connect(options: HttpDriverOptions): Promise<HttpDriver> {
    const driver = new HttpDriver(options);
    const described = await driver.#control.describe().catch(() => null);
    driver.#capabilities = new Set<Capability>(['users', ...(described?.capabilities ?? [])]);
    if (described?.origin !== undefined && URL.canParse(described.origin)) driver.#origin = new URL(described.origin).origin;
    return driver;
  }

  get origin(): string {
    return this.#origin;
  }

  get capabilities(): ReadonlySet<Capability> {
    return this.#capabilities;
  }

  /** Runs `task` when the driver closes, after what it already had to do. */
  afterClose(task: () => Promise<void>): this {
    this.#onClose.push(task);
    return this;
  }

  registerSecret(value: string): void {
    this.redactor.addSecret(value);
  }

  redactText(text: string): string {
    return this.redactor.text(text);
  }

  redactJson(value: unknown): unknown {
    return this.redactor.json(value);
  }

  has(capability: Capability): boolean {
    return this.#capabilities.has(capability);
  }

  #require(capability: Capability): void {
    if (!this.has(capability)) throw new MissingCapabilityError(capability);
  }

  async now(): Promise<number> {
    if (this.has('clock')) return this.#control.now();
    return Date.now();
  }

  async advanceClock(ms: number): Promise<void> {
    this.#require('clock');
    await this.#control.advanceClock(ms);
  }

  async createUser(overrides: Partial<Pick<TestUser, 'login' | 'email'>> = {}): Promise<TestUser> {
    this.#require('users');
    const suffix = randomBytes(6).toString('hex');
    const login = overrides.login ?? `${TEST_USER_LOGIN_PREFIX}${suffix}@example.com`;
    const email = overrides.email ?? login;
    // Meets Okta's default password policy; a secret from birth.
    const password = `Mc1-${randomBytes(18).toString('base64url')}`;
    this.redactor.addSecret(password);
    const res = await this.api.post<{ id?: string }>(
      '/api/v1/users',
      {
        profile: { firstName: 'Conformance', lastName: `Check ${suffix}`, email, login, nickName: TEST_USER_MARKER },
        credentials: { password: { value: password } },
      },
      { query: { activate: true } },
    );
    if (res.status !== 200 || typeof res.body?.id !== 'string') {
      throw new Error(`could not create a test user: HTTP ${res.status} ${this.redactor.text(res.text).slice(0, 300)}`);
    }
    const user = { id: res.body.id, login, email, password };
    this.#createdUsers.push(user);
    return user;
  }

  async outbox(userId: string, channel?: OutboxMessage['channel']): Promise<OutboxMessage[]> {
    this.#require('otp-outbox');
    const messages = await this.#control.outbox(userId, channel);
    for (const message of messages) this.redactor.addSecret(message.passCode);
    return messages;
  }

  async respondToPush(userId: string, factorId: string, action: 'approve' | 'reject' | 'ignore'): Promise<void> {
    this.#require('push-responder');
    await this.#control.respondToPush(userId, factorId, action);
  }

  async duoAuthenticate(host: string, sigRequest: string, action: 'approve' | 'deny'): Promise<string | null> {
    this.#require('duo-responder');
    this.redactor.addSecret(sigRequest);
    const sigResponse = await this.#control.duoAuthenticate(host, sigRequest, action);
    // The whole response and each signed value in it (a check may tamper with one and post the rest).
    for (const secret of [sigResponse, ...(sigResponse?.split(':') ?? [])]) this.redactor.addSecret(secret);
    return sigResponse;
  }

  async setFactorPolicy(entries: FactorPolicyEntry[]): Promise<void> {
    this.#require('factor-policy');
    await this.#control.setFactorPolicy(entries);
  }

  async factorProfiles(): Promise<CustomTotpProfile[]> {
    this.#require('factor-policy');
    return this.#control.factorProfiles();
  }

  async registerTokenCredential(provider: 'SYMANTEC' | 'RSA', credential: TokenCredential): Promise<void> {
    this.#require('token-service');
    this.redactor.addSecret(credential.sharedSecret);
    this.redactor.addSecret(credential.pin);
    await this.#control.registerTokenCredential(provider, credential);
  }

  /** Switches mock-org faults through the control protocol (harness tests only). */
  async setFaults(enable: readonly string[], disable: readonly string[] = []): Promise<void> {
    await this.#control.setFaults(enable, disable);
  }

  async readOnlyToken(): Promise<string> {
    this.#require('read-only-token');
    const token = await this.#control.readOnlyToken();
    this.redactor.addSecret(token);
    return token;
  }

  async cleanup(): Promise<void> {
    const users = this.#createdUsers.splice(0);
    // Okta deletes in two steps: the first DELETE deactivates, the second deletes.
    await Promise.all(
      users.map(async (user) => {
        for (let i = 0; i < 2; i++) {
          const res = await this.api.delete(`/api/v1/users/${user.id}`);
          if (res.status === 404) break;
        }
      }),
    );
  }

  async close(): Promise<void> {
    try {
      await this.cleanup();
    } finally {
      await this.api.close();
      await this.#controlHttp.close();
      for (const onClose of this.#onClose.splice(0)) await onClose();
    }
  }

  async #waitUntilReset(resetEpochSeconds: number, serverNowMs: number): Promise<void> {
    const waitMs = Math.max(0, resetEpochSeconds * 1000 - serverNowMs) + 1000;
    if (this.has('clock')) {
      await this.#control.advanceClock(waitMs);
      return;
    }
    // A real org's window passes in real time; waiting is the client's documented duty (never in a check).
    await new Promise((resolve) => setTimeout(resolve, Math.min(waitMs, 60_000)));
  }
}
