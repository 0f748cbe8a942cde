import { request } from 'undici';
import { sswsToken } from '../auth/ssws.js';
import { HttpDriver } from '../http-driver.js';
import { IdentityNowDriver, type IdentityNowTenantConfig } from '../identitynow/driver.js';
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
export async function connectMockDriver(options: { faults?: readonly string[]; host?: MockHostAccess } = {}): Promise<HttpDriver> {
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
  const { body, host } = await createHostedOrg(options.host, options.faults ?? []);
  return HttpDriver.connect({
    kind: 'mock',
    baseUrl: body.baseUrl,
    auth: sswsToken(body.token),
    onClose: async () => {
      const removed = await request(`${host.url}/__host/orgs/${body.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${host.adminToken}` },
      });
      await removed.body.dump();
    },
  });
}

/** What the host answers about an org it created (the IdentityNow tenant beside it included). */
interface HostedOrgAnswer {
  id: string;
  baseUrl: string;
  token: string;
  /** The apps beside the org, by family (mock-org/core/host.ts). */
  families?: { identitynow?: IdentityNowTenantConfig };
}

async function createHostedOrg(host: MockHostAccess, faults: readonly string[]): Promise<{ body: HostedOrgAnswer; host: MockHostAccess }> {
  const created = await request(`${host.url}/__host/orgs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  const body = (await created.body.json()) as Partial<HostedOrgAnswer> & { error?: string };
  if (created.statusCode !== 201 || !body.baseUrl || !body.token || !body.id) {
    throw new Error(`the mock host could not create an org (HTTP ${created.statusCode}: ${body.error ?? 'no reason given'})`);
  }
  return { body: { id: body.id, baseUrl: body.baseUrl, token: body.token, ...(body.families ? { families: body.families } : {}) }, host };
}

/**
 * The embedded IdentityNow tenant: a fresh org on the mock host and the tenant beside it, the
 * tenant's okta-verify configuration free to point at that org (a sibling Okta org over HTTP).
 */
export async function connectMockIdentityNow(options: { faults?: readonly string[]; host: MockHostAccess }): Promise<IdentityNowDriver> {
  const { body, host } = await createHostedOrg(options.host, options.faults ?? []);
  const okta = await HttpDriver.connect({
    kind: 'mock',
    baseUrl: body.baseUrl,
    auth: sswsToken(body.token),
    onClose: async () => {
      const removed = await request(`${host.url}/__host/orgs/${body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${host.adminToken}` } });
      await removed.body.dump();
    },
  });
  const tenant = body.families?.identitynow;
  if (!tenant) {
    await okta.close();
    throw new Error('the mock host announced no IdentityNow tenant');
  }
  okta.registerSecret(tenant.clientSecret);
  try {
    return await IdentityNowDriver.connect({ kind: 'mock', tenant, okta, oktaToken: body.token, controlToken: body.token });
  } catch (error) {
    await okta.close();
    throw error;
  }
}
