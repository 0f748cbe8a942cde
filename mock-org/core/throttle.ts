import type { OktaError } from './errors.js';

/**
 * Fixed-window rate limiting on the org's virtual clock: at most `limit` hits per key in each
 * `windowMs`. Used for the API's per-endpoint buckets and for the factor throttles (one SMS per
 * phone every 30 s, five activation attempts per five minutes, …).
 */
export interface ThrottleState {
  limit: number;
  remaining: number;
  /** When the current window ends, epoch milliseconds. */
  resetAtMs: number;
}

export class WindowThrottle {
  readonly #windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** What a hit now would see, without counting it. */
  peek(key: string, nowMs: number): ThrottleState {
    const window = this.#current(key, nowMs);
    return this.#state(window?.startMs ?? nowMs, window?.count ?? 0);
  }

  /** Counts a hit; `allowed` is false once the window's limit is used up (the refused hit is not counted). */
  hit(key: string, nowMs: number): ThrottleState & { allowed: boolean } {
    let window = this.#current(key, nowMs);
    if (!window) {
      window = { startMs: nowMs, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= this.limit) return { ...this.#state(window.startMs, window.count), allowed: false };
    window.count++;
    return { ...this.#state(window.startMs, window.count), allowed: true };
  }

  /** Forgets a key (a factor was reset). */
  clear(key: string): void {
    this.#windows.delete(key);
  }

  #current(key: string, nowMs: number) {
    const window = this.#windows.get(key);
    return window && nowMs < window.startMs + this.windowMs ? window : undefined;
  }

  #state(startMs: number, count: number): ThrottleState {
    return { limit: this.limit, remaining: Math.max(0, this.limit - count), resetAtMs: startMs + this.windowMs };
  }
}

/** The X-Rate-Limit-* headers Okta sends (reset in epoch seconds). */
export function rateLimitHeaders(state: ThrottleState): Record<string, string> {
  return {
    'x-rate-limit-limit': String(state.limit),
    'x-rate-limit-remaining': String(state.remaining),
    'x-rate-limit-reset': String(Math.ceil(state.resetAtMs / 1000)),
  };
}

/**
 * Counts a hit and throws `error()` (with the 429 headers) when the window is used up.
 * Returns the state after the hit so the caller can put it on the success response.
 */
export function throttleOrThrow(
  throttle: WindowThrottle,
  key: string,
  nowMs: number,
  error: () => OktaError,
): ThrottleState {
  const state = throttle.hit(key, nowMs);
  if (!state.allowed) throw error().withHeaders(rateLimitHeaders(state));
  return state;
}
