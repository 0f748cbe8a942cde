import type { DuoAccountRef } from './duo-account.js';
import type { MfaConfig } from './tenant.js';

/**
 * The Duo Auth API integration a duo-web config names (spec §4.1, INFERENCE from Duo Web v2): `host` is the
 * API host name, `configProperties.ikey`/`skey` the integration's keys; `accessKey` (the Duo Web akey) signs
 * nothing the tenant sends. Undefined when a part is missing.
 */
export function duoAccountOf(config: MfaConfig): DuoAccountRef | undefined {
  const ikey = config.configProperties?.ikey;
  const skey = config.configProperties?.skey;
  if (!config.host || typeof ikey !== 'string' || typeof skey !== 'string' || ikey === '' || skey === '') return undefined;
  return { host: config.host, ikey, skey };
}
