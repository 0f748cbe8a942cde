import { request } from 'undici';
import { sswsToken } from '../auth/ssws.js';
import type { TargetProfile } from '../contract.js';
import { HttpDriver } from '../http-driver.js';
import type { MockOrgHost } from '../../mock-org/index.js';

/** Where the embedded mock orgs are hosted (started by the suites' global setup). */
export interface MockHostAccess {
  url: string;
  adminToken: string;
}

/**
 * Starts a host for embedded mock orgs in this process: for the suites' global setup, which may not
 * import mock-org itself (a check sees the target only through its driver), and for a driver without a host.
 */
export async function startMockHost(): Promise<MockOrgHost> {
  const { startMockOrgHost } = await import('../../mock-org/index.js');
  return startMockOrgHost();
}

/**
 * The embedded mock: a fresh org of its own on the mock host (own token, clock, store and
 * faults), reached over HTTP exactly like any other target, with its control protocol.
 * Without a host (a library user calling createDriver outside the suites), one is started in
 * this process for the driver and stopped with it.
 */
export async function connectMockDriver(options: { faults?: readonly string[]; profile?: TargetProfile; host?: MockHostAccess } = {}): Promise<HttpDriver> {
  if (!options.host) {
    const host = await startMockHost();
    try {
      const driver = await connectMockDriver({ ...options, host });
      return driver.afterClose(() => host.close());
    } catch (error) {
      await host.close();
      throw error;
    }
  }
  const host = options.host;
  const created = await request(`${host.url}/__host/orgs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ faults: options.faults ?? [] }),
  });
  const body = (await created.body.json()) as { baseUrl?: string; token?: string; id?: string; error?: string };
  if (created.statusCode !== 201 || !body.baseUrl || !body.token || !body.id) {
    throw new Error(`the mock host could not create an org (HTTP ${created.statusCode}: ${body.error ?? 'no reason given'})`);
  }
  const orgId = body.id;
  return HttpDriver.connect({
    kind: 'mock',
    baseUrl: body.baseUrl,
    ...(options.profile ? { profile: options.profile } : {}),
    auth: sswsToken(body.token),
    onClose: async () => {
      const removed = await request(`${host.url}/__host/orgs/${orgId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${host.adminToken}` },
      });
      await removed.body.dump();
    },
  });
}
