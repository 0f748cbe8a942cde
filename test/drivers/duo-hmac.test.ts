import { describe, expect, test } from 'vitest';
import { canonicalDuoHeaders, canonicalParams, canonicalRequest, duoSignature } from '../../drivers/auth/duo-hmac.js';

/** The signer against the official clients' own test vectors (shared/spec duo-auth-admin §1.6). */
const A = {
  date: 'Tue, 21 Aug 2012 17:29:18 -0000',
  method: 'PoSt',
  host: 'test.duosecurity.com',
  path: '/test/v1',
  params: [
    ['realname', 'First Last'],
    ['username', 'root'],
  ] as const,
};

describe('Duo HMAC signing', () => {
  test('v2 canonical string and HMAC-SHA512 (duo_api_nodejs tests/duo_sig.js)', () => {
    expect(canonicalRequest('v2-sha512', A)).toBe(`${A.date}\nPOST\ntest.duosecurity.com\n/test/v1\nrealname=First%20Last&username=root`);
    expect(duoSignature('v2-sha512', 'test_skey', A)).toBe(
      '042a30c682bd836fc5ba467891a956eaa10091ca0f73a7fb396aefd56a3529e56932dea427a67213af664ba6841689ff2336b7a373766ea5ab7ab9fe2638226b',
    );
  });

  test('v2 HMAC-SHA1', () => {
    expect(duoSignature('v2-sha1', 'test_skey', A)).toBe('7db13501cda6278f27987468405fe8be61b5e3e3');
  });

  test('v5 over a JSON body', () => {
    const signed = { ...A, params: [], body: '{"realname":"First Last","username":"root"}' };
    expect(duoSignature('v5', 'test_skey', signed)).toBe(
      '7d02409a152764843cccd8284da153b3fb446baad5f998886325e24bc9cd4a244de85ad4bfa7ea285d68209f160835673d8b4f1e1b23d9cd521d26bfe7f366a4',
    );
  });

  test('v5 header hash: x-duo-* names lower-cased and sorted (duo_client_python)', () => {
    expect(canonicalDuoHeaders({ 'X-Duo-Header-1': 'header_value_1' })).toBe(
      '630b4bfe7e9abd03da2eee8f0a5d4e60a254ec880a839bcc2223bb5b9443e8ef24d58f0254f1f5934bf8c017ebd0fd5b1acf86766bdbe74185e712a4092df3ed',
    );
    expect(canonicalDuoHeaders({ 'x-duo-A': 'header_value_1', 'X-Duo-B': 'header_value_2', accept: 'x' })).toBe(
      '60be11a30e0756f2ee2afdce1db849b987dcf86c1133394bd7bbbc9877920330c4d78aceacbb377ab8cbd9a8efe6a410fed4047376635ac71226ab46ca10d2b1',
    );
  });

  test('parameters: unreserved characters literal, the rest %XX upper-case, sorted by key', () => {
    expect(canonicalParams([['b', "a b!'()*~"], ['a', 'é'], ['foo_bar', '2'], ['foo', '1']])).toBe(
      'a=%C3%A9&b=a%20b%21%27%28%29%2A~&foo=1&foo_bar=2',
    );
  });
});
