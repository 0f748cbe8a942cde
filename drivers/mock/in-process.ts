import type { HttpTransport, IncomingResponse, OutgoingRequest } from '../http-client.js';
import type { InProcessMockOrg } from '../../mock-org/index.js';

/** The origin in-process orgs answer on: never resolved, only written into links and the Host header. */
export const IN_PROCESS_ORIGIN = 'http://mock-org.in-process.test';
const IN_PROCESS_HOST = new URL(IN_PROCESS_ORIGIN).host;

/**
 * Hands each request to an org in this process instead of a socket: what undici would have sent to it (the
 * headers as given, the Host, the path and query, the body) goes through the org's whole fastify pipeline, and its
 * answer comes back as undici would read it. No undici request machinery (a stream per body, raw header buffers
 * parsed again) stands between the API client and the org: the client's own logic, its recorded exchange and its
 * secrets handling are the same as against any other target.
 */
export class InProcessTransport implements HttpTransport {
  readonly #org: Pick<InProcessMockOrg, 'handle'>;
  #closed = false;

  constructor(org: Pick<InProcessMockOrg, 'handle'>) {
    this.#org = org;
  }

  async send(request: OutgoingRequest): Promise<IncomingResponse> {
    if (this.#closed) throw new Error('the in-process mock org is closed');
    const headers: Record<string, string> = { host: IN_PROCESS_HOST };
    for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
    const response = await this.#org.handle({
      method: request.method,
      url: pathAndQuery(request.url),
      headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    // as undici's body.text(): UTF-8, a byte order mark dropped
    const text = response.body.toString('utf8');
    return { status: response.status, headers: response.headers, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }

  /** Both API clients of a driver share the transport; the org is closed by the driver, once. */
  async close(): Promise<void> {
    this.#closed = true;
  }
}

/** The request target undici would send: the path and query of the URL (whatever its origin). */
function pathAndQuery(url: string): string {
  if (url.startsWith(IN_PROCESS_ORIGIN) && (url.length === IN_PROCESS_ORIGIN.length || url[IN_PROCESS_ORIGIN.length] === '/')) {
    return url.slice(IN_PROCESS_ORIGIN.length) || '/';
  }
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
