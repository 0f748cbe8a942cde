import type { Capability, CustomTotpProfile, FactorPolicyEntry, OutboxMessage, TokenCredential } from './contract.js';
import { CAPABILITIES } from './contract.js';
import type { HttpApiClient } from './http-client.js';

/** The control protocol (`/__control/v1`, DESIGN.md) as a driver speaks it. */
export class ControlClient {
  constructor(readonly http: HttpApiClient) {}

  /** The target's capabilities, or null when it does not serve the control protocol. */
  async capabilities(): Promise<Capability[] | null> {
    return (await this.describe())?.capabilities ?? null;
  }

  /** `GET capabilities`: what the target can do, and the origin its users sign in at when it says; null without the protocol. */
  async describe(): Promise<{ capabilities: Capability[]; origin?: string } | null> {
    const res = await this.http.get<{ capabilities?: unknown; origin?: unknown }>('/__control/v1/capabilities');
    if (res.status !== 200 || !Array.isArray(res.body?.capabilities)) return null;
    const known = new Set<string>(CAPABILITIES);
    const capabilities = res.body.capabilities.filter((c): c is Capability => typeof c === 'string' && known.has(c));
    const origin = typeof res.body.origin === 'string' ? res.body.origin : undefined;
    return { capabilities, ...(origin !== undefined ? { origin } : {}) };
  }

  async now(): Promise<number> {
    const res = await this.http.get<{ epochMs?: number }>('/__control/v1/clock');
    return this.#expectOk(res, 'read the clock').epochMs as number;
  }

  async advanceClock(advanceMs: number): Promise<number> {
    const res = await this.http.post<{ epochMs?: number }>('/__control/v1/clock', { advanceMs });
    return this.#expectOk(res, 'advance the clock').epochMs as number;
  }

  async setFaults(enable: readonly string[], disable: readonly string[] = []): Promise<void> {
    const res = await this.http.post('/__control/v1/faults', { enable, disable });
    this.#expectOk(res, 'switch faults');
  }

  async outbox(userId: string, channel?: OutboxMessage['channel']): Promise<OutboxMessage[]> {
    const res = await this.http.get<{ messages?: OutboxMessage[] }>('/__control/v1/outbox', { query: { userId, channel } });
    return this.#expectOk(res, 'read the outbox').messages ?? [];
  }

  async respondToPush(userId: string, factorId: string, action: 'approve' | 'reject' | 'ignore'): Promise<void> {
    const res = await this.http.post(`/__control/v1/push/${encodeURIComponent(userId)}/${encodeURIComponent(factorId)}`, { action });
    this.#expectOk(res, `answer the push (${action})`);
  }

  /** `POST duo/{host}/auth`: Duo's sig_response on approve; null when Duo refuses because the user denied (403). */
  async duoAuthenticate(host: string, sigRequest: string, action: 'approve' | 'deny'): Promise<string | null> {
    const res = await this.http.post<{ sig_response?: unknown }>(`/__control/v1/duo/${encodeURIComponent(host)}/auth`, { sig_request: sigRequest, action });
    if (action === 'deny' && res.status === 403) return null;
    const sigResponse = this.#expectOk(res, `answer the Duo prompt (${action})`).sig_response;
    if (typeof sigResponse !== 'string') throw new Error('control: the Duo responder sent no sig_response');
    return sigResponse;
  }

  async setFactorPolicy(factors: FactorPolicyEntry[]): Promise<void> {
    const res = await this.http.post('/__control/v1/factor-policy', { factors });
    this.#expectOk(res, 'set the factor policy');
  }

  async factorProfiles(): Promise<CustomTotpProfile[]> {
    const res = await this.http.get<{ factorProfiles?: CustomTotpProfile[] }>('/__control/v1/factor-profiles');
    return this.#expectOk(res, 'read the factor profiles').factorProfiles ?? [];
  }

  async registerTokenCredential(provider: 'SYMANTEC' | 'RSA', credential: TokenCredential): Promise<void> {
    const res = await this.http.post(`/__control/v1/token-service/${provider.toLowerCase()}`, credential);
    this.#expectOk(res, `register a ${provider} credential`);
  }

  async readOnlyToken(): Promise<string> {
    const res = await this.http.get<{ token?: string }>('/__control/v1/read-only-token');
    const token = this.#expectOk(res, 'get a read-only token').token;
    if (typeof token !== 'string') throw new Error('control: no read-only token in the answer');
    return token;
  }

  async reset(): Promise<void> {
    const res = await this.http.post('/__control/v1/reset');
    if (res.status !== 204 && res.status !== 200) throw new Error(`control: reset failed with HTTP ${res.status}`);
  }

  #expectOk<T>(res: { status: number; body: T; text: string }, what: string): NonNullable<T> {
    if (res.status !== 200 || res.body === undefined || res.body === null) {
      throw new Error(`control: could not ${what} (HTTP ${res.status}: ${res.text.slice(0, 300)})`);
    }
    return res.body as NonNullable<T>;
  }
}
