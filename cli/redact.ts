/**
 * Keeps secrets (API token, control token) out of everything the CLI prints or writes,
 * including what vitest prints on its behalf: a last line of defence behind the drivers' own redaction,
 * with the same core (drivers/redact.ts).
 */
import { Writable } from 'node:stream';
import type { Redact } from '../drivers/redact.js';

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
