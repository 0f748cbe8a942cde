import { startOrgHost, type MockOrgHost, type MockOrgHostOptions } from './core/host.js';
import { buildServer } from './server.js';
import { MockOrg, type MockOrgConfig } from './org.js';

export { MockOrg } from './org.js';
export { buildServer } from './server.js';
export { FAULT_CATALOG, type FaultId } from './faults.js';
export { VARIANT_CATALOG, type VariantId } from './variants.js';
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
