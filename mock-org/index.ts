import { createServer } from 'node:http';
import { startOrgHost, type MockOrgHost, type MockOrgHostOptions } from './core/host.js';
import { ORG_PREFIX_HEADER } from './core/base-url.js';
import { IDENTITYNOW_PATH, identityNowTenant, type IdentityNowAccess } from './identitynow-mfa/index.js';
import { servedDuoHost, servedIdentityNowTenant, servedOktaOrg, type ProcessServedOrg } from './process-apps.js';
import { MockOrg, type MockOrgConfig } from './org.js';
import { duoAccountKeys, type DuoAccountKeys } from './duo-auth/index.js';
import { randomAlphanumeric } from './core/ids.js';

export { MockOrg } from './org.js';
export { buildServer } from './server.js';
export { FAULT_CATALOG, type FaultId } from './faults.js';
export { VARIANT_CATALOG, type VariantId } from './variants.js';
export type { MockOrgHost } from './core/host.js';
export type { IdentityNowAccess } from './identitynow-mfa/index.js';

export interface MockOrgOptions extends MockOrgConfig {
  /** Loopback by default: the mock org is for tests, not for the network. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Serve the control protocol under /__control/v1. */
  control?: boolean;
  /** Also serve the org's Duo account (Auth API, Admin API) on a port of its own. */
  duo?: boolean;
}

/** Where a mock org serves its Duo account: plain HTTP at `url`, signed for `host` (sent as the Host header). */
export interface RunningDuoAccount extends DuoAccountKeys {
  url: string;
  host: string;
}

export interface RunningMockOrg {
  url: string;
  token: string;
  org: MockOrg;
  /** The IdentityNow tenant beside the org (at `{url}/identitynow`, sharing its clock, faults and outbox). */
  identityNow: IdentityNowAccess;
  duo?: RunningDuoAccount;
  close(): Promise<void>;
}

/** The Duo API host name a standalone mock signs with (any Host reaches its own port). */
const STANDALONE_DUO_HOST = 'api-mock.duo.test';

/** Starts one mock org on a loopback port, with its IdentityNow tenant under `/identitynow` (and its Duo account on a port of its own when asked). */
export async function startMockOrg(options: MockOrgOptions = {}): Promise<RunningMockOrg> {
  const org = new MockOrg(options);
  const okta = servedOktaOrg(org, { control: options.control ?? false });
  // The standalone Duo host (when asked for) is where the tenant's duo-web config finds its host name.
  let duoAccount: RunningDuoAccount | undefined;
  const tenant = identityNowTenant(org, (duoHost) => (duoAccount && duoHost.toLowerCase() === duoAccount.host ? duoAccount.url : undefined));
  const tenantServed = servedIdentityNowTenant(tenant.tenant);
  await Promise.all([okta.ready, tenantServed.ready]);
  const tenantPrefix = `/${IDENTITYNOW_PATH}`;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === tenantPrefix || url.startsWith(`${tenantPrefix}/`) || url.startsWith(`${tenantPrefix}?`)) {
      req.url = url.slice(tenantPrefix.length) || '/';
      req.headers[ORG_PREFIX_HEADER] = tenantPrefix;
      tenantServed.routing(req, res);
      return;
    }
    okta.routing(req, res);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('mock org did not bind a TCP port');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}`;
  const duo = options.duo ? await startDuoHost(org, host) : undefined;
  duoAccount = duo?.account;
  return {
    url,
    token: org.apiToken,
    org,
    identityNow: tenant.describe({ url: `${url}${tenantPrefix}` }),
    ...(duo ? { duo: duo.account } : {}),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      okta.remove();
      tenantServed.remove();
      await duo?.close();
    },
  };
}

async function startDuoHost(org: MockOrg, host: string): Promise<{ account: RunningDuoAccount; close: () => Promise<void> }> {
  const served = servedDuoHost(org);
  await served.ready;
  const server = createServer((req, res) => served.routing(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the Duo host did not bind a TCP port');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    account: { url: `http://${hostPart}:${address.port}`, host: STANDALONE_DUO_HOST, ...duoAccountKeys(org) },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      served.remove();
    },
  };
}

/**
 * Starts a host of many mock orgs behind one loopback port (mock-org/core/host.ts), each serving the control
 * protocol, with an IdentityNow tenant beside it (by path) and a Duo account (by host name).
 */
export async function startMockOrgHost(options: MockOrgHostOptions<MockOrg> = {}): Promise<MockOrgHost> {
  // An org's Duo host name (`api-{id}.duo.test`) is served by the host itself, routed by the Host header: a tenant's
  // duo-web config naming one reaches it at the host's address (orgs are made only once the host listens).
  let hostUrl: string | undefined;
  const duoAddresses = (duoHost: string) => (hostUrl !== undefined && DUO_FAMILY_HOST.test(duoHost) ? hostUrl : undefined);
  const started = await startOrgHost((faults) => {
    const org = new MockOrg({ faults });
    const tenant = identityNowTenant(org, duoAddresses);
    return {
      org,
      app: hostEndpoint(servedOktaOrg(org, { control: true })),
      token: org.apiToken,
      families: {
        [IDENTITYNOW_PATH]: { app: hostEndpoint(servedIdentityNowTenant(tenant.tenant)), reachedBy: 'path', describe: tenant.describe },
        duo: { app: hostEndpoint(servedDuoHost(org)), reachedBy: 'host', describe: (at) => ({ ...at, ...duoAccountKeys(org) }) },
      },
    };
  }, options);
  hostUrl = started.url;
  return started;
}

/** A served org as the host sees it: ready with its app, closed by no longer being served. */
function hostEndpoint(served: ProcessServedOrg) {
  return { routing: served.routing, ready: () => served.ready, close: async () => served.remove() };
}

/** The Duo host names the mock host gives its orgs (mock-org/core/host.ts). */
const DUO_FAMILY_HOST = /^api-[a-z0-9]{1,40}\.duo\.test$/i;

/** A request handed to an in-process org: what would have gone over the socket. */
export interface InProcessRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface InProcessResponse {
  status: number;
  statusMessage: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * One mock org (control protocol on) served in this process without a socket: each request goes through the
 * org's whole fastify pipeline (hooks, parsers, routing, serialisation) by fastify's own `inject`. The suites use
 * it so that the mock is not a second thread every request waits on.
 */
export interface InProcessMockOrg {
  token: string;
  handle(request: InProcessRequest): Promise<InProcessResponse>;
  close(): Promise<void>;
}

/** Throws UnknownFaultError for a fault id the catalog does not know. */
export async function openInProcessMockOrg(options: { faults?: readonly string[] } = {}): Promise<InProcessMockOrg> {
  const org = new MockOrg({ faults: options.faults ?? [] });
  const served = servedOktaOrg(org, { control: true });
  await served.ready;
  return { token: org.apiToken, ...inProcess(served) };
}

/** An org's Duo account served in this process without a socket: its keys, the host name it signs with, and requests. */
export interface InProcessDuoAccount extends DuoAccountKeys {
  /** The Duo API host name requests are signed for and addressed to (their Host header). */
  host: string;
  handle(request: InProcessRequest): Promise<InProcessResponse>;
  close(): Promise<void>;
}

/**
 * A fresh org's Duo account (own keys, clock and faults) served in this process, as openInProcessMockOrg serves an
 * Okta org: each request through the Duo app's whole fastify pipeline, routed to the org as the mock host routes it.
 * Throws UnknownFaultError for a fault id the catalog does not know.
 */
export async function openInProcessDuoAccount(options: { faults?: readonly string[] } = {}): Promise<InProcessDuoAccount> {
  const org = new MockOrg({ faults: options.faults ?? [] });
  const served = servedDuoHost(org);
  await served.ready;
  // a host name of the mock host's form (core/host.ts), so that the account looks the same however it is reached
  return { host: `api-${randomAlphanumeric(12).toLowerCase()}.duo.test`, ...duoAccountKeys(org), ...inProcess(served) };
}

/** Requests to a served org by fastify's `inject`, addressed to the org as its app routes them. */
function inProcess(served: ProcessServedOrg): Pick<InProcessMockOrg, 'handle' | 'close'> {
  const { app } = served;
  let closed = false;
  return {
    async handle(request) {
      if (closed) throw new Error('the in-process mock org is closed');
      const response = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: { ...request.headers, ...served.headers },
        ...(request.body !== undefined ? { payload: request.body } : {}),
      });
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
      }
      return { status: response.statusCode, statusMessage: response.statusMessage, headers, body: response.rawPayload };
    },
    close: async () => {
      closed = true;
      served.remove();
    },
  };
}
