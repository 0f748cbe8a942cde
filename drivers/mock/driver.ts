import { request } from 'undici';
import { sswsToken } from '../auth/ssws.js';
import { HttpDriver } from '../http-driver.js';
import { InProcessDispatcher, IN_PROCESS_ORIGIN } from './in-process.js';

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
export async function connectMockDriver(options: { faults?: readonly string[]; host?: MockHostAccess } = {}): Promise<HttpDriver> {
  if (!options.host) return connectInProcess(options.faults ?? []);
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

async function connectInProcess(faults: readonly string[]): Promise<HttpDriver> {
  const { openInProcessMockOrg } = await import('../../mock-org/index.js');
  const org = await openInProcessMockOrg({ faults });
  try {
    return await HttpDriver.connect({
      kind: 'mock',
      baseUrl: IN_PROCESS_ORIGIN,
      auth: sswsToken(org.token),
      dispatcher: new InProcessDispatcher(org),
      onClose: () => org.close(),
    });
  } catch (error) {
    await org.close();
    throw error;
  }
}
