import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { UnknownFaultError } from './faults.js';
import { clientErrorResponse } from './errors.js';
import { randomAlphanumeric } from './ids.js';
import { ORG_PREFIX_HEADER } from './base-url.js';
import { closeServer, listenOn } from './http-server.js';

/**
 * Many mock orgs behind one loopback port, each under its own path (`/orgs/{id}`), with its own
 * token, clock, store and faults. The suites' global setup starts one host; each suite file asks
 * it for a fresh org, so suite workers reach the mock over HTTP and never load its code.
 *
 * Host API (admin token, `Authorization: Bearer …`):
 *   POST   /__host/orgs {faults?: string[]} → 201 {id, baseUrl, token, …what the org's family apps announce}
 *   DELETE /__host/orgs/{id}                → 204
 */
export interface MockOrgHost {
  url: string;
  adminToken: string;
  /** Orgs currently hosted. */
  readonly size: number;
  close(): Promise<void>;
}

/** An org's HTTP face in the host: takes the requests addressed to the org, once ready; closed with the org. */
interface OrgEndpoint {
  routing(req: IncomingMessage, res: ServerResponse): void;
  ready(): PromiseLike<unknown>;
  close(): PromiseLike<unknown>;
}

/** One org the host serves: the org, its HTTP face (not yet ready) and its API token. */
interface HostedOrg<Org> {
  org: Org;
  app: OrgEndpoint;
  token: string;
  /**
   * Other API families' apps beside the org (`families[name]`). An app is reached by path
   * (`/orgs/{id}/{name}/…`, e.g. an IdentityNow tenant), or, where requests are signed over the host and
   * the path (Duo), by a host name of its own (`api-{id}.{name}.test`, routed by the `Host` header) so
   * that paths stay the family's own (`/auth/v2/…`).
   */
  families?: Record<string, FamilyApp>;
}

/** An API family's app beside an org, and what the host's answer says about reaching it. */
interface FamilyApp {
  app: OrgEndpoint;
  reachedBy: 'path' | 'host';
  /** The answer's entry for this family: where it is (`url`, and `host` when reached by host name) and its account. */
  describe(at: { url: string; host?: string }): object;
}

/** Makes an org with these faults on (throws UnknownFaultError for an unknown one). */
type OrgFactory<Org> = (faults: string[]) => HostedOrg<Org>;

const ORG_PATH = /^\/orgs\/([A-Za-z0-9]{1,40})(\/.*)?$/;
/** `api-{orgId}.{family}.test[:port]`: a family host of an org. */
const FAMILY_HOST = /^api-([A-Za-z0-9]{1,40})\.([a-z0-9-]{1,40})\.test(?::\d+)?$/i;
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
    const byHost = FAMILY_HOST.exec(req.headers.host ?? '');
    if (byHost?.[1] && byHost[2]) {
      const orgId = byHost[1].toLowerCase();
      const hostedOrg = [...orgs.entries()].find(([id]) => id.toLowerCase() === orgId)?.[1];
      const family = hostedOrg?.families?.[byHost[2].toLowerCase()];
      if (family?.reachedBy !== 'host') return answer(res, 404, { error: 'no such mock org or family host' });
      family.app.routing(req, res);
      return;
    }
    const match = ORG_PATH.exec(url.split('?')[0] ?? '');
    const hosted = match?.[1] ? orgs.get(match[1]) : undefined;
    if (!match || !hosted) return answer(res, 404, { errorCode: 'E0000007', errorSummary: 'Not found: no such mock org' });
    // Hand the request to the org's app (or a family's beside it), as if it were addressed to it directly.
    const prefix = `/orgs/${match[1]}`;
    const rest = url.slice(prefix.length) || '/';
    const name = /^\/([a-z-]+)(?=[/?]|$)/.exec(rest)?.[1];
    const family = name !== undefined ? hosted.families?.[name] : undefined;
    if (name !== undefined && family?.reachedBy === 'path') {
      req.url = rest.slice(name.length + 1) || '/';
      req.headers[ORG_PREFIX_HEADER] = `${prefix}/${name}`;
      family.app.routing(req, res);
      return;
    }
    req.url = rest;
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
      const families = Object.entries(hosted.families ?? {});
      await Promise.all(families.map(([, family]) => family.app.ready()));
      const id = randomAlphanumeric(12);
      orgs.set(id, hosted);
      const baseUrl = `${origin()}/orgs/${id}`;
      const served = Object.fromEntries(
        families.map(([name, family]) => [
          name,
          family.reachedBy === 'host'
            ? family.describe({ url: origin(), host: `api-${id.toLowerCase()}.${name}.test` })
            : family.describe({ url: `${baseUrl}/${name}` }),
        ]),
      );
      return answer(res, 201, { id, baseUrl, token: hosted.token, ...(families.length > 0 ? { families: served } : {}) });
    }
    const remove = /^\/__host\/orgs\/([A-Za-z0-9]+)$/.exec(url);
    if (req.method === 'DELETE' && remove?.[1]) {
      const hosted = orgs.get(remove[1]);
      orgs.delete(remove[1]);
      await hosted?.app.close();
      await Promise.all(Object.values(hosted?.families ?? {}).map((family) => family.app.close()));
      res.writeHead(204).end();
      return;
    }
    return answer(res, 404, { error: 'unknown host operation' });
  }

  const url = await listenOn(server, options.host ?? '127.0.0.1', options.port ?? 0);
  const origin = () => url;

  return {
    url: origin(),
    adminToken,
    get size() {
      return orgs.size;
    },
    async close() {
      await Promise.all([...orgs.values()].flatMap((o) => [o.app, ...Object.values(o.families ?? {}).map((f) => f.app)]).map((app) => app.close()));
      orgs.clear();
      await closeServer(server);
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
