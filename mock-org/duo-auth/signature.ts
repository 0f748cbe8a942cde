import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DuoIntegration } from './account.js';
import { badTimestamp, invalidIntegrationKey, invalidSignature, missingCredentials, missingTimestamp } from './errors.js';

/**
 * The mock's own check of Duo's request signatures (spec §1, decisions D1–D5), written apart from the
 * harness's signer so that a bug in one cannot cancel out in the other.
 */

/** Duo's own test server allows ±300 s (D3). */
const DATE_WINDOW_MS = 300_000;

export interface ReceivedRequest {
  method: string;
  /** The raw request target: path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body text ('' when none). */
  body: string;
}

export interface VerifyOptions {
  nowMs: number;
  /** The integration whose key the request must carry (Auth API or Admin API). */
  integration: DuoIntegration;
  /** Fault switches the verification honours. */
  acceptSha1?: boolean;
  acceptV5?: boolean;
  anySignature?: boolean;
  anyDate?: boolean;
  unknownKeyCode?: 40102 | 40103;
}

/** Throws the DuoError the request earns (40101, 40102, 40103, 40104, 40105). */
export function verifyDuoRequest(request: ReceivedRequest, options: VerifyOptions): void {
  const credentials = basicCredentials(header(request.headers, 'authorization'));
  if (!credentials) throw missingCredentials();
  const dateText = header(request.headers, 'x-duo-date') ?? header(request.headers, 'date');
  const dateMs = dateText === undefined ? NaN : Date.parse(dateText);
  if (!dateText || Number.isNaN(dateMs)) throw missingTimestamp();
  if (credentials.user !== options.integration.ikey) throw options.unknownKeyCode === 40103 ? invalidSignature() : invalidIntegrationKey();
  if (!options.anyDate && Math.abs(dateMs - options.nowMs) > DATE_WINDOW_MS) throw badTimestamp();
  if (options.anySignature) return;

  const [path = '', query = ''] = splitTarget(request.url);
  const host = (header(request.headers, 'host') ?? '').toLowerCase().replace(/:\d+$/, '');
  const contentType = (header(request.headers, 'content-type') ?? '').toLowerCase();
  const queryPairs = decodePairs(query);
  const head = [dateText, request.method.toUpperCase(), host, path];
  const candidates: { algorithm: 'sha1' | 'sha512'; canonical: string }[] = [];
  const v5 = (params: [string, string][]) =>
    [...head, encodePairs(params), sha512(request.body), sha512(duoHeaderBlock(request.headers))].join('\n');
  if (contentType.startsWith('application/json')) {
    if (options.acceptV5 !== false) candidates.push({ algorithm: 'sha512', canonical: v5(queryPairs) });
  } else {
    const params = contentType.startsWith('application/x-www-form-urlencoded') ? decodePairs(request.body) : queryPairs;
    const v2 = [...head, encodePairs(params)].join('\n');
    if (options.acceptV5 !== false) candidates.push({ algorithm: 'sha512', canonical: v5(queryPairs) });
    candidates.push({ algorithm: 'sha512', canonical: v2 });
    if (options.acceptSha1 !== false) candidates.push({ algorithm: 'sha1', canonical: v2 });
  }
  const given = credentials.password.toLowerCase();
  const matches = candidates.some(({ algorithm, canonical }) => {
    const expected = createHmac(algorithm, options.integration.skey).update(canonical, 'utf8').digest('hex');
    return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  });
  if (!matches) throw invalidSignature();
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function basicCredentials(value: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(value ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Path and query of the raw request target, cut at the first `?` (Python sends `/path?` with no params). */
function splitTarget(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at + 1)];
}

/** Decoded pairs of a query or form body; `+` is a space (form encoding), `%XX` decoded as UTF-8. */
function decodePairs(text: string): [string, string][] {
  if (text === '') return [];
  return text.split('&').filter((part) => part !== '').map((part) => {
    const eq = part.indexOf('=');
    const [key, value] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    return [decodeForm(key), decodeForm(value)];
  });
}

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a broken escape is taken literally; the signature then simply will not match
  }
}

const UNRESERVED = /^[A-Za-z0-9_.~-]$/;

function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += UNRESERVED.test(char) ? char : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Sorted by encoded key, then value (several values of one key are sorted, D4). */
function encodePairs(pairs: [string, string][]): string {
  const encoded = pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`);
  return encoded.sort((a, b) => {
    const [ka = '', va = ''] = a.split('=');
    const [kb = '', vb = ''] = b.split('=');
    if (ka !== kb) return ka < kb ? -1 : 1;
    return va < vb ? -1 : va > vb ? 1 : 0;
  }).join('&');
}

/** v5: every `x-duo-*` header but the date, names lower-cased and sorted, `name\0value\0…` (D5). */
function duoHeaderBlock(headers: IncomingHttpHeaders): string {
  return Object.keys(headers)
    .map((name) => name.toLowerCase())
    .filter((name) => name.startsWith('x-duo-') && name !== 'x-duo-date')
    .sort()
    .flatMap((name) => [name, header(headers, name) ?? ''])
    .join('\0');
}

const sha512 = (text: string) => createHash('sha512').update(text, 'utf8').digest('hex');
