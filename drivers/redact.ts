/**
 * Secrets never reach stdout, logs or report attachments (DESIGN.md, "Secrets and safety").
 * Two nets: fields whose name says they hold a secret, and every value registered as secret,
 * wherever it appears (a token inside a URL, a password echoed in an error).
 * The one redaction core: the drivers' Redactor and the CLI's last line of defence both use it.
 */
export const REDACTED = '[REDACTED]';

/**
 * Shorter values are not scrubbed: replacing `ab` everywhere would garble the output, not protect it.
 * Four keeps the shortest real secrets (a security answer has at least four characters; passcodes six).
 */
const MIN_SECRET_LENGTH = 4;

export type Redact = (text: string) => string;

function isScrubbable(value: string | undefined | null): value is string {
  return !!value && value.length >= MIN_SECRET_LENGTH;
}

/** Replaces every occurrence of each secret long enough to scrub, longest first so a secret that contains another goes whole. */
export function redactorFor(secrets: Iterable<string | undefined | null>): Redact {
  const known = [...new Set([...secrets].filter(isScrubbable))].sort((a, b) => b.length - a.length);
  if (known.length === 0) return (text) => text;
  // Each secret is searched for on its own: string search is fast, and one regular expression of all of them would be
  // compiled anew each time a secret is registered (measured: several times slower over a run).
  const shortest = known[known.length - 1]?.length ?? MIN_SECRET_LENGTH;
  return (text) => (text.length < shortest ? text : known.reduce((out, secret) => (out.includes(secret) ? out.split(secret).join(REDACTED) : out), text));
}

/** A copy of a JSON-like value with every string redacted (keys and structure kept). */
export function redactStrings<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item as unknown, redact)])) as T;
  }
  return value;
}

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
    // SailPoint IdentityNow: client credentials, bearer tokens, provider keys (accessKey, Duo skey), Duo signed responses.
    'client_secret',
    'access_token',
    'refresh_token',
    'accessKey',
    'skey',
    'signedResponse',
    // OAuth 2.0 service apps and the telephony inline hook
    'client_assertion',
    'privateKey',
    'otpCode',
    'msgTemplate',
  ].map((name) => name.toLowerCase()),
);

const SECRET_HEADERS = new Set(['authorization', 'cookie', 'set-cookie', 'x-control-token']);

export class Redactor {
  /** In the order they were registered. */
  readonly #secrets = new Set<string>();
  #redact: Redact = (text) => text;
  /**
   * Values this redactor returned, with how many secrets it knew then: such a value comes back as it is while no
   * secret has been registered since, and is otherwise redacted again for the newer secrets only (a check's
   * recorded exchanges, redacted once more when they are attached). So a redacted value is read-only.
   */
  readonly #redactedAt = new WeakMap<object, number>();

  /** Registers a value that must never be shown (ignores values too short to be secret on their own). */
  addSecret(value: string | undefined | null): void {
    if (!isScrubbable(value) || this.#secrets.has(value)) return;
    this.#secrets.add(value);
    this.#redact = redactorFor(this.#secrets);
  }

  text(input: string): string {
    return this.#redact(input);
  }

  /** Headers as recorded: credential headers keep their scheme word only; a header named like a secret field is gone too. */
  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (SECRET_HEADERS.has(name.toLowerCase())) {
        const scheme = /^(SSWS|Bearer|Basic)\s/i.exec(value)?.[1];
        out[name] = scheme ? `${scheme} ${REDACTED}` : REDACTED;
      } else out[name] = SECRET_FIELDS.has(name.toLowerCase()) ? REDACTED : this.text(value);
    }
    return out;
  }

  /**
   * A deep copy of a JSON value with secret fields and secret values replaced. A value this redactor returned (or
   * was told is redacted) is not copied again: it comes back as it is, or, when secrets were registered since, with
   * only the parts that held one copied (see #redactedAt).
   */
  json(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return this.#json(value, undefined, this.#redact);
    const knewSecrets = this.#redactedAt.get(value);
    if (knewSecrets === undefined) return this.redacted(this.#json(value, undefined, this.#redact) as object);
    if (knewSecrets === this.#secrets.size) return value;
    return this.redacted(this.#again(value, this.#since(knewSecrets)) as object);
  }

  /** Records that `value` has been redacted with every secret registered so far (what json() returns is), and returns it. */
  redacted<T extends object>(value: T): T {
    this.#redactedAt.set(value, this.#secrets.size);
    return value;
  }

  /** Redacts text already clean of the first `count` secrets: the newer ones, and where one occurred, all of them again. */
  #since(count: number): Redact {
    const newer = redactorFor([...this.#secrets].slice(count));
    return (text) => {
      const out = newer(text);
      return out === text ? text : this.#redact(out);
    };
  }

  /**
   * A value this redactor produced (secret fields already gone), with its strings redacted again: the same object
   * wherever nothing changed, so that the usual case, no newer secret in it, copies nothing.
   */
  #again(value: unknown, redact: Redact): unknown {
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) {
      let out: unknown[] | undefined;
      value.forEach((item: unknown, i) => {
        const next = this.#again(item, redact);
        if (next !== item) (out ??= [...value])[i] = next;
      });
      return out ?? value;
    }
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      let out: Record<string, unknown> | undefined;
      for (const k of Object.keys(record)) {
        const next = this.#again(record[k], redact);
        if (next !== record[k]) (out ??= { ...record })[k] = next;
      }
      return out ?? value;
    }
    return value;
  }

  #json(value: unknown, key: string | undefined, redact: Redact): unknown {
    if (key !== undefined && SECRET_FIELDS.has(key.toLowerCase()) && value !== null && value !== undefined) {
      // `credentials.password` is an object whose `value` is the secret; redact the whole thing.
      return REDACTED;
    }
    if (typeof value === 'string') return redact(value);
    if (Array.isArray(value)) return value.map((v) => this.#json(v, undefined, redact));
    if (typeof value === 'object' && value !== null) {
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) out[k] = this.#json(record[k], k, redact);
      return out;
    }
    return value;
  }
}
