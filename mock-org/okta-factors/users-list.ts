/**
 * `GET /api/v1/users`: the users list with `search`, `filter`, `q`, `limit` and `after` (spec okta-real-org §3.2–3.3),
 * so that the harness's sweep is tested against it. `search` takes `eq`, `sw`, `co`, `gt`/`ge`/`lt`/`le`, `and`/`or`
 * and parentheses over `id`, `status`, the timestamps and any `profile.*` attribute, values case-insensitive;
 * `filter` takes `eq` (and ranges on `lastUpdated`) over its documented fields, values case-sensitive; `q` matches
 * firstName, lastName and email by prefix, omits DEPROVISIONED users and does not page. With no parameter the list
 * omits DEPROVISIONED users. Paging is a cursor: `after` is the last id of the page, in a `Link: rel="next"` header.
 */
import type { Routes } from '../core/org-routes.js';
import { OktaError } from '../core/errors.js';
import { requestBaseUrl } from '../core/base-url.js';
import type { FactorServices } from './kind.js';
import type { StoredUser } from './store.js';
import { presentUser } from './users.js';

const MAX_LIMIT = 200;
const Q_DEFAULT_LIMIT = 10;
const FILTER_FIELDS = new Set(['status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName']);

/** 400 E0000031 for a search the org cannot parse, E0000030 for a bad filter (Okta's catalog codes for them). */
const invalidSearch = () => new OktaError(400, 'E0000031', 'Invalid search criteria.');
const invalidFilter = () => new OktaError(400, 'E0000030', 'Bad request. Invalid filter parameter.');

type Predicate = (user: StoredUser) => boolean;

export function registerUserListRoutes(app: Routes, org: FactorServices): void {
  app.get('/api/v1/users', async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : undefined);
    const search = text('search');
    const filter = text('filter');
    const q = text('q');
    const limitText = text('limit');
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw invalidSearch();
    let users = [...org.store.users.values()];
    if (search !== undefined) users = users.filter(parseExpression(search, 'search'));
    else if (filter !== undefined) users = users.filter(parseExpression(filter, 'filter'));
    else if (q !== undefined) {
      const prefix = q.toLowerCase();
      users = users.filter((u) => u.status !== 'DEPROVISIONED' && [u.profile.firstName, u.profile.lastName, u.profile.email].some((v) => v.toLowerCase().startsWith(prefix)));
      const base = requestBaseUrl(request);
      return users.slice(0, Math.min(limit ?? Q_DEFAULT_LIMIT, MAX_LIMIT)).map((u) => presentUser(base, u));
    } else users = users.filter((u) => u.status !== 'DEPROVISIONED');

    const after = text('after');
    if (after !== undefined) {
      const index = users.findIndex((u) => u.id === after);
      users = index === -1 ? [] : users.slice(index + 1);
    }
    const size = Math.min(limit ?? MAX_LIMIT, MAX_LIMIT);
    const page = users.slice(0, size);
    const base = requestBaseUrl(request);
    const self = new URL(`${base}/api/v1/users`);
    for (const [name, value] of Object.entries(query)) if (typeof value === 'string') self.searchParams.set(name, value);
    const links = [`<${self.toString()}>; rel="self"`];
    const last = page[page.length - 1];
    if (users.length > size && last) {
      const next = new URL(self);
      next.searchParams.set('after', last.id);
      next.searchParams.set('limit', String(size));
      links.push(`<${next.toString()}>; rel="next"`);
    }
    reply.header('link', links.join(', '));
    return page.map((u) => presentUser(base, u));
  });
}

/** Parses a `search` or `filter` expression into a predicate (throws Okta's 400 for what it cannot read). */
function parseExpression(source: string, kind: 'search' | 'filter'): Predicate {
  const refuse = kind === 'search' ? invalidSearch : invalidFilter;
  const tokens = tokenize(source, refuse);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++];

  function orExpr(): Predicate {
    let left = andExpr();
    while (peek()?.toLowerCase() === 'or') {
      take();
      const right = andExpr();
      const l = left;
      left = (u) => l(u) || right(u);
    }
    return left;
  }
  function andExpr(): Predicate {
    let left = primary();
    while (peek()?.toLowerCase() === 'and') {
      take();
      const right = primary();
      const l = left;
      left = (u) => l(u) && right(u);
    }
    return left;
  }
  function primary(): Predicate {
    if (peek() === '(') {
      take();
      const inner = orExpr();
      if (take() !== ')') throw refuse();
      return inner;
    }
    const field = take();
    const op = take()?.toLowerCase();
    const literal = take();
    if (field === undefined || op === undefined || literal === undefined || !literal.startsWith('"')) throw refuse();
    const value = literal.slice(1, -1);
    return comparison(field, op, value, kind, refuse);
  }

  const predicate = orExpr();
  if (at !== tokens.length) throw refuse();
  return predicate;
}

function comparison(field: string, op: string, value: string, kind: 'search' | 'filter', refuse: () => OktaError): Predicate {
  if (kind === 'filter') {
    if (!FILTER_FIELDS.has(field)) throw refuse();
    if (op !== 'eq' && !(field === 'lastUpdated' && ['gt', 'ge', 'lt', 'le'].includes(op))) throw refuse();
  } else if (!['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le'].includes(op)) throw refuse();
  if (kind === 'search' && op === 'co' && !['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login'].includes(field)) throw refuse();
  // search values are case-insensitive, filter values case-sensitive
  const fold = (s: string) => (kind === 'search' ? s.toLowerCase() : s);
  const wanted = fold(value);
  return (user) => {
    const actual = attribute(user, field);
    if (actual === undefined) return false;
    const have = fold(actual);
    switch (op) {
      case 'eq':
        return have === wanted;
      case 'sw':
        return have.startsWith(wanted);
      case 'co':
        return have.includes(wanted);
      case 'gt':
        return have > wanted;
      case 'ge':
        return have >= wanted;
      case 'lt':
        return have < wanted;
      default:
        return have <= wanted;
    }
  };
}

function attribute(user: StoredUser, field: string): string | undefined {
  if (field.startsWith('profile.')) {
    const value = user.profile[field.slice('profile.'.length)];
    return typeof value === 'string' ? value : undefined;
  }
  const top: Record<string, string | null> = {
    id: user.id,
    status: user.status,
    created: user.created,
    activated: user.activated,
    statusChanged: user.statusChanged,
    lastUpdated: user.lastUpdated,
  };
  return top[field] ?? undefined;
}

function tokenize(source: string, refuse: () => OktaError): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()"]+)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = pattern.exec(source)) !== null) {
    if (match[1] === undefined) break;
    tokens.push(match[1]);
    end = pattern.lastIndex;
  }
  if (source.slice(end).trim() !== '' || tokens.length === 0) throw refuse();
  return tokens;
}
