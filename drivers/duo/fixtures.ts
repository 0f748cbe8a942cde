import { randomBytes } from 'node:crypto';
import type { ApiResponse, FixturesPort } from '../contract.js';
import type { DuoApiClient, DuoEnvelope } from './client.js';

/** A user as the sweep lists it. */
export interface SweptUser {
  user_id: string;
  username: string;
  phones?: { phone_id: string }[];
  tokens?: { token_id: string }[];
}

/** Every user the duo driver creates has this prefix, so that `sweep` and a reader of the account can tell them apart. */
export const DUO_TEST_USER_PREFIX = 'mfa-conformance-';

export interface DuoTestUser {
  user_id: string;
  username: string;
}

/** The duo-auth family's fixtures: users, phones and tokens made through the Admin API, and removed again. */
export interface DuoFixtures extends FixturesPort {
  /** A user of the run's own (username prefix); deleted by cleanup(). */
  createUser(fields?: { status?: 'active' | 'bypass' | 'disabled' }): Promise<DuoTestUser>;
  /** A fresh username of the run's own that no user has yet (for /enroll and preauth of unknown users). */
  newUsername(): string;
  /** Marks a user created another way (through /auth/v2/enroll) as the run's own. */
  adopt(userId: string): void;
  /** A phone (deleted by cleanup()). */
  createPhone(fields: Record<string, string>): Promise<{ phone_id: string }>;
  /** An HOTP hardware token with this hex secret (deleted by cleanup()). */
  createToken(fields: Record<string, string>): Promise<{ token_id: string }>;
}

/** Creates through the Admin API and deletes exactly what it created, users last (DESIGN.md, "Secrets and safety"). */
export class DuoAdminFixtures implements DuoFixtures {
  readonly #users = new Set<string>();
  readonly #phones = new Set<string>();
  readonly #tokens = new Set<string>();

  constructor(private readonly duo: DuoApiClient) {}

  newUsername(): string {
    return `${DUO_TEST_USER_PREFIX}${randomBytes(6).toString('hex')}`;
  }

  adopt(userId: string): void {
    this.#users.add(userId);
  }

  async createUser(fields: { status?: 'active' | 'bypass' | 'disabled' } = {}): Promise<DuoTestUser> {
    const user = await this.duo.ok<DuoTestUser>({ method: 'POST', path: '/admin/v1/users', integration: 'admin', params: { username: this.newUsername(), ...fields } });
    this.#users.add(user.user_id);
    return { user_id: user.user_id, username: user.username };
  }

  async createPhone(fields: Record<string, string>): Promise<{ phone_id: string }> {
    const phone = await this.duo.ok<{ phone_id: string }>({ method: 'POST', path: '/admin/v1/phones', integration: 'admin', params: fields });
    this.#phones.add(phone.phone_id);
    return phone;
  }

  async createToken(fields: Record<string, string>): Promise<{ token_id: string }> {
    const token = await this.duo.ok<{ token_id: string }>({ method: 'POST', path: '/admin/v1/tokens', integration: 'admin', params: fields });
    this.#tokens.add(token.token_id);
    return token;
  }

  /** The users of the account whose username has the runs' prefix (what interrupted runs left behind). */
  async findLeftovers(): Promise<SweptUser[]> {
    const leftovers: SweptUser[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const res: ApiResponse<DuoEnvelope<SweptUser[]>> = await this.duo.call<SweptUser[]>({ method: 'GET', path: '/admin/v1/users', integration: 'admin', params: { limit: 300, offset } });
      if (res.status !== 200 || res.body?.stat !== 'OK') throw new Error(`sweep: listing users answered HTTP ${res.status}`);
      leftovers.push(...(res.body.response ?? []).filter((user) => user.username.startsWith(DUO_TEST_USER_PREFIX)));
      const next: unknown = res.body.metadata?.next_offset;
      offset = typeof next === 'number' && next > offset ? next : null;
    }
    return leftovers;
  }

  /** Deletes these leftovers (only users of the runs' prefix), their phones and tokens first. */
  async removeLeftovers(leftovers: readonly SweptUser[]): Promise<void> {
    for (const user of leftovers) {
      if (!user.username.startsWith(DUO_TEST_USER_PREFIX)) continue;
      for (const phone of user.phones ?? []) this.#phones.add(phone.phone_id);
      for (const token of user.tokens ?? []) this.#tokens.add(token.token_id);
      this.#users.add(user.user_id);
    }
    await this.cleanup();
  }

  /** Deletes every user of the account whose username has the runs' prefix; answers how many. */
  async sweep(): Promise<number> {
    const leftovers = await this.findLeftovers();
    await this.removeLeftovers(leftovers);
    return leftovers.length;
  }

  async cleanup(): Promise<void> {
    const remove = async (path: string, ids: Set<string>) => {
      for (const id of [...ids]) {
        await this.duo.call({ method: 'DELETE', path: `${path}/${id}`, integration: 'admin' });
        ids.delete(id);
      }
    };
    await remove('/admin/v1/tokens', this.#tokens);
    await remove('/admin/v1/phones', this.#phones);
    await remove('/admin/v1/users', this.#users);
  }
}
