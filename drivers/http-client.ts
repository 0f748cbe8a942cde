import type { Agent } from 'undici';
import type { ApiClient, ApiResponse, RequestOptions } from './contract.js';
import type { AuthStrategy } from './auth/strategy.js';
import type { HttpExchange } from './exchange.js';
import { REDACTED, type Redactor } from './redact.js';
import { USER_AGENT } from './version.js';
import type { RateLimitPacer } from './pacing.js';
import { recordForCheck } from './check-scope.js';
import { undici } from './undici.js';

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const MAX_RETRIES_ON_429 = 2;
/** Requests a check sends to one bucket at most, about (the rate-limit checks send more, and want their 429). */
const CHECK_RESERVE = 12;

/** A request as it goes to the target: its headers as sent, its body as text. */
export interface OutgoingRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** What the target answered: a header it repeated as its values, the body as text. */
export interface IncomingResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** How requests reach the target and answers come back. */
export interface HttpTransport {
  send(request: OutgoingRequest): Promise<IncomingResponse>;
  close(): Promise<void>;
}

/** One request over undici: through `dispatcher` when given, else undici's global pool (a one-off request). */
export async function sendOverUndici({ method, url, headers, body }: OutgoingRequest, dispatcher?: Agent): Promise<IncomingResponse> {
  const { request } = await undici();
  const response = await request(url, { method: method as 'GET', headers, body, ...(dispatcher ? { dispatcher } : {}) });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

/** Over undici, through a connection pool of the client's own. */
function undiciTransport(): HttpTransport {
  let dispatcher: Agent | undefined;
  return {
    async send(request) {
      const { Agent } = await undici();
      dispatcher ??= new Agent({ keepAliveTimeout: 10_000, connections: 16 });
      return sendOverUndici(request, dispatcher);
    },
    close: async () => {
      await dispatcher?.close();
    },
  };
}

export interface HttpClientOptions {
  baseUrl: string;
  /** How each request is authenticated (the family's scheme). */
  auth: AuthStrategy;
  redactor: Redactor;
  /**
   * How to wait until a rate-limit window resets (`X-Rate-Limit-Reset`, epoch seconds, in the target's time).
   * A driver with a clock moves the target's clock; others wait for real.
   */
  waitUntilReset: (resetEpochSeconds: number, serverNowMs: number) => Promise<void>;
  /** How requests reach the target (default: undici, a connection pool of the client's own). */
  transport?: HttpTransport;
  /** Paces requests by the target's X-Rate-Limit-* headers (drivers/pacing.ts); without it, only a 429 makes the client wait. */
  pacer?: RateLimitPacer;
}

/**
 * The API client the suites use: sends what Okta clients send, records every exchange
 * (redacted) for the reports, and on 429 waits for the window to reset before retrying
 * an idempotent request.
 */
export class HttpApiClient implements ApiClient {
  readonly #options: HttpClientOptions;
  readonly #transport: HttpTransport;
  readonly #exchanges: HttpExchange[] = [];

  constructor(options: HttpClientOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
    this.#transport = options.transport ?? undiciTransport();
    for (const secret of options.auth.secrets) options.redactor.addSecret(secret);
    options.auth.onSecret?.((secret) => options.redactor.addSecret(secret));
  }

  /** Before a check's first request: room in every rate-limit window for a whole check (no-op without pacing). */
  async headroom(): Promise<void> {
    await this.#options.pacer?.headroom(CHECK_RESERVE);
  }

  get exchanges(): readonly HttpExchange[] {
    return this.#exchanges;
  }

  get<T>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, ...(body !== undefined ? { body } : {}) });
  }

  delete<T>(path: string, options?: RequestOptions) {
    return this.request<T>('DELETE', path, options);
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const upper = method.toUpperCase();
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const response = await this.#paced<T>(upper, path, options);
      // a cached credential the target refuses (an expired access token) is fetched anew, once
      if (response.status === 401 && this.#options.auth.renew && options.authorization === undefined && !renewed) {
        renewed = true;
        this.#options.auth.renew();
        attempt--;
        continue;
      }
      const retry = response.status === 429 && !options.noRetry && IDEMPOTENT.has(upper) && attempt < MAX_RETRIES_ON_429;
      const reset = Number(response.headers['x-rate-limit-reset']);
      if (!retry || !Number.isFinite(reset)) return response;
      const serverNow = Date.parse(response.headers.date ?? '') || Date.now();
      await this.#options.waitUntilReset(reset, serverNow);
    }
  }

  close(): Promise<void> {
    return this.#transport.close();
  }

  /** Sends through the pacer (unless the check wants to see the target's own throttling: `noRetry`). */
  async #paced<T>(method: string, path: string, options: RequestOptions): Promise<ApiResponse<T>> {
    const pacer = this.#options.pacer;
    if (!pacer || options.noRetry) return this.#send<T>(method, path, options);
    const url = new URL(this.#url(path, options.query));
    const release = await pacer.before(method, url);
    try {
      const response = await this.#send<T>(method, path, options);
      pacer.after(method, url, response.status, response.headers);
      return response;
    } finally {
      release();
    }
  }

  #url(path: string, query: RequestOptions['query']): string {
    // Links from the target are absolute; paths are relative to the base URL.
    const url = new URL(/^https?:\/\//.test(path) ? path : this.#options.baseUrl + path);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  async #send<T>(method: string, path: string, options: RequestOptions): Promise<ApiResponse<T>> {
    const url = this.#url(path, options.query);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
    };
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = options.rawBody ? String(options.body) : JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    // A check that sets (or drops, null) the Authorization header speaks for itself; otherwise the strategy signs.
    const credentialHeaders = new Set<string>();
    if (typeof options.authorization === 'string') headers.authorization = options.authorization;
    else if (options.authorization === undefined) {
      const signed = await this.#options.auth.authorize({ method, url: new URL(url), headers: { ...headers }, body: payload });
      for (const [name, value] of Object.entries(signed)) {
        headers[name.toLowerCase()] = value;
        credentialHeaders.add(name.toLowerCase());
      }
    }

    const started = Date.now();
    const response = await this.#transport.send({ method, url, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = response.text;
    const responseHeaders = flattenHeaders(response.headers);
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined; // not JSON: the check sees `text` and an undefined body
      }
    }
    this.#record(credentialValues(headers, credentialHeaders), {
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      request: { method, url, headers: redactCredentials(headers, credentialHeaders), ...(options.body !== undefined ? { body: options.rawBody ? String(options.body) : options.body } : {}) },
      response: { status: response.status, headers: responseHeaders, ...(text !== '' ? { body: body ?? text } : {}) },
    });
    return { status: response.status, headers: responseHeaders, body: body as T, text };
  }

  /** Records an exchange redacted: registered secrets, secret fields, and this request's credentials wherever they appear. */
  #record(credentials: readonly string[], raw: HttpExchange): void {
    const redactor = this.#options.redactor;
    const exchange: HttpExchange = {
      startedAt: raw.startedAt,
      durationMs: raw.durationMs,
      request: {
        method: raw.request.method,
        url: redactor.text(raw.request.url),
        headers: redactor.headers(raw.request.headers),
        ...('body' in raw.request ? { body: redactor.json(raw.request.body) } : {}),
      },
      response: {
        status: raw.response.status,
        headers: redactor.headers(raw.response.headers),
        ...('body' in raw.response ? { body: redactor.json(raw.response.body) } : {}),
      },
    };
    // A per-request credential (a signature) is not worth registering for the whole run: it is removed from its own
    // exchange. One that holds a registered secret (`SSWS <token>`) is already gone wherever it appears.
    const loose = credentials.filter((value) => redactor.text(value) === value);
    // Marked redacted: attaching it later walks it again only if a secret has been registered since.
    const recorded = redactor.redacted(loose.length === 0 ? exchange : withoutValues(exchange, loose));
    this.#exchanges.push(recorded);
    recordForCheck(recorded);
  }
}

function credentialValues(headers: Record<string, string>, credentialHeaders: ReadonlySet<string>): string[] {
  return [...credentialHeaders].flatMap((name) => headers[name] ?? []).filter((value) => value.length >= 4);
}

function withoutValues(exchange: HttpExchange, values: readonly string[]): HttpExchange {
  let json = JSON.stringify(exchange);
  for (const value of values) json = json.split(JSON.stringify(value).slice(1, -1)).join(REDACTED);
  return JSON.parse(json) as HttpExchange;
}

/** The strategy's headers as recorded: the scheme word stays (`SSWS [REDACTED]`), the credential goes. */
function redactCredentials(headers: Record<string, string>, credentialHeaders: ReadonlySet<string>): Record<string, string> {
  const out = { ...headers };
  for (const name of credentialHeaders) {
    const value = out[name];
    if (value === undefined) continue;
    const scheme = /^([A-Za-z][\w-]*) \S/.exec(value)?.[1];
    out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
  }
  return out;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
