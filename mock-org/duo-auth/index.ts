import type { FastifyInstance } from 'fastify';
import { DUO_ACCOUNT } from './account.js';
import type { DuoOrg } from './context.js';
import { buildDuoApp, type DuoHostOrg } from './server.js';

export { buildDuoApp, type DuoHostOrg } from './server.js';

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

/** One org's Duo host with the control protocol (signed with the Admin API keys): an app serving that org alone. */
export function duoHostApp(org: DuoHostOrg): FastifyInstance {
  const orgs = buildDuoApp(org, { soleOrg: true });
  orgs.add(org);
  return orgs.app;
}
