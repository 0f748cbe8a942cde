import { undici } from '../undici.js';
import { sswsToken } from '../auth/ssws.js';
import type { DuoTargetConfig, TargetProfile } from '../contract.js';
import { DuoDriver } from '../duo/driver.js';
import type { HttpTransport } from '../http-client.js';
import { HttpDriver } from '../http-driver.js';
import { IdentityNowDriver, type IdentityNowTenantConfig } from '../identitynow/driver.js';
import type { InProcessMockOrg } from '../../mock-org/index.js';
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
 * The embedded IdentityNow tenant: a fresh org and the tenant beside it, the tenant's okta-verify and duo-web
 * configurations free to point at that org and its Duo account. On a mock host (`host`, reached over loopback HTTP)
 * when one is given; otherwise all three in this process (the tenant's own calls to the org and the account too).
 */
export async function connectMockIdentityNow(options: { faults?: readonly string[]; host?: MockHostAccess }): Promise<IdentityNowDriver> {
  if (!options.host) return connectInProcessIdentityNow(options.faults ?? []);
  const { body, host } = await createHostedOrg(options.host, options.faults ?? []);
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
  return withTenant(okta, { tenant, token: body.token, ...(body.families?.duo ? { duo: { account: body.families.duo } } : {}) });
}

/** The Okta org's driver joined by the tenant beside it and the org's Duo account; the org's driver is closed on failure. */
async function withTenant(
  okta: HttpDriver,
  beside: { tenant: IdentityNowTenantConfig; token: string; tenantTransport?: HttpTransport; duo?: { account: DuoTargetConfig; transport?: HttpTransport } },
): Promise<IdentityNowDriver> {
  okta.registerSecret(beside.tenant.clientSecret);
  let duo: DuoDriver | undefined;
  try {
    // The org's own Duo account (same clock and faults): the one a duo-web configuration points at.
    const account = beside.duo?.account;
    duo = account ? await DuoDriver.connect({ kind: 'mock', account, ...(beside.duo?.transport ? { transport: beside.duo.transport } : {}) }) : undefined;
    for (const secret of account ? [account.skey, account.adminSkey] : []) okta.registerSecret(secret);
    return await IdentityNowDriver.connect({
      kind: 'mock',
      tenant: beside.tenant,
      okta,
      oktaToken: beside.token,
      controlToken: beside.token,
      ...(duo ? { duoAccount: duo } : {}),
      ...(beside.tenantTransport ? { transport: beside.tenantTransport } : {}),
    });
  } catch (error) {
    await duo?.close();
    await okta.close();
    throw error;
  }
}

/** The embedded IdentityNow tenant, its Okta org and Duo account in this process, each reached without a socket. */
async function connectInProcessIdentityNow(faults: readonly string[]): Promise<IdentityNowDriver> {
  const { openInProcessIdentityNow } = await import('../../mock-org/index.js');
  const site = await openInProcessIdentityNow({ faults, origin: IN_PROCESS_ORIGIN });
  const okta = await inProcessOktaDriver({ token: site.token, handle: site.okta.handle, close: () => site.close() }, undefined);
  const { baseUrl, clientId, clientSecret, handle } = site.identityNow;
  const { host, ikey, skey, adminIkey, adminSkey } = site.duo;
  return withTenant(okta, {
    tenant: { baseUrl, clientId, clientSecret },
    token: site.token,
    tenantTransport: new InProcessTransport({ handle }),
    duo: { account: { url: IN_PROCESS_ORIGIN, host, ikey, skey, adminIkey, adminSkey }, transport: new InProcessTransport(site.duo) },
  });
}

async function connectInProcess(faults: readonly string[], profile: TargetProfile | undefined): Promise<HttpDriver> {
  const { openInProcessMockOrg } = await import('../../mock-org/index.js');
  return inProcessOktaDriver(await openInProcessMockOrg({ faults }), profile);
}

/** The driver of an Okta org served in this process, which it closes (also when connecting fails). */
async function inProcessOktaDriver(org: InProcessMockOrg, profile: TargetProfile | undefined): Promise<HttpDriver> {
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
