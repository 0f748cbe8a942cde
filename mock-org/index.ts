import { createServer } from 'node:http';
import { startOrgHost, type MockOrgHost, type MockOrgHostOptions } from './core/host.js';
import { ORG_PREFIX_HEADER } from './core/base-url.js';
import { IDENTITYNOW_PATH, identityNowTenant, NO_LOCAL_PROVIDERS, type IdentityNowAccess, type LocalProviders } from './identitynow-mfa/index.js';
import { servedDuoHost, servedIdentityNowTenant, servedOktaOrg, type ProcessServedOrg } from './process-apps.js';
import { MockOrg, type MockOrgConfig } from './org.js';
import { duoAccountKeys, type DuoAccountKeys } from './duo-auth/index.js';
import { randomAlphanumeric } from './core/ids.js';
import { closeServer, listenOn } from './core/http-server.js';

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
  const tenant = identityNowTenant(org, {
    duoAddresses: (duoHost) => (duoAccount && duoHost.toLowerCase() === duoAccount.host ? duoAccount.url : undefined),
    local: NO_LOCAL_PROVIDERS,
  });
  const tenantServed = servedIdentityNowTenant(tenant.tenant);
  await Promise.all([okta.ready, tenantServed.ready]);
  const tenantPrefix = `/${IDENTITYNOW_PATH}`;
  const server = createServer((req, res) => {
    const underTenant = underPrefix(req.url ?? '/', tenantPrefix);
    if (underTenant !== undefined) {
      req.url = underTenant;
      req.headers[ORG_PREFIX_HEADER] = tenantPrefix;
      tenantServed.routing(req, res);
      return;
    }
    okta.routing(req, res);
  });
  const host = options.host ?? '127.0.0.1';
  const url = await listenOn(server, host, options.port ?? 0);
  const duo = options.duo ? await startDuoHost(org, host) : undefined;
  duoAccount = duo?.account;
  return {
    url,
    token: org.apiToken,
    org,
    identityNow: tenant.describe({ url: `${url}${tenantPrefix}` }),
    ...(duo ? { duo: duo.account } : {}),
    close: async () => {
      await closeServer(server);
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
  return {
    account: { url: await listenOn(server, host), host: STANDALONE_DUO_HOST, ...duoAccountKeys(org) },
    close: async () => {
      await closeServer(server);
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
    const tenant = identityNowTenant(org, { duoAddresses, local: NO_LOCAL_PROVIDERS });
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
  return { host: inProcessDuoHost(), ...duoAccountKeys(org), ...inProcess(served) };
}

/**
 * An org's IdentityNow tenant, its Okta org and its Duo account served in this process without a socket, as a mock
 * host serves them (one org: same clock, faults and outbox; the org's control protocol on): the Okta org's requests
 * at `origin`, the tenant's under `{origin}/identitynow`, the Duo account's addressed to its host name. The tenant's
 * own calls to that Okta org and Duo account (an okta-verify or duo-web configuration pointing at them) go through
 * their apps in this process too; a configuration naming any other address is called over the network.
 */
export interface InProcessIdentityNow {
  /** The Okta org's API token (the org's admin token, which also guards the tenant's test hooks). */
  token: string;
  okta: Pick<InProcessMockOrg, 'handle'>;
  /** The tenant: its base URL (`{origin}/identitynow`), its client, and requests (their path under that base URL). */
  identityNow: IdentityNowAccess & Pick<InProcessMockOrg, 'handle'>;
  duo: Omit<InProcessDuoAccount, 'close'>;
  close(): Promise<void>;
}

/** Throws UnknownFaultError for a fault id the catalog does not know. */
export async function openInProcessIdentityNow(options: { faults?: readonly string[]; origin: string }): Promise<InProcessIdentityNow> {
  const org = new MockOrg({ faults: options.faults ?? [] });
  const oktaServed = servedOktaOrg(org, { control: true });
  const duoServed = servedDuoHost(org);
  const okta = inProcess(oktaServed);
  const duo = inProcess(duoServed);
  const duoHost = inProcessDuoHost();
  const origin = options.origin.replace(/\/+$/, '');
  const local: LocalProviders = (request) => {
    // an address that is no URL is the network's to refuse, as for any provider
    if (!URL.canParse(request.url)) return undefined;
    const url = new URL(request.url);
    const target = url.origin === origin ? okta : url.host.toLowerCase() === duoHost ? duo : undefined;
    const answer = target?.handle({ method: request.method, url: `${url.pathname}${url.search}`, headers: { host: url.host, ...request.headers }, ...(request.body !== undefined ? { body: request.body } : {}) });
    return answer?.then((response) => ({ status: response.status, text: response.body.toString('utf8') }));
  };
  const tenant = identityNowTenant(org, { duoAddresses: () => undefined, local });
  const tenantServed = servedIdentityNowTenant(tenant.tenant);
  const tenantApp = inProcess(tenantServed, `/${IDENTITYNOW_PATH}`);
  await Promise.all([oktaServed.ready, duoServed.ready, tenantServed.ready]);
  return {
    token: org.apiToken,
    okta: { handle: okta.handle },
    identityNow: { ...tenant.describe({ url: `${origin}/${IDENTITYNOW_PATH}` }), handle: tenantApp.handle },
    duo: { host: duoHost, ...duoAccountKeys(org), handle: duo.handle },
    close: async () => {
      await Promise.all([okta.close(), duo.close(), tenantApp.close()]);
    },
  };
}

/** A Duo API host name for an in-process account: of the mock host's form (core/host.ts), so that the account looks the same however it is reached. */
function inProcessDuoHost(): string {
  return `api-${randomAlphanumeric(12).toLowerCase()}.duo.test`;
}

/**
 * Requests to a served org by fastify's `inject`, addressed to the org as its app routes them; with `prefix`, the
 * org is served under that path (as a mock host serves a tenant beside its org), which requests are stripped of.
 */
function inProcess(served: ProcessServedOrg, prefix?: string): Pick<InProcessMockOrg, 'handle' | 'close'> {
  const { app } = served;
  let closed = false;
  return {
    async handle(request) {
      if (closed) throw new Error('the in-process mock org is closed');
      const response = await app.inject({
        method: request.method as 'GET',
        url: prefix === undefined ? request.url : (underPrefix(request.url, prefix) ?? request.url),
        headers: { ...request.headers, ...(prefix === undefined ? {} : { [ORG_PREFIX_HEADER]: prefix }), ...served.headers },
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

/** A request target under `prefix` as the app beneath it sees it (`/identitynow/v3/x?y` → `/v3/x?y`); undefined for one not under it. */
function underPrefix(url: string, prefix: string): string | undefined {
  if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) return url.slice(prefix.length) || '/';
  return undefined;
}
