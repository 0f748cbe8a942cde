import { randomBytes } from 'node:crypto';
import type { ApiClient, OktaFixtures, TestUser } from '../contract.js';

/** Test users carry this login prefix and profile marker, so a run touches (and sweeps) only its own. */
export const TEST_USER_LOGIN_PREFIX = 'mfa-conformance-';
export const TEST_USER_MARKER = 'mfa-conformance';

/** The Okta fixtures port over the Users API: creates the users checks need, and deletes them again. */
export class OktaUserFixtures implements OktaFixtures {
  readonly #created: TestUser[] = [];

  constructor(
    private readonly api: ApiClient,
    private readonly registerSecret: (value: string) => void,
    private readonly redactText: (text: string) => string,
  ) {}

  async createUser(overrides: Partial<Pick<TestUser, 'login' | 'email'>> = {}): Promise<TestUser> {
    const suffix = randomBytes(6).toString('hex');
    const login = overrides.login ?? `${TEST_USER_LOGIN_PREFIX}${suffix}@example.com`;
    const email = overrides.email ?? login;
    // Meets Okta's default password policy; a secret from birth.
    const password = `Mc1-${randomBytes(18).toString('base64url')}`;
    this.registerSecret(password);
    const res = await this.api.post<{ id?: string }>(
      '/api/v1/users',
      {
        profile: { firstName: 'Conformance', lastName: `Check ${suffix}`, email, login, nickName: TEST_USER_MARKER },
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
    // Okta deletes in two steps: the first DELETE deactivates, the second deletes.
    await Promise.all(
      users.map(async (user) => {
        for (let i = 0; i < 2; i++) {
          const res = await this.api.delete(`/api/v1/users/${user.id}`);
          if (res.status === 404) break;
        }
      }),
    );
  }
}
