import type { Routes } from '../core/org-routes.js';
import type { DuoAccount, DuoLogEntry } from './account.js';
import { DUO_ACCOUNT } from './account.js';
import type { DuoOrg } from './context.js';
import { invalidParameter } from './errors.js';
import { DuoParams } from './params.js';
import { ok } from './reply.js';

/** Entries show up two minutes after the attempt: Duo delays them on purpose (spec §4.6). */
const LOG_DELAY_MS = 120_000;
const MAX_RANGE_MS = 180 * 24 * 3600_000;

export function logAttempt(org: DuoOrg, account: DuoAccount, entry: Omit<DuoLogEntry, 'timestampMs'>): void {
  account.log.push({ ...entry, timestampMs: org.clock.now() });
}

/** GET /admin/v2/logs/authentication: mintime/maxtime (ms), limit, sort, next_offset `ms,txid` (spec §4.6). */
export function registerAuthLogRoutes(app: Routes, org: DuoOrg): void {
  app.get('/admin/v2/logs/authentication', async (request, reply) => {
    const account = DUO_ACCOUNT.of(org.scope);
    const params = DuoParams.of(request);
    const now = org.clock.now();
    const mintime = params.integer('mintime', NaN, 0, Number.MAX_SAFE_INTEGER);
    const maxtime = params.integer('maxtime', NaN, 0, Number.MAX_SAFE_INTEGER);
    if (Number.isNaN(mintime)) throw invalidParameter('mintime');
    if (Number.isNaN(maxtime)) throw invalidParameter('maxtime');
    if (mintime >= maxtime || mintime < now - MAX_RANGE_MS) throw invalidParameter('mintime');
    const limit = Math.min(params.integer('limit', 100, 1, 1_000_000), 1000);
    const sort = params.optional('sort') ?? 'ts:desc';
    if (sort !== 'ts:desc' && sort !== 'ts:asc') throw invalidParameter('sort');
    const ignoreRange = org.faults.has('duo-auth.log-ignores-time-range');
    const visible = account.log
      .filter((e) => e.timestampMs <= now - LOG_DELAY_MS)
      .filter((e) => ignoreRange || (e.timestampMs >= mintime && e.timestampMs <= maxtime))
      .sort((a, b) => (sort === 'ts:asc' ? 1 : -1) * (a.timestampMs - b.timestampMs || (a.txid < b.txid ? -1 : 1)));
    // next_offset is `[ms, txid]`, sent back as one "ms,txid" value or as the key twice (spec §4.6).
    const offset = params.all('next_offset').join(',');
    let start = 0;
    if (offset !== '' && !org.faults.has('duo-auth.log-paging-repeats')) {
      const txid = offset.split(',')[1];
      const at = visible.findIndex((e) => e.txid === txid);
      if (at < 0) throw invalidParameter('next_offset');
      start = at + 1;
    }
    const page = visible.slice(start, start + limit);
    const last = page[page.length - 1];
    const more = start + limit < visible.length && last !== undefined;
    return ok(reply, {
      authlogs: page.map((entry) => present(account, entry)),
      metadata: { total_objects: visible.length, ...(more ? { next_offset: [String(last.timestampMs), last.txid] } : {}) },
    });
  });
}

function present(account: DuoAccount, entry: DuoLogEntry): Record<string, unknown> {
  return {
    txid: entry.txid,
    timestamp: Math.floor(entry.timestampMs / 1000),
    isotimestamp: new Date(entry.timestampMs).toISOString().replace('Z', '000+00:00'),
    event_type: 'authentication',
    factor: entry.factor,
    result: entry.result,
    reason: entry.reason,
    user: { key: entry.user_id, name: entry.username, groups: [] },
    application: { key: account.auth.ikey, name: 'Auth API' },
    alias: '',
    email: account.users.get(entry.user_id)?.email ?? '',
    access_device: { ip: entry.ipaddr || null, hostname: null, location: { city: null, state: null, country: null } },
    auth_device: { ip: null, name: entry.device || null, location: { city: null, state: null, country: null } },
    ood_software: null,
    trusted_endpoint_status: 'unknown',
  };
}
