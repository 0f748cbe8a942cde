import { undici } from '../undici.js';
import { sswsToken } from '../auth/ssws.js';
import type { DuoTargetConfig, TargetProfile } from '../contract.js';
import { DuoDriver } from '../duo/driver.js';
import { HttpDriver } from '../http-driver.js';
import { IdentityNowDriver, type IdentityNowTenantConfig } from '../identitynow/driver.js';
import type { MockOrgHost } from '../../mock-org/index.js';
import { InProcessTransport, IN_PROCESS_ORIGIN } from './in-process.js';

/** Where the embedded mock orgs are hosted (started by the suites' global setup). */
export interface MockHostAccess {
  url: string;
  adminToken: string;
}

/**
 * The embedded mock: a fresh org of its own (own token, clock, store and faults), with its control protocol.
 * On a mock host (`host`, reached over loopback HTTP) when one is given; otherwise in this process, each request
 * handed by undici to the org's fastify app without a socket (in-process.ts), so a suite worker is its own
 * mock and no other thread sits on the critical path of every request.
 */
export async function connectMockDriver(options: { faults?: readonly string[]; profile?: TargetProfile; host?: MockHostAccess } = {}): Promise<HttpDriver> {
  if (!options.host) return connectInProcess(options.faults ?? [], options.profile);
  const { body, host } = await createHostedOrg(options.host, options.faults ?? []);
  return HttpDriver.connect({
    kind: 'mock',
    baseUrl: body.baseUrl,
    ...(options.profile ? { profile: options.profile } : {}),
    auth: sswsToken(body.token),
    onClose: async () => {
      const { request } = await undici();
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
  families?: { identitynow?: IdentityNowTenantConfig; duo?: DuoTargetConfig };
}

async function createHostedOrg(host: MockHostAccess, faults: readonly string[]): Promise<{ body: HostedOrgAnswer; host: MockHostAccess }> {
  const { request } = await undici();
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
export async function connectMockIdentityNow(options: { faults?: readonly string[]; host?: MockHostAccess }): Promise<IdentityNowDriver> {
  const { body, host } = await createHostedOrg(options.host ?? (await workerMockHost()), options.faults ?? []);
  const okta = await HttpDriver.connect({
    kind: 'mock',
    baseUrl: body.baseUrl,
    auth: sswsToken(body.token),
    onClose: async () => {
      const { request } = await undici();
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
  let duo: DuoDriver | undefined;
  try {
    // The org's own Duo account (same clock and faults): the one a duo-web configuration points at.
    duo = body.families?.duo ? await DuoDriver.connect({ kind: 'mock', account: body.families.duo }) : undefined;
    for (const secret of duo ? [body.families?.duo?.skey, body.families?.duo?.adminSkey] : []) if (secret) okta.registerSecret(secret);
    return await IdentityNowDriver.connect({ kind: 'mock', tenant, okta, oktaToken: body.token, controlToken: body.token, ...(duo ? { duoAccount: duo } : {}) });
  } catch (error) {
    await duo?.close();
    await okta.close();
    throw error;
  }
}

/**
 * A mock host in this worker, started on first use and shared by its suite files: for the family whose
 * mock is reached over HTTP even in an embedded run (the IdentityNow tenant calls its Okta org and its
 * Duo account over HTTP). Unreferenced, so it never keeps a worker alive.
 */
let workerHost: Promise<MockOrgHost> | undefined;

function workerMockHost(): Promise<MockHostAccess> {
  workerHost ??= import('../../mock-org/index.js').then(({ startMockOrgHost }) => startMockOrgHost({ unref: true }));
  return workerHost;
}

async function connectInProcess(faults: readonly string[], profile: TargetProfile | undefined): Promise<HttpDriver> {
  const { openInProcessMockOrg } = await import('../../mock-org/index.js');
  const org = await openInProcessMockOrg({ faults });
  try {
    return await HttpDriver.connect({
      kind: 'mock',
      baseUrl: IN_PROCESS_ORIGIN,
      auth: sswsToken(org.token),
      transport: new InProcessTransport(org),
      ...(profile ? { profile } : {}),
      onClose: () => org.close(),
    });
  } catch (error) {
    await org.close();
    throw error;
  }
}

/** The embedded mock's Duo account in this process (a fresh org's, without a socket): drivers/duo/connect.ts. */
export async function connectInProcessDuo(faults: readonly string[]): Promise<DuoDriver> {
  const { openInProcessDuoAccount } = await import('../../mock-org/index.js');
  const account = await openInProcessDuoAccount({ faults });
  try {
    const { host, ikey, skey, adminIkey, adminSkey } = account;
    return await DuoDriver.connect({
      kind: 'mock',
      account: { url: IN_PROCESS_ORIGIN, host, ikey, skey, adminIkey, adminSkey },
      transport: new InProcessTransport(account),
      onClose: () => account.close(),
    });
  } catch (error) {
    await account.close();
    throw error;
  }
}
