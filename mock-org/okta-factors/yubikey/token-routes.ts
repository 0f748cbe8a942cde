import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../core/org-routes.js';
import { notFound, validationFailed } from '../../core/errors.js';
import { oktaId } from '../../core/ids.js';
import { bodyObject, booleanQuery, isObject } from '../../core/input.js';
import type { FactorServices } from '../kind.js';
import { compareBy, decodeCursor, encodeCursor, fieldValue, parseFilter, parseSort, type Cursor } from './token-query.js';
import { TOKENS_PATH, YUBIKEY_TOKENS, assignedTokenNotDeletable, type StoredYubikeyToken, assignedUser, parseUpload, presentToken, tokenStatus } from './tokens.js';
import { requestBaseUrl } from '../../core/base-url.js';

/** The org's YubiKey OTP token API (spec §8): upload, list (filter, sort, pages, CSV), get, delete. */

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
/** `forDownload=true` changes the default limit to 1000 [F][S]; the mock takes that as its maximum too. */
const DOWNLOAD_LIMIT = 1000;

type TokenParams = { Params: { tokenId: string } };

function queryStrings(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(request.query)) for (const [k, v] of Object.entries(request.query)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `limit`: a positive integer; above the maximum it is the maximum (the mock's choice; the docs only give the maximum). */
function parseLimit(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw validationFailed('limit', ['limit: must be a positive integer']);
  return Math.min(Number(raw), max);
}

function tokenOr404(org: FactorServices, tokenId: string): StoredYubikeyToken {
  const token = YUBIKEY_TOKENS.of(org.scope).get(tokenId);
  if (token) return token;
  if (org.faults.has('yubikey.get-unknown-wrong-error')) throw validationFailed('tokenId', ['tokenId: unknown token']);
  throw notFound(`Resource not found: ${tokenId} (YubikeyOtpToken)`);
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function toCsv(org: FactorServices, tokens: StoredYubikeyToken[]): string {
  const leak = org.faults.has('yubikey.csv-leaks-secrets');
  const header = ['id', 'serial', 'status', 'userId', 'userEmail', 'created', 'activated', 'lastVerified', ...(leak ? ['privateId', 'aesKey'] : [])];
  const rows = tokens.map((t) => {
    const user = assignedUser(org, t);
    return [
      t.id, fieldValue(org, t, 'profile.serial'), tokenStatus(org, t), user?.id ?? '', user?.profile.email ?? '',
      t.created, t.activated ?? '', t.lastVerified,
      ...(leak ? [Buffer.from(t.privateId).toString('hex'), Buffer.from(t.aesKey).toString('hex')] : []),
    ];
  });
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function registerYubikeyTokenRoutes(app: Routes, org: FactorServices): void {
  app.post(TOKENS_PATH, async (request) => {
    const upload = parseUpload(org, bodyObject(request.body));
    const now = org.clock.iso();
    const token: StoredYubikeyToken = {
      id: oktaId('ykk'),
      ...upload,
      created: now,
      lastUpdated: now,
      lastVerified: now,
      activated: null,
      assignment: null,
      lastCounter: -1,
      lastOtp: null,
    };
    YUBIKEY_TOKENS.of(org.scope).set(token.id, token);
    return presentToken(org, requestBaseUrl(request), token);
  });

  app.get(TOKENS_PATH, async (request, reply) => {
    const query = queryStrings(request);
    const forDownload = booleanQuery(request.query, 'forDownload');
    const expand = query.expand;
    if (expand !== undefined && expand !== 'user') throw validationFailed('expand', ['expand: only user can be expanded']);
    const limit = org.faults.has('yubikey.list-limit-ignored')
      ? Number.POSITIVE_INFINITY
      : parseLimit(query.limit, forDownload ? DOWNLOAD_LIMIT : DEFAULT_LIMIT, forDownload ? DOWNLOAD_LIMIT : MAX_LIMIT);
    const sort = parseSort(query.sortBy, query.sortOrder);
    const order = org.faults.has('yubikey.list-sort-ignored') ? { field: 'created' as const, descending: false } : sort;
    let matches: (token: StoredYubikeyToken) => boolean = () => true;
    if (query.filter !== undefined) {
      try {
        matches = parseFilter(org, query.filter);
      } catch (error) {
        if (!org.faults.has('yubikey.bad-filter-ignored')) throw error;
      }
      if (org.faults.has('yubikey.list-filter-ignored')) matches = () => true;
    }
    const after = query.after !== undefined ? decodeCursor(query.after) : undefined;

    const compare = compareBy(order);
    const keyed = [...YUBIKEY_TOKENS.of(org.scope).values()]
      .filter(matches)
      .map((token) => ({ token, cursor: { key: fieldValue(org, token, order.field), id: token.id } as Cursor }))
      .sort((a, b) => compare(a.cursor, b.cursor));
    let start = after ? keyed.findIndex((k) => compare(k.cursor, after) > 0) : 0;
    if (start < 0) start = keyed.length;
    if (after && org.faults.has('yubikey.cursor-repeats')) start = Math.max(0, start - 1);
    const page = keyed.slice(start, start + limit);
    const last = page[page.length - 1];

    const baseUrl = requestBaseUrl(request);
    const selfUrl = new URL(`${baseUrl}${TOKENS_PATH}`);
    for (const [k, v] of Object.entries(query)) selfUrl.searchParams.set(k, v);
    const links = [`<${selfUrl.href}>; rel="self"`];
    if (last && start + limit < keyed.length) {
      const next = new URL(selfUrl.href);
      next.searchParams.set('after', encodeCursor(last.cursor));
      links.push(`<${next.href}>; rel="next"`);
    }
    reply.header('link', links.join(', '));

    if (forDownload) {
      return reply.type('text/csv; charset=utf-8').send(toCsv(org, page.map((k) => k.token)));
    }
    return page.map((k) => presentToken(org, baseUrl, k.token, { expandUser: expand === 'user' }));
  });

  app.get<TokenParams>(`${TOKENS_PATH}/:tokenId`, async (request) =>
    presentToken(org, requestBaseUrl(request), tokenOr404(org, request.params.tokenId)),
  );

  // Only hinted at by the unassigned token's self link (spec §8: operation UNCONFIRMED); E0000102 for an assigned one.
  app.delete<TokenParams>(`${TOKENS_PATH}/:tokenId`, async (request, reply) => {
    const token = tokenOr404(org, request.params.tokenId);
    if (tokenStatus(org, token) === 'ACTIVE') throw assignedTokenNotDeletable();
    YUBIKEY_TOKENS.of(org.scope).delete(token.id);
    return reply.code(204).send();
  });
}
