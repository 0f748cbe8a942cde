import { oauthClientCredentials } from '../auth/client-credentials.js';
import type { ApiClient, ApiResponse, Capabilities, Driver, OktaFixtures, RequestOptions } from '../contract.js';
import type { DuoDriver } from '../duo/driver.js';
import type { HttpExchange } from '../exchange.js';
import { HttpApiClient, sendOverUndici, type HttpTransport, type IncomingResponse, type OutgoingRequest } from '../http-client.js';
import type { HttpDriver } from '../http-driver.js';

/** How to reach a tenant: its base URL (token endpoint at {baseUrl}/oauth/token) and an API client's credentials. */
export interface IdentityNowTenantConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
}

/** What a tenant identity made for a check may do: its OAuth client's scopes and user levels, and whether it has a user at all. */
export interface IdentitySpec {
  scopes?: string[];
  authorities?: ('ORG_ADMIN' | 'USER')[];
  /** false: an API client without user context (no identity). */
  userContext?: boolean;
  /** false: the identity has no phone number. */
  phone?: boolean;
}

export interface TenantIdentity {
  identityId: string | null;
  /** The identity's `name` (a token send's userAlias). */
  alias: string | null;
  email: string | null;
  /** Its OAuth client, authenticated by client credentials (its exchanges recorded with the driver's). */
  api: ApiClient;
  clientId: string;
}

/** Makes tenant identities with clients of chosen rights (a test hook: real tenants have no API for it). */
export interface IdentitiesCapability {
  create(spec?: IdentitySpec): Promise<TenantIdentity>;
}

const CONFIG_METHODS = ['okta-verify', 'duo-web'] as const;
const CONFIG_PATH = (method: string) => `/v3/mfa/${method}/config`;
/** Hosts a run may touch without being named in MFA_CONFORMANCE_ALLOWED_TENANTS. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface IdentityNowDriverOptions {
  kind: Driver['kind'];
  tenant: IdentityNowTenantConfig;
  /** The Okta org an okta-verify configuration points at (its fixtures make the users, its control protocol answers pushes). */
  okta: HttpDriver;
  /** The Okta org's API token: the accessKey an okta-verify configuration pointing at it carries. */
  oktaToken: string;
  /** The Duo account a duo-web configuration points at (its fixtures make the users, its virtual Duo Mobile answers pushes); closed with the driver. */
  duoAccount?: DuoDriver;
  /** Token for the tenant's test hooks (the hosting org's admin token); without one there is no `identities` capability. */
  controlToken?: string;
  /** Hosts a non-loopback tenant must be one of (MFA_CONFORMANCE_ALLOWED_TENANTS). */
  allowedHosts?: readonly string[];
  /** How requests reach the tenant, its token endpoint and test hooks included (default: undici); closed with the driver. */
  transport?: HttpTransport;
}

// The capability properties are the Okta org's (clock, outbox, push): the tenant shares its clock and outbox.
export interface IdentityNowDriver extends Capabilities {}

/**
 * A SailPoint IdentityNow tenant as the suites see it: the tenant's API (OAuth 2.0 client
 * credentials, bearer JWT) as `api`, beside the Okta org its okta-verify configuration points at.
 * The Okta org's fixtures and capabilities are the driver's. Against a tenant that is not the
 * embedded mock it refuses a host not allowed, refuses to overwrite a configuration it could not
 * restore (keys are write-only), and on close puts every MFA configuration back as it found it.
 */
export class IdentityNowDriver implements Driver {
  readonly kind: Driver['kind'];
  readonly baseUrl: string;
  readonly origin: string;
  /** The driver's own client; its exchanges and those of every client made for a check, in the order sent. */
  readonly api: ApiClient;
  readonly okta: HttpDriver;
  readonly oktaToken: string;
  /** The Duo account beside the tenant, where the run has one. */
  readonly duoAccount?: DuoDriver;
  readonly tokenUrl: string;
  readonly identities?: IdentitiesCapability;
  readonly #clients: HttpApiClient[] = [];
  readonly #log: HttpExchange[] = [];
  readonly #original: Map<string, unknown>;
  readonly #tenant: IdentityNowTenantConfig;
  readonly #transport: HttpTransport | undefined;

  private constructor(options: IdentityNowDriverOptions, baseUrl: string, original: Map<string, unknown>, api: HttpApiClient, log: HttpExchange[]) {
    this.kind = options.kind;
    this.baseUrl = baseUrl;
    this.origin = new URL(baseUrl).origin;
    this.okta = options.okta;
    this.oktaToken = options.oktaToken;
    if (options.duoAccount) this.duoAccount = options.duoAccount;
    this.tokenUrl = `${baseUrl}/oauth/token`;
    this.#log = log;
    this.api = new RecordingClient(api, log);
    this.#original = original;
    this.#tenant = options.tenant;
    this.#transport = options.transport;
    const { clock, outbox, push } = options.okta;
    Object.assign(this, { ...(clock ? { clock } : {}), ...(outbox ? { outbox } : {}), ...(push ? { push } : {}) });
    if (options.controlToken) this.identities = this.#identities(options.controlToken);
  }

  static async connect(options: IdentityNowDriverOptions): Promise<IdentityNowDriver> {
    const baseUrl = options.tenant.baseUrl.replace(/\/+$/, '');
    const host = new URL(baseUrl).host;
    const hostname = new URL(baseUrl).hostname;
    if (options.kind !== 'mock' && !LOOPBACK.has(hostname) && !(options.allowedHosts ?? []).includes(host)) {
      throw new Error(`the IdentityNow tenant ${host} is not allowed: allow it (--allow-target, allowTargets, or MFA_CONFORMANCE_ALLOWED_TENANTS)`);
    }
    const api = clientFor(options.okta, options.transport, `${baseUrl}/oauth/token`, baseUrl, options.tenant.clientId, options.tenant.clientSecret);
    const log: HttpExchange[] = [];
    // What the run may change, read before it does: a configuration with a key cannot be put back (the key is write-only).
    const original = new Map<string, unknown>();
    if (options.kind !== 'mock') {
      for (const method of CONFIG_METHODS) {
        const res = await api.get<Record<string, unknown>>(CONFIG_PATH(method));
        if (res.status !== 200) throw new Error(`could not read the tenant's ${method} configuration (HTTP ${res.status})`);
        if (res.body.accessKey !== null && res.body.accessKey !== undefined) {
          await api.close();
          throw new Error(`the tenant's ${method} configuration holds a key the run could not restore (keys are write-only): use a tenant without one`);
        }
        original.set(method, res.body);
      }
    }
    const driver = new IdentityNowDriver(options, baseUrl, original, api, log);
    driver.#clients.push(api);
    return driver;
  }

  get fixtures(): OktaFixtures {
    return this.okta.fixtures;
  }

  /**
   * A client-credentials token request body (urlencoded) for the driver's own client, with fields
   * replaced or dropped (undefined), for the checks of the token endpoint itself.
   */
  tokenRequestBody(overrides: Partial<Record<'grant_type' | 'client_id' | 'client_secret', string | undefined>> = {}): string {
    const fields: Record<string, string | undefined> = {
      grant_type: 'client_credentials',
      client_id: this.#tenant.clientId,
      client_secret: this.#tenant.clientSecret,
      ...overrides,
    };
    for (const value of Object.values(overrides)) if (value !== undefined) this.registerSecret(value);
    return new URLSearchParams(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();
  }

  /** A client with other credentials (a client of other rights), closed with the driver. */
  clientWith(clientId: string, clientSecret: string): ApiClient {
    const client = clientFor(this.okta, this.#transport, this.tokenUrl, this.baseUrl, clientId, clientSecret);
    this.#clients.push(client);
    return new RecordingClient(client, this.#log);
  }

  registerSecret(value: string): void {
    this.okta.registerSecret(value);
  }

  redactText(text: string): string {
    return this.okta.redactText(text);
  }

  redactJson(value: unknown): unknown {
    return this.okta.redactJson(value);
  }

  now(): Promise<number> {
    return this.okta.now();
  }

  async close(): Promise<void> {
    try {
      await this.#restore();
    } finally {
      for (const client of this.#clients.splice(0)) await client.close();
      await this.duoAccount?.close();
      await this.okta.close();
    }
  }

  /** Puts back what the run changed: an unconfigured method is deleted, a configured one (without a key) rewritten. */
  async #restore(): Promise<void> {
    for (const [method, before] of this.#original) {
      const now = await this.api.get(CONFIG_PATH(method));
      if (now.status === 200 && JSON.stringify(now.body) === JSON.stringify(before)) continue;
      const unset = typeof before === 'object' && before !== null && (before as Record<string, unknown>).host === null;
      if (unset) await this.api.delete(`/v3/mfa/${method}/delete`);
      else await this.api.request('PUT', CONFIG_PATH(method), { body: before });
    }
  }

  /** A request outside the API clients (a test hook): through the driver's transport, else undici. */
  #send(request: OutgoingRequest): Promise<IncomingResponse> {
    return this.#transport ? this.#transport.send(request) : sendOverUndici(request);
  }

  #identities(controlToken: string): IdentitiesCapability {
    this.registerSecret(controlToken);
    return {
      create: async (spec = {}) => {
        const { status, text } = await this.#send({
          method: 'POST',
          url: `${this.baseUrl}/__control/v1/identities`,
          headers: { authorization: `SSWS ${controlToken}`, 'content-type': 'application/json' },
          body: JSON.stringify(spec),
        });
        const body = JSON.parse(text) as { identityId: string | null; alias: string | null; email: string | null; clientId: string; clientSecret: string };
        if (status !== 200) throw new Error(`the tenant did not make an identity (HTTP ${status})`);
        this.registerSecret(body.clientSecret);
        return { identityId: body.identityId, alias: body.alias, email: body.email, clientId: body.clientId, api: this.clientWith(body.clientId, body.clientSecret) };
      },
    };
  }
}

function clientFor(okta: HttpDriver, transport: HttpTransport | undefined, tokenUrl: string, baseUrl: string, clientId: string, clientSecret: string): HttpApiClient {
  return new HttpApiClient({
    baseUrl,
    redactor: okta.redactor,
    ...(transport ? { transport } : {}),
    auth: oauthClientCredentials({ tokenUrl, clientId, clientSecret, now: () => okta.now(), onToken: (token) => okta.registerSecret(token), ...(transport ? { transport } : {}) }),
    // SailPoint's 429 says when in Retry-After; the suites ask for no retries where they look at a 429.
    waitUntilReset: async () => undefined,
  });
}

/** A client whose exchanges also go to a log shared by every client of the driver (the reports attach that log). */
class RecordingClient implements ApiClient {
  constructor(
    readonly inner: HttpApiClient,
    readonly log: HttpExchange[],
  ) {}

  get exchanges(): readonly HttpExchange[] {
    return this.log;
  }

  async request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    const before = this.inner.exchanges.length;
    try {
      return await this.inner.request<T>(method, path, options);
    } finally {
      this.log.push(...this.inner.exchanges.slice(before));
    }
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }

  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, ...(body !== undefined ? { body } : {}) });
  }

  delete<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }
}
