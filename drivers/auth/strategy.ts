/**
 * How a driver's API client authenticates: a strategy decorates each outgoing request with the
 * headers its scheme needs (SSWS API token now; OAuth 2.0 bearer and Duo HMAC request signing
 * later). It may be async (a bearer token is fetched and refreshed; a Duo signature covers the
 * date, method, host, path and parameters of the request it signs).
 */

/** The request as the strategy sees it, before its headers are added. */
export interface OutgoingRequest {
  readonly method: string;
  /** Absolute URL, query included. */
  readonly url: URL;
  /** The headers already set (lower-case names). */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body that will be sent, if any. */
  readonly body: string | undefined;
}

export interface AuthStrategy {
  /** The scheme's name, for reports (`SSWS`, `Bearer`, `Duo HMAC-SHA512`). */
  readonly scheme: string;
  /**
   * Secrets the strategy holds (API tokens, client secrets, signing keys): the client registers
   * them for redaction before the first request.
   */
  readonly secrets: readonly string[];
  /**
   * The headers that authenticate this request (lower-case names). The client records every
   * one of them redacted: whatever a strategy adds is treated as a credential.
   */
  authorize(request: OutgoingRequest): Record<string, string> | Promise<Record<string, string>>;
  /** Forget a cached credential: the target refused it (401), so the next request fetches a new one. */
  renew?(): void;
  /** Called with each secret the strategy obtains later (an access token), so the client redacts it too. */
  onSecret?(register: (secret: string) => void): void;
}
