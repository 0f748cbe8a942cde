/**
 * Finding and removing what runs left behind in a real org: users whose login starts with the harness's prefix and
 * whose profile carries its marker (spec §3.2: `search` with `sw`, paged by the `Link: rel="next"` header).
 * The harness never touches a user without both.
 */
import type { ApiClient, TargetConfig } from '../contract.js';
import { sswsToken } from '../auth/ssws.js';
import { HttpApiClient } from '../http-client.js';
import { RateLimitPacer } from '../pacing.js';
import { Redactor } from '../redact.js';
import { oktaAuth } from './credentials.js';
import { readJournal } from './run-journal.js';
import { removeUser, runLoginPrefix, runMarker, TEST_USER_LOGIN_PREFIX, TEST_USER_MARKER } from './fixtures.js';

export interface Leftover {
  id: string;
  login: string;
  status: string;
}

/** An API client for the CLI's own requests (cleanup, sweep), paced by the target's rate limits in real time. */
export function adminClient(target: Exclude<TargetConfig, { kind: 'mock' }>): HttpApiClient {
  const auth = target.kind === 'http' ? sswsToken(target.token) : oktaAuth(target.baseUrl, target.credentials);
  const waitUntilReset = (reset: number, serverNow: number) =>
    new Promise<void>((resolve) => setTimeout(resolve, Math.min(60_000, Math.max(0, reset * 1000 - serverNow) + 1000)));
  return new HttpApiClient({ baseUrl: target.baseUrl, auth, redactor: new Redactor(), waitUntilReset, pacer: new RateLimitPacer({ waitUntilReset, maxConcurrency: 4 }) });
}

/** The harness's users (of one run, or of every run), found by login prefix and marker. */
export async function findLeftovers(api: ApiClient, runId?: string): Promise<Leftover[]> {
  const prefix = runId ? runLoginPrefix(runId) : TEST_USER_LOGIN_PREFIX;
  const marker = runId ? runMarker(runId) : `${TEST_USER_MARKER}:`;
  const search = `profile.login sw "${prefix}" and profile.nickName sw "${marker}"`;
  const found: Leftover[] = [];
  let next: string | undefined = '/api/v1/users';
  let query: Record<string, string | number> | undefined = { search, limit: 200 };
  for (let page = 0; next && page < 100; page++) {
    const res: Awaited<ReturnType<ApiClient['get']>> = await api.get(next, query ? { query } : {});
    if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`listing users failed: HTTP ${res.status}`);
    for (const user of res.body as { id?: unknown; status?: unknown; profile?: { login?: unknown; nickName?: unknown } }[]) {
      const login = user.profile?.login;
      const nickName = user.profile?.nickName;
      // the search is the org's; the harness checks both marks itself before it touches a user
      if (typeof user.id !== 'string' || typeof login !== 'string' || typeof nickName !== 'string') continue;
      if (!login.startsWith(prefix) || !nickName.startsWith(marker)) continue;
      found.push({ id: user.id, login, status: typeof user.status === 'string' ? user.status : 'UNKNOWN' });
    }
    next = nextLink(res.headers.link);
    query = undefined; // the next link carries its own query, `after` included
  }
  return found;
}

/** Deletes the users a run created: every login in its journal, then whatever the search still finds of that run. */
export async function cleanupRun(api: ApiClient, runId: string, journal: string | undefined): Promise<{ removed: number; failed: string[] }> {
  const logins = journal ? readJournal(journal).logins : [];
  const failed: string[] = [];
  let removed = 0;
  const remove = async (idOrLogin: string, label: string) => {
    if (await removeUser(api, idOrLogin)) removed++;
    else failed.push(label);
  };
  await runLimited(logins, (login) => remove(login, login));
  const rest = await findLeftovers(api, runId).catch(() => []);
  await runLimited(rest, (user) => remove(user.id, user.login));
  return { removed, failed };
}

async function runLimited<T>(items: readonly T[], task: (item: T) => Promise<void>, limit = 4): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

function nextLink(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match?.[1]) return match[1];
  }
  return undefined;
}
