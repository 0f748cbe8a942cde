/**
 * Secrets never reach stdout, logs or report attachments (DESIGN.md, "Secrets and safety").
 * Two nets: fields whose name says they hold a secret, and every value registered as secret,
 * wherever it appears (a token inside a URL, a password echoed in an error).
 */
export const REDACTED = '[REDACTED]';

/** Field names whose values are secrets in the Okta APIs. */
const SECRET_FIELDS = new Set(
  [
    'password',
    'oldPassword',
    'newPassword',
    'passCode',
    'nextPassCode',
    'answer',
    'sharedSecret',
    'aesKey',
    'privateId',
    'stateToken',
    'sessionToken',
    'recoveryToken',
    'activationToken',
    'token',
    'apiToken',
    'controlToken',
    'secret',
    'clientSecret',
  ].map((name) => name.toLowerCase()),
);

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-control-token']);

export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers a value that must never be shown (ignores values too short to be secret on their own). */
  addSecret(value: string | undefined | null): void {
    if (value && value.length >= 4) this.#secrets.add(value);
  }

  text(input: string): string {
    let out = input;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (SECRET_HEADERS.has(name.toLowerCase())) {
        const scheme = /^(SSWS|Bearer|Basic)\s/i.exec(value)?.[1];
        out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
      } else out[name] = this.text(value);
    }
    return out;
  }

  /** A deep copy of a JSON value with secret fields and secret values replaced. */
  json(value: unknown): unknown {
    return this.#json(value, undefined);
  }

  #json(value: unknown, key: string | undefined): unknown {
    if (key !== undefined && SECRET_FIELDS.has(key.toLowerCase()) && value !== null && value !== undefined) {
      // `credentials.password` is an object whose `value` is the secret; redact the whole thing.
      return REDACTED;
    }
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.#json(v, undefined));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.#json(v, k);
      return out;
    }
    return value;
  }
}
