import type { FastifyInstance } from 'fastify';
import { DUO_ACCOUNT } from './account.js';
import type { DuoOrg } from './context.js';
import type { FaultControl } from './control-routes.js';
import { buildDuoServer } from './server.js';

/** The keys a driver needs to reach an org's Duo account (what `mfa-conformance mock` prints under `duo`). */
export interface DuoAccountKeys {
  ikey: string;
  skey: string;
  adminIkey: string;
  adminSkey: string;
}

export function duoAccountKeys(org: DuoOrg): DuoAccountKeys {
  const account = DUO_ACCOUNT.of(org.scope);
  return { ikey: account.auth.ikey, skey: account.auth.skey, adminIkey: account.admin.ikey, adminSkey: account.admin.skey };
}

/** The org's Duo host with the control protocol (signed with the Admin API keys). */
export function duoHostApp(org: DuoOrg & { faults: FaultControl & DuoOrg['faults']; reset(): void }): FastifyInstance {
  return buildDuoServer(org, { control: { faults: org.faults, reset: () => org.reset() } });
}
