import { describe, expect, test } from 'vitest';
import {
  AUTH_PREFIX,
  DuoSignatureError,
  parseValue,
  signRequest,
  signValue,
  verifyResponse,
} from '../../mock-org/okta-authn/duo/web-signature.js';

/** The mock's Duo Web v2 signed values (mock-org/okta-authn/duo/web-signature.ts), against the format and its edge cases. */

const keys = {
  ikey: 'DIWJ8X6AEYOR5OMC6TQ1',
  skey: 'Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zt8uUW',
  akey: 'useacustomerprovidedapplicationsecretkey',
};
const NOW_MS = 1_300_000_000_000;

/** What Duo sends back for `sigRequest`, approved by `username` at `nowMs`. */
function duoResponse(sigRequest: string, username: string, nowMs = NOW_MS, skey = keys.skey): string {
  const [, app] = sigRequest.split(':');
  return `${signValue(skey, AUTH_PREFIX, username, keys.ikey, Math.floor(nowMs / 1000) + 300)}:${app}`;
}

describe('Duo Web v2 signed values', () => {
  test('a value is PREFIX|base64(username|ikey|expire)|hex HMAC-SHA1 (vector computed with Python hmac)', () => {
    expect(signValue(keys.skey, 'TX', 'testuser', keys.ikey, 1_300_000_300)).toBe(
      'TX|dGVzdHVzZXJ8RElXSjhYNkFFWU9SNU9NQzZUUTF8MTMwMDAwMDMwMA==|9d433bf4f4b7d9636cf3bf7f5ddb65c74f9cf280',
    );
  });

  test('a sig_request is TX (skey, 300 s) ":" APP (akey, 3600 s), both for the user and the ikey', () => {
    const [tx = '', app = ''] = signRequest(keys, 'testuser', NOW_MS).split(':');
    expect(parseValue(keys.skey, tx, 'TX', keys.ikey, NOW_MS)).toEqual({ prefix: 'TX', username: 'testuser', ikey: keys.ikey, expire: 1_300_000_300 });
    expect(parseValue(keys.akey, app, 'APP', keys.ikey, NOW_MS)).toMatchObject({ username: 'testuser', expire: 1_300_003_600 });
  });

  test("Duo's response verifies, for the user it names", () => {
    const request = signRequest(keys, 'testuser', NOW_MS);
    expect(verifyResponse(keys, duoResponse(request, 'testuser'), NOW_MS + 1000)).toBe('testuser');
  });

  test.each([
    ['an AUTH value signed with another key', (r: string) => duoResponse(r, 'testuser', NOW_MS, 'x'.repeat(40))],
    ['AUTH and APP naming different users', (r: string) => duoResponse(r, 'someone-else')],
    ['the TX value sent back instead of an AUTH value', (r: string) => r],
    ['an APP value signed with another key', (r: string) => `${duoResponse(r, 'testuser').split(':')[0]}:${signValue('y'.repeat(40), 'APP', 'testuser', keys.ikey, 1_300_003_600)}`],
    ['an expired AUTH value', (r: string) => duoResponse(r, 'testuser', NOW_MS - 301_000)],
    ['no separator', () => 'AUTH|abc|def'],
    ['three parts', (r: string) => `${duoResponse(r, 'testuser')}:extra`],
    ['garbage', () => 'AUTH|!!!|zz:APP|%%%|zz'],
    ['an empty string', () => ''],
  ])('refuses %s with a DuoSignatureError', (_what, make) => {
    const response = make(signRequest(keys, 'testuser', NOW_MS));
    expect(() => verifyResponse(keys, response, NOW_MS)).toThrow(DuoSignatureError);
  });

  test('a value for another integration key is refused', () => {
    const value = signValue(keys.skey, 'TX', 'testuser', 'DIOTHERINTEGRATIONX1', 1_300_000_300);
    expect(() => parseValue(keys.skey, value, 'TX', keys.ikey, NOW_MS)).toThrow(/wrong integration key/);
  });

  test('the expiry is exclusive: refused at the second it names', () => {
    const value = signValue(keys.skey, 'TX', 'testuser', keys.ikey, 1_300_000_300);
    expect(parseValue(keys.skey, value, 'TX', keys.ikey, 1_300_000_299_999).username).toBe('testuser');
    expect(() => parseValue(keys.skey, value, 'TX', keys.ikey, 1_300_000_300_000)).toThrow(/expired/);
  });

  test('a username that would break the format is refused', () => {
    expect(() => signRequest(keys, 'a|b', NOW_MS)).toThrow(DuoSignatureError);
    expect(() => signRequest(keys, '', NOW_MS)).toThrow(DuoSignatureError);
  });
});
