import { duoAuthorization, duoDate, type DuoKeys, type DuoRequestToSign, type DuoSignatureVersion } from '../auth/duo-hmac.js';
import type { ApiResponse } from '../contract.js';
import type { HttpApiClient } from '../http-client.js';

/** Duo's envelope (spec §2.1). */
export interface DuoEnvelope<T = unknown> {
  stat: 'OK' | 'FAIL';
  response?: T;
  code?: number;
  message?: string;
  message_detail?: string;
  metadata?: Record<string, unknown>;
}

export type DuoParams = Record<string, string | number | boolean | undefined>;

/** Which integration signs: the Auth API's or the Admin API's. */
export type DuoIntegrationName = 'auth' | 'admin';

/** One Duo call, and how to sign it (or, for the signing checks, how to get it wrong). */
export interface DuoCall {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  params?: DuoParams;
  /** Signature form; `v5` sends POST parameters as a JSON body. Default v2-sha512. */
  version?: DuoSignatureVersion;
  integration?: DuoIntegrationName;
  /** Send no Authorization header at all. */
  unsigned?: boolean;
  /** What the signature covers differs from what is sent (tamper checks): fields override the real request's. */
  signAs?: Partial<DuoRequestToSign>;
  /** Sign with these keys instead of the integration's. */
  keys?: DuoKeys;
  /** The Date header: another time (epoch ms), or null for none. */
  dateMs?: number | null;
  /** Extra request headers (sent, and hashed by v5 when they are X-Duo-*). */
  headers?: Record<string, string>;
  /** Send the body verbatim (JSON text) instead of the encoded params. */
  rawBody?: string;
}

/**
 * A Duo API client over the driver's recording HTTP client: builds the query, form or JSON body the
 * way Duo's official clients do, signs it (drivers/auth/duo-hmac.ts) with the host name the account is
 * addressed by, and sends that name as the Host header.
 */
export class DuoApiClient {
  constructor(
    private readonly http: HttpApiClient,
    private readonly account: { host: string; auth: DuoKeys; admin: DuoKeys },
    /** The target's now (its clock where it has one), so that dates fall within Duo's window. */
    private readonly now: () => number,
    /** Secrets an answer carries (activation codes and links, bypass codes) are registered for redaction. */
    private readonly registerSecret: (value: string) => void,
  ) {}

  get host(): string {
    return this.account.host;
  }

  /** An integration's key (not a secret: it travels in every request). */
  integrationKey(integration: DuoIntegrationName): string {
    return this.account[integration].ikey;
  }

  /** A call's whole response; `response` is typed for the success case. */
  async call<T = unknown>(call: DuoCall): Promise<ApiResponse<DuoEnvelope<T>>> {
    const version = call.version ?? 'v2-sha512';
    const params = Object.entries(call.params ?? {}).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]));
    const inBody = call.method === 'POST';
    const json = inBody && version === 'v5';
    const body = call.rawBody ?? (inBody ? (json ? JSON.stringify(Object.fromEntries(params)) : new URLSearchParams(params).toString().replace(/\+/g, '%20')) : undefined);
    const query = inBody ? [] : params;
    const dateMs = call.dateMs === undefined ? this.now() : call.dateMs;
    const date = dateMs === null ? undefined : duoDate(dateMs);
    const headers: Record<string, string> = { host: this.account.host, ...(date ? { date } : {}), ...(call.headers ?? {}) };
    if (body !== undefined) headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded';
    const keys = call.keys ?? (call.integration === 'admin' ? this.account.admin : this.account.auth);
    const signed: DuoRequestToSign = {
      date: date ?? '',
      method: call.method,
      host: this.account.host,
      path: call.path,
      params: json ? query : inBody ? params : query,
      body: json ? (body ?? '') : '',
      duoHeaders: headers,
      ...call.signAs,
    };
    const authorization = call.unsigned ? null : duoAuthorization(version, keys, signed);
    const search = query.length > 0 ? `?${query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
    const res = await this.http.request<DuoEnvelope<T>>(call.method, `${call.path}${search}`, {
      headers,
      authorization,
      noRetry: true,
      ...(body !== undefined ? { body, rawBody: true } : {}),
    });
    this.#registerAnswerSecrets(call, res.body?.response);
    return res;
  }

  /** Activation codes (in a code, a link or a QR URL) and freshly created bypass codes are secrets (spec §3.1, §4.2, §4.4). */
  #registerAnswerSecrets(call: DuoCall, response: unknown): void {
    if (call.method === 'POST' && /\/bypass_codes$/.test(call.path) && Array.isArray(response)) {
      for (const code of response) if (typeof code === 'string') this.registerSecret(code);
    }
    if (typeof response !== 'object' || response === null) return;
    for (const [key, value] of Object.entries(response)) {
      if (typeof value !== 'string' || !/^(activation_code|activation_url|activation_barcode|installation_url)$/.test(key)) continue;
      this.registerSecret(value);
      const code = /([^/=]+)$/.exec(decodeURIComponent(value).replace(/^duo:\/\//, ''))?.[1];
      if (code) this.registerSecret(code);
    }
  }

  /** The `response` of a successful call; throws with the Duo error otherwise. */
  async ok<T = unknown>(call: DuoCall): Promise<T> {
    const res = await this.call<T>(call);
    if (res.status !== 200 || res.body?.stat !== 'OK') {
      throw new Error(`${call.method} ${call.path}: HTTP ${res.status} ${res.body?.code ?? ''} ${res.body?.message ?? res.text.slice(0, 200)}`);
    }
    return res.body.response as T;
  }

  auth<T = unknown>(method: DuoCall['method'], path: string, params?: DuoParams, version?: DuoSignatureVersion): Promise<ApiResponse<DuoEnvelope<T>>> {
    return this.call<T>({ method, path, ...(params ? { params } : {}), ...(version ? { version } : {}) });
  }

  admin<T = unknown>(method: DuoCall['method'], path: string, params?: DuoParams, version?: DuoSignatureVersion): Promise<ApiResponse<DuoEnvelope<T>>> {
    return this.call<T>({ method, path, integration: 'admin', ...(params ? { params } : {}), ...(version ? { version } : {}) });
  }
}
