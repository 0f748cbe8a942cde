import { startOrgHost, type MockOrgHost, type MockOrgHostOptions } from './core/host.js';
import { buildServer } from './server.js';
import { MockOrg, type MockOrgConfig } from './org.js';

export { MockOrg } from './org.js';
export { buildServer } from './server.js';
export { FAULT_CATALOG, type FaultId } from './faults.js';
export type { MockOrgHost } from './core/host.js';

export interface MockOrgOptions extends MockOrgConfig {
  /** Loopback by default: the mock org is for tests, not for the network. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Serve the control protocol under /__control/v1. */
  control?: boolean;
}

export interface RunningMockOrg {
  url: string;
  token: string;
  org: MockOrg;
  close(): Promise<void>;
}

/** Starts one mock org on a loopback port. */
export async function startMockOrg(options: MockOrgOptions = {}): Promise<RunningMockOrg> {
  const org = new MockOrg(options);
  const app = buildServer(org, { control: options.control ?? false });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('mock org did not bind a TCP port');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostPart}:${address.port}`,
    token: org.apiToken,
    org,
    close: () => app.close(),
  };
}

/** Starts a host of many mock orgs behind one loopback port (mock-org/core/host.ts), each serving the control protocol. */
export function startMockOrgHost(options: MockOrgHostOptions<MockOrg> = {}): Promise<MockOrgHost> {
  return startOrgHost((faults) => {
    const org = new MockOrg({ faults });
    return { org, app: buildServer(org, { control: true }), token: org.apiToken };
  }, options);
}

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
  const app = buildServer(org, { control: true });
  await app.ready();
  return {
    token: org.apiToken,
    async handle(request) {
      const response = await app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { payload: request.body } : {}),
      });
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
      }
      return { status: response.statusCode, statusMessage: response.statusMessage, headers, body: response.rawPayload };
    },
    close: () => app.close(),
  };
}
