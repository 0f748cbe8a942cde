import { undici } from '../undici.js';
import type { DuoTargetConfig } from '../contract.js';
import { connectInProcessDuo, type MockHostAccess } from '../mock/driver.js';
import { DuoDriver } from './driver.js';

/**
 * A Duo account the run was given (a separately started mock, a vendor's test deployment, or Duo itself). A host
 * that is not a test host (`*.test`, loopback) must be allowed explicitly: the suites create and delete users there.
 */
export function connectDuoDriver(account: DuoTargetConfig, options: { allowHosts?: readonly string[] } = {}): Promise<DuoDriver> {
  const testHost = /\.test$/i.test(account.host) || /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(account.url);
  if (!testHost && !(options.allowHosts ?? []).map((h) => h.toLowerCase()).includes(account.host.toLowerCase())) {
    return Promise.reject(new Error(`the Duo host ${account.host} is not allowed: allow it (--allow-target, allowTargets, or MFA_CONFORMANCE_DUO_ALLOW) to let the suites create and delete users there`));
  }
  return DuoDriver.connect({ kind: 'http', account });
}

/**
 * The embedded mock's Duo account: a fresh org (own keys, clock and faults), its requests addressed with the org's
 * Duo host name (`api-{org}.duo.test`) as the Host header, exactly like any target. On a mock host (`host`, reached
 * at its address over loopback HTTP) when one is given; otherwise in this process, each request handed to the org's
 * Duo app without a socket (mock/in-process.ts), as the embedded Okta org is.
 */
export async function connectMockDuoDriver(options: { faults?: readonly string[]; host?: MockHostAccess } = {}): Promise<DuoDriver> {
  if (!options.host) return connectInProcessDuo(options.faults ?? []);
  const host = options.host;
  const { request } = await undici();
  const created = await request(`${host.url}/__host/orgs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ faults: options.faults ?? [] }),
  });
  const body = (await created.body.json()) as { id?: string; error?: string; families?: { duo?: DuoTargetConfig } };
  const duo = body.families?.duo;
  if (created.statusCode !== 201 || !body.id || !duo) {
    throw new Error(`the mock host could not create an org with a Duo account (HTTP ${created.statusCode}: ${body.error ?? 'no reason given'})`);
  }
  const orgId = body.id;
  return DuoDriver.connect({
    kind: 'mock',
    account: duo,
    onClose: async () => {
      const removed = await request(`${host.url}/__host/orgs/${orgId}`, { method: 'DELETE', headers: { authorization: `Bearer ${host.adminToken}` } });
      await removed.body.dump();
    },
  });
}
