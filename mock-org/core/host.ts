import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { UnknownFaultError } from './faults.js';
import { clientErrorResponse } from './errors.js';
import { randomAlphanumeric } from './ids.js';
import { ORG_PREFIX_HEADER } from './base-url.js';

/**
 * Many mock orgs behind one loopback port, each under its own path (`/orgs/{id}`), with its own
 * token, clock, store and faults. The suites' global setup starts one host; each suite file asks
 * it for a fresh org, so suite workers reach the mock over HTTP and never load its code.
 *
 * Host API (admin token, `Authorization: Bearer …`):
 *   POST   /__host/orgs {faults?: string[]} → 201 {id, baseUrl, token}
 *   DELETE /__host/orgs/{id}                → 204
 */
export interface MockOrgHost {
  url: string;
  adminToken: string;
  /** Orgs currently hosted. */
  readonly size: number;
  close(): Promise<void>;
}

/** One org the host serves: the org, its HTTP app (not yet ready) and its API token. */
interface HostedOrg<Org> {
  org: Org;
  app: FastifyInstance;
  token: string;
}

/** Makes an org with these faults on (throws UnknownFaultError for an unknown one). */
type OrgFactory<Org> = (faults: string[]) => HostedOrg<Org>;

const ORG_PATH = /^\/orgs\/([A-Za-z0-9]{1,40})(\/.*)?$/;
const MAX_ORGS = 1000;

export interface MockOrgHostOptions<Org> {
  host?: string;
  port?: number;
  /** Called with every org the host creates (the harness's secret-leak test watches what they store). */
  onOrgCreated?: (org: Org) => void;
}

/** Starts a host whose orgs `createOrg` makes (the composition root passes it: mock-org/index.ts). */
export async function startOrgHost<Org>(createOrg: OrgFactory<Org>, options: MockOrgHostOptions<Org> = {}): Promise<MockOrgHost> {
  const adminToken = randomBytes(24).toString('base64url');
  const orgs = new Map<string, HostedOrg<Org>>();

  const server: Server = createServer((req, res) => {
    void dispatch(req, res).catch(() => answer(res, 500, { error: 'host failure' }));
  });

  server.on('clientError', (error: Error & { code?: string }, socket) => {
    if (socket.writable) socket.end(clientErrorResponse(error.code));
    else socket.destroy();
  });

  async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    if (url.startsWith('/__host/')) return hostApi(req, res, url);
    const match = ORG_PATH.exec(url.split('?')[0] ?? '');
    const hosted = match?.[1] ? orgs.get(match[1]) : undefined;
    if (!match || !hosted) return answer(res, 404, { errorCode: 'E0000007', errorSummary: 'Not found: no such mock org' });
    // Hand the request to the org's own fastify app, as if it were addressed to it directly.
    const prefix = `/orgs/${match[1]}`;
    req.url = url.slice(prefix.length) || '/';
    req.headers[ORG_PREFIX_HEADER] = prefix;
    hosted.app.routing(req, res);
  }

  async function hostApi(req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
    if (!sameSecret(req.headers.authorization ?? '', `Bearer ${adminToken}`)) return answer(res, 401, { error: 'admin token required' });
    if (req.method === 'POST' && url === '/__host/orgs') {
      const body = await readJson(req);
      const faults = Array.isArray(body?.faults) ? body.faults.filter((f): f is string => typeof f === 'string') : [];
      if (orgs.size >= MAX_ORGS) return answer(res, 429, { error: 'too many orgs' });
      let hosted: HostedOrg<Org>;
      try {
        hosted = createOrg(faults);
      } catch (error) {
        if (error instanceof UnknownFaultError) return answer(res, 400, { error: error.message });
        throw error;
      }
      options.onOrgCreated?.(hosted.org);
      await hosted.app.ready();
      const id = randomAlphanumeric(12);
      orgs.set(id, hosted);
      return answer(res, 201, { id, baseUrl: `${origin()}/orgs/${id}`, token: hosted.token });
    }
    const remove = /^\/__host\/orgs\/([A-Za-z0-9]+)$/.exec(url);
    if (req.method === 'DELETE' && remove?.[1]) {
      const hosted = orgs.get(remove[1]);
      orgs.delete(remove[1]);
      await hosted?.app.close();
      res.writeHead(204).end();
      return;
    }
    return answer(res, 404, { error: 'unknown host operation' });
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  const origin = () => `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  return {
    url: origin(),
    adminToken,
    get size() {
      return orgs.size;
    },
    async close() {
      await Promise.all([...orgs.values()].map((o) => o.app.close()));
      orgs.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<{ faults?: unknown[] } | undefined> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 64 * 1024) return undefined;
  }
  try {
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    return typeof parsed === 'object' && parsed !== null ? (parsed as { faults?: unknown[] }) : undefined;
  } catch {
    return undefined;
  }
}
