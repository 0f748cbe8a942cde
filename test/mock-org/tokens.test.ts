import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { expectOktaError, useMockOrg, type Reply } from './helpers.js';
import { YubiKeyOtpToken } from '../../virtual-authenticators/yubikey/yubikey-otp-token.js';

/**
 * Bad input to the knowledge and token factors' endpoints (question, Custom TOTP, Symantec VIP,
 * RSA SecurID, YubiKey and the org token API, and their control-protocol hooks) gets the API's
 * own error shape and status, never a 500, and changes nothing.
 */

const { call, newUser } = useMockOrg({ lenientJson: true, userPrefix: 'tokens' });

const TOKENS = '/api/v1/org/factors/yubikey_token/tokens';

const obj = (reply: Reply) => reply.json as Record<string, unknown>;

const factorsOf = async (userId: string) => (await call('GET', `/api/v1/users/${userId}/factors`)).json as unknown as { id: string; status: string }[];
const tokenCount = async () => ((await call('GET', `${TOKENS}?limit=200`)).json as unknown as unknown[]).length;

describe('question', () => {
  test('the questions of an unknown user are 404 E0000007', async () => {
    expectOktaError(await call('GET', '/api/v1/users/00unonesuch/factors/questions'), 404, 'E0000007');
  });

  test.each([
    ['no profile', { factorType: 'question', provider: 'OKTA' }],
    ['no answer', { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food' } }],
    ['an answer of the wrong type', { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: { a: 1 } } }],
    ['a question of the wrong type', { factorType: 'question', provider: 'OKTA', profile: { question: ['disliked_food'], answer: 'mayonnaise' } }],
    ['a blank answer', { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: '      ' } }],
    ['an overlong answer', { factorType: 'question', provider: 'OKTA', profile: { question: 'disliked_food', answer: 'x'.repeat(5000) } }],
  ])('enroll with %s → 400 E0000001, nothing enrolled', async (_what, body) => {
    const userId = (await newUser()).id;
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors`, body), 400, 'E0000001');
    expect(await factorsOf(userId)).toEqual([]);
  });

  test('verify with an answer of the wrong type is a 400 and the right answer still verifies', async () => {
    const userId = (await newUser()).id;
    const enrolled = await call('POST', `/api/v1/users/${userId}/factors`, {
      factorType: 'question', provider: 'OKTA', profile: { question: 'first_award', answer: 'Spelling bee' },
    });
    const verify = `/api/v1/users/${userId}/factors/${obj(enrolled).id as string}/verify`;
    expectOktaError(await call('POST', verify, { answer: ['Spelling bee'] }), 400, 'E0000001');
    expectOktaError(await call('POST', verify, {}), 403, 'E0000068');
    expect(obj(await call('POST', verify, { answer: 'spelling bee ' })).factorResult).toBe('SUCCESS');
  });
});

describe('Custom TOTP', () => {
  async function profileId(): Promise<string> {
    const res = await call('GET', '/__control/v1/factor-profiles');
    const [first] = obj(res).factorProfiles as { id: string; sharedSecretEncoding: string }[];
    expect(first?.sharedSecretEncoding).toBe('hex');
    return first!.id;
  }

  test('enroll with a bad shared secret or factorProfileId → 400 E0000001, nothing enrolled', async () => {
    const userId = (await newUser()).id;
    const id = await profileId();
    const bodies = [
      { factorProfileId: id, profile: { sharedSecret: 'not hex at all!' } },
      { factorProfileId: id, profile: { sharedSecret: 'abcd' } },
      { factorProfileId: id, profile: { sharedSecret: 42 } },
      { factorProfileId: id, profile: { sharedSecret: 'ab'.repeat(2000) } },
      { factorProfileId: id },
      { factorProfileId: { id }, profile: { sharedSecret: randomBytes(20).toString('hex') } },
    ];
    for (const body of bodies) {
      const res = await call('POST', `/api/v1/users/${userId}/factors?activate=true`, { factorType: 'token:hotp', provider: 'CUSTOM', ...body });
      expectOktaError(res, 400, 'E0000001');
    }
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors?activate=maybe`, {
      factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: id, profile: { sharedSecret: randomBytes(20).toString('hex') },
    }), 400, 'E0000001');
    expect(await factorsOf(userId)).toEqual([]);
  });

  test('verify with a passCode of the wrong type or length is refused and the factor stays ACTIVE', async () => {
    const userId = (await newUser()).id;
    const enrolled = await call('POST', `/api/v1/users/${userId}/factors?activate=true`, {
      factorType: 'token:hotp', provider: 'CUSTOM', factorProfileId: await profileId(), profile: { sharedSecret: randomBytes(20).toString('hex') },
    });
    expect(obj(enrolled).status).toBe('ACTIVE');
    const factorId = obj(enrolled).id as string;
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors/${factorId}/verify`, { passCode: { code: 1 } }), 400, 'E0000001');
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors/${factorId}/verify`, { passCode: '9'.repeat(100) }), 400, 'E0000001');
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors/${factorId}/verify`, { passCode: '12ab56' }), 403, 'E0000068');
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors/${factorId}/lifecycle/activate`, { passCode: '123456' }), 400, 'E0000001');
    expect((await factorsOf(userId)).map((f) => f.status)).toEqual(['ACTIVE']);
  });
});

describe('Symantec VIP and RSA SecurID', () => {
  test.each([
    ['an unknown service', '/__control/v1/token-service/duo', { credentialId: 'x', sharedSecret: 'ab'.repeat(10) }, 404, 'E0000007'],
    ['no credentialId', '/__control/v1/token-service/symantec', { sharedSecret: 'ab'.repeat(10) }, 400, 'E0000001'],
    ['a non-hex seed', '/__control/v1/token-service/symantec', { credentialId: 'VSMT1', sharedSecret: 'zz'.repeat(10) }, 400, 'E0000001'],
    ['a short seed', '/__control/v1/token-service/rsa', { credentialId: 'r1', sharedSecret: 'ab', pin: '1234' }, 400, 'E0000001'],
    ['an RSA credential without a PIN', '/__control/v1/token-service/rsa', { credentialId: 'r1', sharedSecret: 'ab'.repeat(10) }, 400, 'E0000001'],
    ['a PIN of letters', '/__control/v1/token-service/rsa', { credentialId: 'r1', sharedSecret: 'ab'.repeat(10), pin: 'abcd' }, 400, 'E0000001'],
    ['a Symantec credential with a PIN', '/__control/v1/token-service/symantec', { credentialId: 'VSMT1', sharedSecret: 'ab'.repeat(10), pin: '1234' }, 400, 'E0000001'],
    ['a JSON array', '/__control/v1/token-service/symantec', [1, 2], 400, 'E0000003'],
  ])('registering a credential with %s is refused', async (_what, path, body, status, code) => {
    expectOktaError(await call('POST', path, body), status, code);
  });

  test.each([
    ['no profile', { factorType: 'token', provider: 'SYMANTEC', verify: { passCode: '123456', nextPassCode: '654321' } }],
    ['a credentialId of the wrong type', { factorType: 'token', provider: 'RSA', profile: { credentialId: { id: 1 } }, verify: { passCode: '1234123456' } }],
    ['verify of the wrong type', { factorType: 'token', provider: 'RSA', profile: { credentialId: 'someone' }, verify: '1234123456' }],
    ['a passCode of the wrong type', { factorType: 'token', provider: 'SYMANTEC', profile: { credentialId: 'VSMT1' }, verify: { passCode: ['1'], nextPassCode: '2' } }],
    ['no passCode', { factorType: 'token', provider: 'RSA', profile: { credentialId: 'someone' } }],
    ['an unknown credential', { factorType: 'token', provider: 'SYMANTEC', profile: { credentialId: 'VSMT-nonesuch' }, verify: { passCode: '123456', nextPassCode: '654321' } }],
  ])('enroll with %s → 400 E0000001, nothing enrolled', async (_what, body) => {
    const userId = (await newUser()).id;
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors`, body), 400, 'E0000001');
    expect(await factorsOf(userId)).toEqual([]);
  });

  test('a refused Symantec enrollment leaves the service able to take the right codes', async () => {
    const userId = (await newUser()).id;
    const credentialId = `VSMT${Date.now() % 1e8}`;
    expect((await call('POST', '/__control/v1/token-service/symantec', { credentialId, sharedSecret: 'ab'.repeat(20) })).status).toBe(200);
    const res = await call('POST', `/api/v1/users/${userId}/factors`, {
      factorType: 'token', provider: 'SYMANTEC', profile: { credentialId }, verify: { passCode: 12, nextPassCode: 'abcdef' },
    });
    expectOktaError(res, 403, 'E0000068');
    expect(await factorsOf(userId)).toEqual([]);
  });
});

describe('YubiKey tokens', () => {
  const secrets = () => YubiKeyOtpToken.create().secrets;

  test.each([
    ['a JSON array', '[1]', 400, 'E0000003'],
    ['a serial of the wrong type', JSON.stringify({ ...secrets(), serialNumber: { n: 1 } }), 400, 'E0000001'],
    ['a serial of letters', JSON.stringify({ ...secrets(), serialNumber: '12ab' }), 400, 'E0000001'],
    ['a serial of 13 digits', JSON.stringify({ ...secrets(), serialNumber: '1234567890123' }), 400, 'E0000001'],
    ['an odd-length publicId', JSON.stringify({ ...secrets(), publicId: 'ccccc' }), 400, 'E0000001'],
    ['an overlong publicId', JSON.stringify({ ...secrets(), publicId: 'c'.repeat(34) }), 400, 'E0000001'],
    ['a privateId of the wrong length', JSON.stringify({ ...secrets(), privateId: 'abcd' }), 400, 'E0000001'],
    ['an overlong aesKey', JSON.stringify({ ...secrets(), aesKey: 'a'.repeat(10_000) }), 400, 'E0000001'],
    ['no fields', '{}', 400, 'E0000001'],
  ])('an upload with %s is refused and stores nothing', async (_what, body, status, code) => {
    const before = await tokenCount();
    expectOktaError(await call('POST', TOKENS, body), status, code);
    expect(await tokenCount()).toBe(before);
  });

  test.each([
    ['limit=0', 'limit=0'],
    ['limit=abc', 'limit=abc'],
    ['limit=-5', 'limit=-5'],
    ['an unknown sortBy', 'sortBy=aesKey'],
    ['an unknown sortOrder', 'sortOrder=sideways'],
    ['a cursor it never handed out', 'after=not-a-cursor'],
    ['a filter with parentheses', `filter=${encodeURIComponent('(status eq "ACTIVE")')}`],
    ['a filter that ends early', `filter=${encodeURIComponent('status eq "ACTIVE" and')}`],
    ['a filter with an unquoted value', `filter=${encodeURIComponent('status eq ACTIVE')}`],
    ['a filter comparing a serial with gt', `filter=${encodeURIComponent('profile.serial gt "1"')}`],
    ['a filter with a bad date', `filter=${encodeURIComponent('created gt "yesterday"')}`],
    ['an unknown expand', 'expand=factors'],
    ['forDownload=maybe', 'forDownload=maybe'],
  ])('a list with %s is 400 E0000001', async (_what, query) => {
    expectOktaError(await call('GET', `${TOKENS}?${query}`), 400, 'E0000001');
  });

  test('a limit above the maximum is the maximum; dates and or-filters work', async () => {
    expect((await call('GET', `${TOKENS}?limit=100000`)).status).toBe(200);
    const filter = encodeURIComponent('created gt "2000-01-01T00:00:00.000Z" or status eq "ACTIVE"');
    expect((await call('GET', `${TOKENS}?filter=${filter}`)).status).toBe(200);
  });

  test('enroll with OTPs that are not OTPs is refused, never a 500, and assigns nothing', async () => {
    const yubikey = YubiKeyOtpToken.create();
    expect((await call('POST', TOKENS, yubikey.secrets)).status).toBe(200);
    const userId = (await newUser()).id;
    for (const passCode of ['', 'x'.repeat(100), yubikey.publicId + 'z'.repeat(32), yubikey.publicId, '☃'.repeat(44)]) {
      const res = await call('POST', `/api/v1/users/${userId}/factors`, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode } });
      expect([400, 403], `${passCode.slice(0, 20)}: ${res.text}`).toContain(res.status);
    }
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors`, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: 7 } }), 403, 'E0000068');
    expectOktaError(await call('POST', `/api/v1/users/${userId}/factors`, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: { otp: 1 } } }), 400, 'E0000001');
    expect(await factorsOf(userId)).toEqual([]);
    // The refusals used nothing up: the token's next OTP enrolls.
    const enrolled = await call('POST', `/api/v1/users/${userId}/factors`, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: yubikey.otp() } });
    expect(obj(enrolled).status).toBe('ACTIVE');
  });

  test('an unassigned token can be deleted, an assigned one cannot (E0000102); unknown ids are 404', async () => {
    const spare = YubiKeyOtpToken.create();
    const spareId = obj(await call('POST', TOKENS, spare.secrets)).id as string;
    expect((await call('DELETE', `${TOKENS}/${spareId}`)).status).toBe(204);
    expectOktaError(await call('GET', `${TOKENS}/${spareId}`), 404, 'E0000007');
    expectOktaError(await call('DELETE', `${TOKENS}/${spareId}`), 404, 'E0000007');

    const used = YubiKeyOtpToken.create();
    const usedId = obj(await call('POST', TOKENS, used.secrets)).id as string;
    const userId = (await newUser()).id;
    const factor = await call('POST', `/api/v1/users/${userId}/factors`, { factorType: 'token:hardware', provider: 'YUBICO', verify: { passCode: used.otp() } });
    expectOktaError(await call('DELETE', `${TOKENS}/${usedId}`), 403, 'E0000102');
    expect(obj(await call('GET', `${TOKENS}/${usedId}`)).status).toBe('ACTIVE');
    // Unenrolling the factor (the token's deactivate link) frees the token again.
    expect((await call('DELETE', `/api/v1/users/${userId}/factors/${obj(factor).id as string}`)).status).toBe(204);
    expect(obj(await call('GET', `${TOKENS}/${usedId}`)).status).toBe('UNASSIGNED');
  });
});
