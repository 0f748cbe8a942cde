/**
 * Keeps secrets (API token, control token) out of everything the CLI prints or writes,
 * including what vitest prints on its behalf: a last line of defence behind the drivers' own redaction.
 */
import { Writable } from 'node:stream';

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not scrubbed: replacing `a` everywhere would garble the output, not protect it. */
const MIN_SECRET_LENGTH = 6;

export type Redact = (text: string) => string;

export function redactorFor(secrets: Iterable<string | undefined>): Redact {
  const known = [...new Set([...secrets].filter((s): s is string => !!s && s.length >= MIN_SECRET_LENGTH))]
    // longest first, so a secret that contains another is replaced whole
    .sort((a, b) => b.length - a.length);
  if (known.length === 0) return (text) => text;
  return (text) => known.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** A copy of a JSON-like value with every string redacted. */
export function redactStrings<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactStrings(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactStrings(item as unknown, redact)]),
    ) as T;
  }
  return value;
}

/** The bits of a terminal stream vitest's reporters look at. */
export type OutputStream = Writable & { isTTY?: boolean; columns?: number };

/**
 * A stream that redacts each write and passes it straight on to `target` (synchronously, so its output keeps
 * its order with later direct writes), looking like `target` to vitest (isTTY, columns).
 * It keeps `target`'s original `write`: vitest's terminal renderer later replaces `process.stdout.write`
 * with an interceptor that writes back to this stream, and calling the interceptor from here would loop.
 */
export function redactingStream(target: OutputStream, redact: Redact): OutputStream {
  const write = target.write.bind(target) as (chunk: string, callback?: (error?: Error | null) => void) => boolean;
  class RedactingStream extends Writable {
    get isTTY(): boolean | undefined {
      return target.isTTY;
    }
    get columns(): number | undefined {
      return target.columns;
    }
    override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
      const done = [encoding, callback].find((arg): arg is (error?: Error | null) => void => typeof arg === 'function');
      const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
      return write(redact(text), done);
    }
  }
  return new RedactingStream();
}

/** A stream that drops everything (quiet runs). */
export function nullStream(): OutputStream {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() });
}
