import { createHmac } from 'node:crypto';
import type { ProviderAnswer, ProviderNetwork, ProviderRequest } from './provider-network.js';

/**
 * The Duo account a duo-web config points at, reached for real over HTTP through Duo's Auth API v2,
 * every call signed with the integration's keys (`configProperties.ikey`/`skey`, spec §4.1 INFERENCE):
 * the tenant checks the keys (`/check`), starts a push (`/preauth`, `/auth` async) and reads its
 * outcome (`/auth_status`). `host` is the API host name the requests are signed for and sent to
 * as Host; where that name is served is the address book's answer (a mock's own Duo hosts), else
 * https://{host}, as for Duo itself. An embedded run's account beside the tenant is reached through its app in
 * this process (provider-network.ts).
 */
export interface DuoAccountRef {
  host: string;
  ikey: string;
  skey: string;
}


const TIMEOUT_MS = 5_000;
const UNRESERVED = /^[A-Za-z0-9_.~-]$/;

function percentEncode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Duo's canonical parameters: each key and value percent-encoded (RFC 3986), sorted by key. */
function canonicalParams(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key] ?? '')}`)
    .join('&');
}

type DuoAnswer = { status: number; body: Record<string, unknown> | undefined } | { unreachable: string };

/** One signed call (signature v2, HMAC-SHA512): GET parameters in the query, POST parameters as a form body. */
async function call(network: ProviderNetwork, account: DuoAccountRef, nowMs: number, method: 'GET' | 'POST', path: string, params: Record<string, string>): Promise<DuoAnswer> {
  const date = new Date(nowMs).toUTCString().replace('GMT', '-0000');
  const encoded = canonicalParams(params);
  const canonical = [date, method, account.host.toLowerCase(), path, encoded].join('\n');
  const signature = createHmac('sha512', account.skey).update(canonical, 'utf8').digest('hex');
  const base = (network.duoAddresses(account.host) ?? `https://${account.host}`).replace(/\/+$/, '');
  const sent: ProviderRequest = {
    method,
    url: `${base}${path}${method === 'GET' && encoded ? `?${encoded}` : ''}`,
    headers: {
      host: account.host,
      date,
      authorization: `Basic ${Buffer.from(`${account.ikey}:${signature}`).toString('base64')}`,
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(method === 'POST' ? { body: encoded } : {}),
  };
  try {
    const { status, text } = await (network.local(sent) ?? overTheNetwork(sent));
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status, body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined };
  } catch (error) {
    return { unreachable: error instanceof Error ? error.message : 'unreachable' };
  }
}

/** undici, loaded with the first call over the network: a run whose Duo account is in process never loads it. */
let undici: Promise<typeof import('undici')> | undefined;

async function overTheNetwork(sent: ProviderRequest): Promise<ProviderAnswer> {
  undici ??= import('undici');
  const { request } = await undici;
  const response = await request(sent.url, {
    method: sent.method,
    headers: sent.headers,
    ...(sent.body !== undefined ? { body: sent.body } : {}),
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  return { status: response.statusCode, text: await response.body.text() };
}

const response = (answer: DuoAnswer): Record<string, unknown> | undefined => {
  if ('unreachable' in answer || answer.status !== 200 || answer.body?.stat !== 'OK') return undefined;
  const inner = answer.body.response;
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : undefined;
};

/** Does the Duo account answer these keys? `/auth/v2/check` (signed): null when it does, else why not. */
export async function testDuoAccount(network: ProviderNetwork, account: DuoAccountRef, nowMs: number): Promise<string | null> {
  const answer = await call(network, account, nowMs, 'GET', '/auth/v2/check', {});
  if ('unreachable' in answer) return `The Duo host could not be reached: ${answer.unreachable}`;
  if (response(answer)) return null;
  if (answer.status === 401) return 'The Duo host refused the integration keys.';
  return `The Duo host answered HTTP ${answer.status}.`;
}

export type DuoPushStart =
  | { kind: 'sent'; txid: string }
  | { kind: 'allowed' }
  | { kind: 'denied'; error: string }
  | { kind: 'not-enrolled'; error: string }
  | { kind: 'failed'; error: string };

/** Preauth decides (allow, deny, enroll); for `auth` a push goes to the user's first push-capable device, async. */
export async function startDuoPush(network: ProviderNetwork, account: DuoAccountRef, nowMs: number, username: string, ipaddr?: string): Promise<DuoPushStart> {
  const pre = await call(network, account, nowMs, 'POST', '/auth/v2/preauth', { username });
  if ('unreachable' in pre) return { kind: 'failed', error: `The Duo host could not be reached: ${pre.unreachable}` };
  const decision = response(pre);
  if (!decision) return { kind: 'failed', error: `The Duo host answered preauth with HTTP ${pre.status}.` };
  if (decision.result === 'allow') return { kind: 'allowed' };
  if (decision.result === 'deny') return { kind: 'denied', error: 'Duo denied the user.' };
  if (decision.result !== 'auth') return { kind: 'not-enrolled', error: 'The user has no Duo device to authenticate with.' };
  const devices = Array.isArray(decision.devices) ? decision.devices : [];
  const pushable = devices.some((d: unknown) => typeof d === 'object' && d !== null && Array.isArray((d as { capabilities?: unknown }).capabilities) && (d as { capabilities: unknown[] }).capabilities.includes('push'));
  if (!pushable) return { kind: 'not-enrolled', error: 'The user has no Duo Mobile device that takes a push.' };
  const started = await call(network, account, nowMs, 'POST', '/auth/v2/auth', { username, factor: 'push', device: 'auto', async: '1', ...(ipaddr ? { ipaddr } : {}) });
  const txid = 'unreachable' in started ? undefined : response(started)?.txid;
  if (typeof txid !== 'string') return { kind: 'failed', error: 'The Duo host did not start the push.' };
  return { kind: 'sent', txid };
}

/** A push's outcome: Duo's `result` (waiting, allow, deny) and `status` (e.g. timeout), or null when unreadable. */
export async function duoPushStatus(network: ProviderNetwork, account: DuoAccountRef, nowMs: number, txid: string): Promise<{ result: string; status: string } | null> {
  const answer = response(await call(network, account, nowMs, 'GET', '/auth/v2/auth_status', { txid }));
  if (!answer || typeof answer.result !== 'string') return null;
  return { result: answer.result, status: typeof answer.status === 'string' ? answer.status : '' };
}
