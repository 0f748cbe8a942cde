import { createHash, createHmac } from 'node:crypto';
import type { AuthStrategy, OutgoingRequest } from './strategy.js';

/**
 * Duo's request signing (Auth API v2, Admin API): the integration key is the HTTP Basic user name and
 * an HMAC over a canonical form of the request is the password (shared/spec duo-auth-admin §1).
 *
 * - v2: `date\nMETHOD\nhost\npath\nparams`, HMAC-SHA1 (what the docs and older signers use) or
 *   HMAC-SHA512 (what the official clients send); `params` is the query or the form body.
 * - v5: `date\nMETHOD\nhost\npath\nqueryParams\nsha512(body)\nsha512(x-duo headers)`, HMAC-SHA512;
 *   POST/PUT/PATCH send a JSON body and sign no parameters on line 5.
 */
export type DuoSignatureVersion = 'v2-sha1' | 'v2-sha512' | 'v5';

export interface DuoKeys {
  /** Integration key (the Basic user name). */
  ikey: string;
  /** Secret key (never sent). */
  skey: string;
}

/** Only these stay literal; everything else is `%XX` with upper-case hex (space is `%20`, never `+`). */
function duoEncode(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'))
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** `key=value` pairs, encoded, sorted by key (code-unit order of the encoded key), then by value, joined by `&`. */
export function canonicalParams(params: readonly (readonly [string, string])[]): string {
  return params
    .map(([key, value]) => [duoEncode(key), duoEncode(value)] as const)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

const sha512Hex = (text: string): string => createHash('sha512').update(text, 'utf8').digest('hex');

/** v5's last line: the `x-duo-*` headers, names lower-cased and sorted, joined as `name\0value\0…`. */
export function canonicalDuoHeaders(headers: Readonly<Record<string, string>>): string {
  const picked = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => name.startsWith('x-duo-') && name !== 'x-duo-date')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return sha512Hex(picked.flatMap(([name, value]) => [name, value]).join('\0'));
}

export interface DuoRequestToSign {
  date: string;
  method: string;
  /** The API host name as signed: lower-cased, without the port. */
  host: string;
  /** The path, no query string. */
  path: string;
  /** Query parameters (GET/DELETE) or, for v2, the form body's. */
  params: readonly (readonly [string, string])[];
  /** v5: the exact body bytes sent (empty for GET/DELETE). */
  body?: string;
  /** v5: extra `X-Duo-*` headers sent. */
  duoHeaders?: Readonly<Record<string, string>>;
}

export function canonicalRequest(version: DuoSignatureVersion, request: DuoRequestToSign): string {
  const lines = [request.date, request.method.toUpperCase(), request.host.toLowerCase().replace(/:\d+$/, ''), request.path, canonicalParams(request.params)];
  if (version !== 'v5') return lines.join('\n');
  return [...lines, sha512Hex(request.body ?? ''), canonicalDuoHeaders(request.duoHeaders ?? {})].join('\n');
}

/** The lower-case hex signature of a request. */
export function duoSignature(version: DuoSignatureVersion, skey: string, request: DuoRequestToSign): string {
  return createHmac(version === 'v2-sha1' ? 'sha1' : 'sha512', skey).update(canonicalRequest(version, request), 'utf8').digest('hex');
}

/** `Basic base64(ikey:signature)`. */
export function duoAuthorization(version: DuoSignatureVersion, keys: DuoKeys, request: DuoRequestToSign): string {
  return `Basic ${Buffer.from(`${keys.ikey}:${duoSignature(version, keys.skey, request)}`).toString('base64')}`;
}

/** RFC 2822 date as Duo's clients send it (`Tue, 21 Aug 2012 17:29:18 -0000`). */
export function duoDate(epochMs: number): string {
  return new Date(epochMs).toUTCString().replace(/GMT$/, '-0000');
}

/** Decoded `key=value` pairs of a query string or form body (`+` is a space in form encoding). */
function formPairs(text: string): [string, string][] {
  return [...new URLSearchParams(text)];
}

export interface DuoHmacOptions extends DuoKeys {
  /** The API host name to sign with (and to send as `Host`); the URL's host when not given. */
  host?: string;
  /** Which signature form requests without a JSON body use (JSON bodies are always v5). Default v2-sha512. */
  version?: DuoSignatureVersion;
  /** The signer's idea of now, epoch ms (the target's clock, so dates stay within Duo's window). */
  now?: () => number | Promise<number>;
}

/**
 * Duo HMAC request signing as an authentication strategy: a request with a JSON body is signed v5;
 * others are signed with `version` over the query (GET/DELETE) or the form body (POST).
 */
export function duoHmac(options: DuoHmacOptions): AuthStrategy {
  const version = options.version ?? 'v2-sha512';
  return {
    scheme: version === 'v2-sha1' ? 'Duo HMAC-SHA1' : 'Duo HMAC-SHA512',
    secrets: [options.skey],
    async authorize(request: OutgoingRequest) {
      const date = duoDate(await (options.now ?? Date.now)());
      const host = request.headers.host ?? options.host ?? request.url.hostname;
      const json = (request.headers['content-type'] ?? '').startsWith('application/json');
      const form = (request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const used: DuoSignatureVersion = json ? 'v5' : version;
      const params = json ? [] : form ? formPairs(request.body ?? '') : [...request.url.searchParams];
      const signed: DuoRequestToSign = {
        date,
        method: request.method,
        host,
        path: request.url.pathname,
        params: json ? [...request.url.searchParams] : params,
        body: json ? (request.body ?? '') : '',
        duoHeaders: request.headers,
      };
      return { date, authorization: duoAuthorization(used, options, signed) };
    },
  };
}
