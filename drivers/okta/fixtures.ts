import { randomBytes } from 'node:crypto';
import type { ApiClient, OktaFixtures, RunIdentity, TestUser } from '../contract.js';
import { isStopping, recordRemoved, recordUser } from './run-journal.js';

/** Test users' logins start with this prefix, then the run id; the profile marker (`nickName`) carries the run id too. */
export const TEST_USER_LOGIN_PREFIX = 'mfa-conformance-';
export const TEST_USER_MARKER = 'mfa-conformance';

/** The marker a run's users carry in `profile.nickName`: `mfa-conformance:<runId>`. */
export function runMarker(runId: string): string {
  return `${TEST_USER_MARKER}:${runId}`;
}

/** The login prefix of a run's users. */
export function runLoginPrefix(runId: string): string {
  return `${TEST_USER_LOGIN_PREFIX}${runId}-`;
}

/** A run id: short, lower-case, safe in a login and in a `search` expression. */
export function newRunId(): string {
  return `r${randomBytes(4).toString('hex')}`;
}

/** The Okta fixtures port over the Users API: creates the users checks need, and deletes them again. */
export class OktaUserFixtures implements OktaFixtures {
  readonly #created: TestUser[] = [];
  readonly #run: RunIdentity;

  constructor(
    private readonly api: ApiClient,
    private readonly registerSecret: (value: string) => void,
    private readonly redactText: (text: string) => string,
    run?: RunIdentity,
    /** Waits, before a check's user is created, until the rate limits leave room for the whole check. */
    private readonly headroom: () => Promise<void> = async () => {},
  ) {
    this.#run = run ?? { id: newRunId() };
  }

  async createUser(overrides: Partial<Pick<TestUser, 'login' | 'email'>> = {}): Promise<TestUser> {
    if (isStopping(this.#run.stopFile)) throw new Error('the run is stopping: no more test users are created');
    await this.headroom();
    const suffix = randomBytes(6).toString('hex');
    const login = overrides.login ?? `${runLoginPrefix(this.#run.id)}${suffix}@example.com`;
    const email = overrides.email ?? login;
    // Meets Okta's default password policy; a secret from birth.
    const password = `Mc1-${randomBytes(18).toString('base64url')}`;
    this.registerSecret(password);
    // journaled before it exists, so an interrupted run still finds it
    if (this.#run.journal) recordUser(this.#run.journal, login);
    const res = await this.api.post<{ id?: string }>(
      '/api/v1/users',
      {
        profile: { firstName: 'Conformance', lastName: `Check ${suffix}`, email, login, nickName: runMarker(this.#run.id) },
        credentials: { password: { value: password } },
      },
      { query: { activate: true } },
    );
    if (res.status !== 200 || typeof res.body?.id !== 'string') {
      throw new Error(`could not create a test user: HTTP ${res.status} ${this.redactText(res.text).slice(0, 300)}`);
    }
    const user = { id: res.body.id, login, email, password };
    this.#created.push(user);
    return user;
  }

  async cleanup(): Promise<void> {
    const users = this.#created.splice(0);
    const journal = this.#run.journal;
    await Promise.all(
      users.map(async (user) => {
        if ((await removeUser(this.api, user.id)) && journal) recordRemoved(journal, user.login);
      }),
    );
  }
}

/**
 * Okta's two-step removal (spec §3.4): deactivate, then delete a DEPROVISIONED user. True when the user is gone
 * (or was already), false when the target refused.
 */
export async function removeUser(api: ApiClient, idOrLogin: string): Promise<boolean> {
  const found = await api.get<{ id?: string; status?: string }>(`/api/v1/users/${encodeURIComponent(idOrLogin)}`);
  if (found.status === 404) return true;
  const id = found.body?.id;
  if (found.status !== 200 || typeof id !== 'string') return false;
  if (found.body.status !== 'DEPROVISIONED') {
    const deactivated = await api.post(`/api/v1/users/${id}/lifecycle/deactivate`, undefined, { query: { sendEmail: false } });
    if (deactivated.status !== 200 && deactivated.status !== 404) return false;
  }
  const deleted = await api.delete(`/api/v1/users/${id}`);
  return deleted.status === 204 || deleted.status === 404;
}
