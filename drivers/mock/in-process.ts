import { Dispatcher } from 'undici';
import type { InProcessMockOrg } from '../../mock-org/index.js';

/** The origin in-process orgs answer on: never resolved, only written into links and the Host header. */
export const IN_PROCESS_ORIGIN = 'http://mock-org.in-process.test';
const IN_PROCESS_HOST = new URL(IN_PROCESS_ORIGIN).host;

/**
 * An undici dispatcher that hands each request to an org in this process instead of a socket. The API client
 * stays undici's: the same request options, the same response parsing, the same recorded exchange.
 */
export class InProcessDispatcher extends Dispatcher {
  readonly #org: InProcessMockOrg;
  #closed = false;

  constructor(org: InProcessMockOrg) {
    super();
    this.#org = org;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    void this.#answer(options, handler);
    return true;
  }

  async #answer(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): Promise<void> {
    let aborted: Error | undefined;
    try {
      handler.onConnect?.((reason) => {
        aborted = reason instanceof Error ? reason : new Error(String(reason));
      });
      if (this.#closed) throw new Error('the in-process mock org is closed');
      const response = await this.#org.handle({
        method: options.method,
        url: options.path,
        headers: { host: IN_PROCESS_HOST, ...headerRecord(options.headers) },
        ...(options.body !== undefined && options.body !== null ? { body: bodyText(options.body) } : {}),
      });
      if (aborted) throw aborted;
      const raw: Buffer[] = [];
      for (const [name, value] of Object.entries(response.headers)) {
        for (const one of [value].flat()) raw.push(Buffer.from(name), Buffer.from(one));
      }
      handler.onHeaders?.(response.status, raw, () => undefined, response.statusMessage);
      if (response.body.length > 0) handler.onData?.(response.body);
      handler.onComplete?.([]);
    } catch (error) {
      handler.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Both API clients of a driver share the dispatcher; the org is closed by the driver, once. */
  override async close(): Promise<void> {
    this.#closed = true;
  }

  override async destroy(): Promise<void> {
    this.#closed = true;
  }
}

function headerRecord(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined || headers === null) return out;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
    return out;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function bodyText(body: NonNullable<Dispatcher.DispatchOptions['body']>): string {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  throw new Error('the in-process mock org takes string or buffer bodies only');
}
