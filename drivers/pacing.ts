/**
 * Pacing by the target's rate limits: the client keeps, per endpoint bucket, what the last answer's
 * `X-Rate-Limit-Limit/Remaining/Reset` said, counts what it has sent since, and waits for the window to reset
 * before a request would be throttled. It also caps the requests in flight. Okta's SDKs only react to a 429;
 * pacing ahead of time is what the terraform provider does (spec §2.5), keyed by bucket the same way.
 */
import { rateLimitBucket } from './okta/rate-limit-buckets.js';

interface BucketState {
  limit: number;
  remaining: number;
  /** Window end in the target's time, epoch seconds. */
  resetEpochSeconds: number;
}

export interface PacerOptions {
  /** Requests in flight at most (Okta's concurrency limit is 15–75 per org; a run is one of its clients). */
  maxConcurrency?: number;
  /** Waits until the window resets, in the target's time (its clock where it has one). */
  waitUntilReset: (resetEpochSeconds: number, serverNowMs: number) => Promise<void>;
  /** Told how long each wait took (the run reports the total). */
  onWait?: (ms: number) => void;
}

export class RateLimitPacer {
  readonly #buckets = new Map<string, BucketState>();
  readonly #options: PacerOptions;
  readonly #queue: (() => void)[] = [];
  #inFlight = 0;
  /** The target's time minus this machine's, from the last `Date` header. */
  #serverOffsetMs = 0;
  #waitedMs = 0;

  constructor(options: PacerOptions) {
    this.#options = options;
  }

  /** Total time spent waiting for windows to reset (the target's time). */
  get waitedMs(): number {
    return this.#waitedMs;
  }

  /** Waits for a free slot and, if the bucket's window is used up, for its reset; then counts the request. */
  async before(method: string, url: URL): Promise<() => void> {
    await this.#slot();
    const key = rateLimitBucket(method, url.pathname);
    for (;;) {
      const state = this.#buckets.get(key);
      const serverNowMs = Date.now() + this.#serverOffsetMs;
      if (!state || state.remaining > 0 || state.resetEpochSeconds * 1000 <= serverNowMs) break;
      await this.#waitForReset(key, state, serverNowMs);
    }
    const state = this.#buckets.get(key);
    if (state && state.remaining > 0) state.remaining--;
    return () => this.#release();
  }

  /**
   * Waits now for every window that has fewer than `reserve` requests left (at most half its limit), so that a
   * check that starts afterwards is not paused half-way: a pause in the middle of a check moves time under
   * a passcode it has just computed.
   */
  async headroom(reserve: number): Promise<void> {
    for (const [key, state] of this.#buckets) {
      const serverNowMs = Date.now() + this.#serverOffsetMs;
      if (state.remaining >= Math.min(reserve, Math.floor(state.limit / 2)) || state.resetEpochSeconds * 1000 <= serverNowMs) continue;
      await this.#waitForReset(key, state, serverNowMs);
    }
  }

  async #waitForReset(key: string, state: BucketState, serverNowMs: number): Promise<void> {
    await this.#options.waitUntilReset(state.resetEpochSeconds, serverNowMs);
    // the time the window needed, in the target's time (a target with a clock moves it rather than waiting)
    const waited = Math.max(0, state.resetEpochSeconds * 1000 - serverNowMs) + 1000;
    this.#waitedMs += waited;
    this.#options.onWait?.(waited);
    // the window has passed: its budget is whole again until an answer says otherwise
    this.#buckets.set(key, { ...state, remaining: state.limit, resetEpochSeconds: 0 });
  }

  /** Learns the bucket's state from an answer (not from a 429, whose headers may describe a per-user limit). */
  after(method: string, url: URL, status: number, headers: Record<string, string>): void {
    const date = Date.parse(headers.date ?? '');
    if (Number.isFinite(date)) this.#serverOffsetMs = date - Date.now();
    if (status === 429) return;
    const limit = Number(headers['x-rate-limit-limit']);
    const remaining = Number(headers['x-rate-limit-remaining']);
    const reset = Number(headers['x-rate-limit-reset']);
    if (![limit, remaining, reset].every(Number.isFinite) || limit <= 0) return;
    const key = rateLimitBucket(method, url.pathname);
    const known = this.#buckets.get(key);
    // answers may arrive out of order: within one window, the lowest remaining is the truest
    const sameWindow = known !== undefined && known.resetEpochSeconds === reset;
    this.#buckets.set(key, { limit, remaining: sameWindow ? Math.min(known.remaining, remaining) : remaining, resetEpochSeconds: reset });
  }

  async #slot(): Promise<void> {
    const max = this.#options.maxConcurrency ?? 8;
    if (this.#inFlight < max) {
      this.#inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.#queue.push(resolve));
  }

  #release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#inFlight--;
  }
}
