import { startOrgHost, type MockOrgHost, type MockOrgHostOptions } from './core/host.js';
import { buildServer } from './server.js';
import { MockOrg, type MockOrgConfig } from './org.js';
import { duoAccountKeys, duoHostApp, type DuoAccountKeys } from './duo-auth/index.js';

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
  duo?: RunningDuoAccount;
  close(): Promise<void>;
}

/** The Duo API host name a standalone mock signs with (any Host reaches its own port). */
const STANDALONE_DUO_HOST = 'api-mock.duo.test';

/** Starts one mock org on a loopback port. */
export async function startMockOrg(options: MockOrgOptions = {}): Promise<RunningMockOrg> {
  const org = new MockOrg(options);
  const app = buildServer(org, { control: options.control ?? false });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('mock org did not bind a TCP port');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const duo = options.duo ? await startDuoHost(org, host) : undefined;
  return {
    url: `http://${hostPart}:${address.port}`,
    token: org.apiToken,
    org,
    ...(duo ? { duo: duo.account } : {}),
    close: async () => {
      await app.close();
      await duo?.close();
    },
  };
}

async function startDuoHost(org: MockOrg, host: string): Promise<{ account: RunningDuoAccount; close: () => Promise<void> }> {
  const app = duoHostApp(org);
  await app.listen({ host, port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the Duo host did not bind a TCP port');
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { account: { url: `http://${hostPart}:${address.port}`, host: STANDALONE_DUO_HOST, ...duoAccountKeys(org) }, close: () => app.close() };
}

/** Starts a host of many mock orgs behind one loopback port (mock-org/core/host.ts), each serving the control protocol. */
export function startMockOrgHost(options: MockOrgHostOptions<MockOrg> = {}): Promise<MockOrgHost> {
  return startOrgHost((faults) => {
    const org = new MockOrg({ faults });
    return {
      org,
      app: buildServer(org, { control: true }),
      token: org.apiToken,
      families: { duo: { app: duoHostApp(org), account: { ...duoAccountKeys(org) } } },
    };
  }, options);
}
