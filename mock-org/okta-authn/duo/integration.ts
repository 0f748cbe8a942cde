import { OrgState } from '../../core/org-state.js';
import { randomBytes } from 'node:crypto';
import type { DuoKeys } from './web-signature.js';

const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (const byte of randomBytes(length)) out += alphabet[byte % alphabet.length];
  return out;
}

/**
 * The org's Duo Web integration: the keys Okta and Duo share (ikey, skey), Okta's own application key
 * (akey) and the API host of the Duo account. Organisation configuration, random per org, kept across
 * reset(); the keys are secrets and never leave the mock (only signed values do).
 *
 * The host is simulated by the mock itself (control protocol `duo/{host}/auth`); it ends in `.invalid`
 * (RFC 2606) so that nothing can ever reach a real network through it.
 */
class DuoIntegration implements DuoKeys {
  readonly ikey = 'DI' + randomFrom(UPPER_ALPHANUMERIC, 18);
  readonly skey = randomBytes(30).toString('base64url');
  readonly akey = randomBytes(30).toString('base64url') + randomBytes(15).toString('hex');
  readonly host = `api-${randomBytes(4).toString('hex')}.duosecurity.invalid`;
}

/** The org's Duo Web integration: org configuration, kept across reset. */
export const DUO_INTEGRATION = new OrgState(() => new DuoIntegration());
