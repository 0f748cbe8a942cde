import { randomBytes, randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, TestUser } from '../../../drivers/contract.js';
import { YubiKeyOtpToken, type YubiKeyOtpTamper } from '../../../virtual-authenticators/yubikey/yubikey-otp-token.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectClientError, expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { allowedMethods, enroll, expectFactorsUnchanged, expectPasscodeRefused, factorIds, factorPath, factorsPath, type Factor, linkOf, readFactor } from '../factors.js';
import {
  expectActiveEnrollment, expectBadRequest, expectEnrollRefused, expectNotEnrolled, expectVerified, expectVerifyRefused,
} from '../token-factors.js';
import { useTarget } from '../../support/target.js';

/**
 * token:hardware / YUBICO and the org's YubiKey OTP token API (spec §2.9, §8). Virtual YubiKeys
 * make the OTPs; their secrets are uploaded first (capability `yubikeyUpload`).
 */

useTarget();
checksNeedFactor({ factorType: 'token:hardware', provider: 'YUBICO' });

const TOKENS = '/api/v1/org/factors/yubikey_token/tokens';
const FACTOR_TYPE = 'token:hardware';
const PROVIDER = 'YUBICO';
const SERIAL_DIGITS = 12;
/** Most pages the checks follow before deciding a target's `next` links never end. */
const MAX_PAGES = 200;

interface Token {
  id: string;
  status: string;
  created: string;
  activated?: string;
  profile: { serial: string };
  _links: Factor['_links'];
  _embedded?: { user?: { id: string } };
}

const padded = (serial: string) => serial.padStart(SERIAL_DIGITS, '0');

/** A virtual YubiKey whose secrets are driver secrets from birth. */
function newYubikey(driver: Driver, options: Parameters<typeof YubiKeyOtpToken.create>[0] = {}): YubiKeyOtpToken {
  const yubikey = YubiKeyOtpToken.create(options);
  driver.registerSecret(yubikey.secrets.privateId);
  driver.registerSecret(yubikey.secrets.aesKey);
  return yubikey;
}

/** Uploads the token's seed: 200 and a valid token. */
async function upload(api: ApiClient, yubikey: YubiKeyOtpToken): Promise<Token> {
  const res = await api.post<Token>(TOKENS, yubikey.secrets);
  expectStatus(res, 200);
  expectSchema('okta-factors/yubikey#token', res.body);
  return res.body;
}

async function uploaded(driver: Driver, api: ApiClient, options: Parameters<typeof YubiKeyOtpToken.create>[0] = {}) {
  return given('a YubiKey seed uploaded', async () => {
    const yubikey = newYubikey(driver, options);
    return { yubikey, token: await upload(api, yubikey) };
  }, { by: 'FACTORS.YUBIKEY.TOKEN.UPLOAD' });
}

/** One button press at the target's time; registered as a secret. */
async function press(driver: Driver, yubikey: YubiKeyOtpToken, tamper?: YubiKeyOtpTamper): Promise<string> {
  const otp = yubikey.otp({ at: await driver.now(), ...(tamper ? { tamper } : {}) });
  driver.registerSecret(otp);
  return otp;
}

const enrollBody = (passCode: string) => ({ factorType: FACTOR_TYPE, provider: PROVIDER, verify: { passCode } });

/** An uploaded token, enrolled by a (fresh) user with one OTP. */
async function enrolledYubikey(driver: Driver, api: ApiClient, user?: TestUser) {
  return given('a YubiKey factor enrolled with one OTP', async () => {
    const owner = user ?? (await driver.fixtures.createUser());
    const { yubikey, token } = await uploaded(driver, api);
    const enrollOtp = await press(driver, yubikey);
    const factor = await enroll(api, owner.id, enrollBody(enrollOtp));
    return { user: owner, yubikey, token, factor, enrollOtp };
  }, { by: 'FACTORS.YUBIKEY.ENROLL.ACTIVE' });
}

async function readToken(api: ApiClient, id: string): Promise<Token> {
  const res = await api.get<Token>(`${TOKENS}/${id}`);
  expectStatus(res, 200);
  expectSchema('okta-factors/yubikey#token', res.body);
  expect(res.body.id).toBe(id);
  return res.body;
}

/** The `rel="next"` target of a Link header, if any. */
function nextLink(res: ApiResponse): string | undefined {
  for (const part of (res.headers.link ?? '').split(/,\s*(?=<)/)) {
    const match = /^<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match && /\brel="?next"?/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

/** Every page of a list query, following `next` links; each page valid. */
async function listPages(api: ApiClient, query: Record<string, string> = {}): Promise<Token[][]> {
  const pages: Token[][] = [];
  let res = await api.get<Token[]>(TOKENS, { query });
  for (;;) {
    expectStatus(res, 200);
    expect(Array.isArray(res.body), 'the token list is an array').toBe(true);
    for (const token of res.body) expectSchema('okta-factors/yubikey#token', token);
    pages.push(res.body);
    const next = nextLink(res);
    if (!next || res.body.length === 0) return pages;
    expect(pages.length, 'the list ends within a bounded number of pages').toBeLessThan(MAX_PAGES);
    res = await api.get<Token[]>(next);
  }
}

const listAll = async (api: ApiClient, query: Record<string, string> = {}) => (await listPages(api, { limit: '200', ...query })).flat();

/** Tokens with that serial, found by reading the whole list (not by a filter, which another check proves). */
async function tokensWithSerial(api: ApiClient, serial: string): Promise<Token[]> {
  return (await listAll(api)).filter((t) => t.profile.serial.replace(/^0+/, '') === serial.replace(/^0+/, ''));
}

const verifyPath = (userId: string, factorId: string) => `${factorPath(userId, factorId)}/verify`;

// ---- The token API ----------------------------------------------------------------------------

check('FACTORS.YUBIKEY.TOKEN.UPLOAD', 'an upload answers the token UNASSIGNED, serial zero-padded to 12 digits, no secrets', async ({ driver, api }) => {
  const yubikey = newYubikey(driver, { serialNumber: String(randomInt(1_000_000, 10_000_000)) });
  const res = await api.post<Token>(TOKENS, yubikey.secrets);
  expectStatus(res, 200);
  expectSchema('okta-factors/yubikey#token', res.body);
  for (const secret of [yubikey.secrets.aesKey, yubikey.secrets.privateId]) {
    expect(res.text.toLowerCase().includes(secret.toLowerCase()), 'an uploaded secret came back').toBe(false);
  }
  const token = res.body;
  expect(token.status).toBe('UNASSIGNED');
  expect(token.profile.serial).toBe(padded(yubikey.secrets.serialNumber));
  const self = linkOf(token, 'self');
  expect(self.href).toMatch(new RegExp(`/api/v1/org/factors/yubikey_token/tokens/${token.id}$`));
  expect(allowedMethods(self) ?? ['GET', 'DELETE']).toEqual(expect.arrayContaining(['GET', 'DELETE']));

  const stored = await readToken(api, token.id);
  expect(stored).toMatchObject({ id: token.id, status: 'UNASSIGNED', profile: { serial: padded(yubikey.secrets.serialNumber) } });
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.TOKEN.UPLOAD_INVALID', 'an upload with a missing or malformed field is refused (any 4xx) and stores nothing', async ({ driver, api }) => {
  const good = newYubikey(driver).secrets;
  const hex = (bytes: number) => randomBytes(bytes).toString('hex');
  const bodies: [string, Record<string, string>][] = [
    ['no aesKey', { serialNumber: good.serialNumber, publicId: good.publicId, privateId: good.privateId }],
    ['no serialNumber', { publicId: good.publicId, privateId: good.privateId, aesKey: good.aesKey }],
    ['a non-hex aesKey', { ...good, aesKey: 'zz'.repeat(16) }],
    ['a short aesKey', { ...good, aesKey: hex(15) }],
    ['a non-hex privateId', { ...good, privateId: 'xyzxyzxyzxyz' }],
    ['a non-modhex publicId', { ...good, publicId: 'abcdefabcdef' }],
  ];
  for (const [what, body] of bodies) {
    const serial = String(randomInt(10_000_000, 100_000_000));
    // [S] lists 400, 403, 404 and 429 for the upload and no code for a bad field: any 4xx error object.
    expectClientError(await api.post(TOKENS, { ...body, ...(body.serialNumber ? { serialNumber: serial } : {}) }));
    if (body.serialNumber) expect(await tokensWithSerial(api, serial), `${what}: nothing stored`).toEqual([]);
  }
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.TOKEN.UPLOAD_DUPLICATE', 'a second upload with the same serial is refused (any 4xx)', async ({ driver, api }) => {
  const { yubikey, token } = await uploaded(driver, api);
  const other = newYubikey(driver, { serialNumber: yubikey.secrets.serialNumber });
  expectClientError(await api.post(TOKENS, other.secrets));
  expect((await tokensWithSerial(api, yubikey.secrets.serialNumber)).map((t) => t.id)).toEqual([token.id]);
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.TOKEN.GET_UNKNOWN', 'an unknown token id is answered 404 E0000007', async ({ api }) => {
  expectOktaError(await api.get(`${TOKENS}/ykk00000000000000000`), 404, 'E0000007');
});

check('FACTORS.YUBIKEY.TOKEN.LIST_FILTER', 'the list honours filters on profile.serial, status and user.id', async ({ driver, api }) => {
  const { user, token: assigned } = await enrolledYubikey(driver, api);
  const { yubikey: spare, token: unassigned } = await uploaded(driver, api);

  const bySerial = await listAll(api, { filter: `profile.serial eq "${padded(spare.secrets.serialNumber)}"` });
  expect(bySerial.map((t) => t.id)).toEqual([unassigned.id]);

  const active = await listAll(api, { filter: 'status eq "ACTIVE"' });
  expect(active.every((t) => t.status === 'ACTIVE'), 'every token listed is ACTIVE').toBe(true);
  expect(active.map((t) => t.id)).toContain(assigned.id);
  expect(active.map((t) => t.id)).not.toContain(unassigned.id);

  const free = await listAll(api, { filter: 'status eq "UNASSIGNED"' });
  expect(free.every((t) => t.status === 'UNASSIGNED'), 'every token listed is UNASSIGNED').toBe(true);
  expect(free.map((t) => t.id)).toContain(unassigned.id);
  expect(free.map((t) => t.id)).not.toContain(assigned.id);

  expect((await listAll(api, { filter: `user.id eq "${user.id}"` })).map((t) => t.id)).toEqual([assigned.id]);
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.TOKEN.LIST_BAD_FILTER', 'a filter on a field tokens cannot be filtered on is refused with a 400', async ({ api }) => {
  expectBadRequest(await api.get(TOKENS, { query: { filter: 'profile.nickname eq "x"' } }));
  expectBadRequest(await api.get(TOKENS, { query: { filter: 'status eq' } }));
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.TOKEN.LIST_PAGINATION', 'limit and the next link walk through every token once; the default page is 20', async ({ driver, api }) => {
  const mine = [];
  for (let i = 0; i < 3; i++) mine.push((await uploaded(driver, api)).token.id);
  const pages = await listPages(api, { limit: '2' });
  expect(pages[0], 'a first page of 2 (there are at least 3 tokens)').toHaveLength(2);
  for (const page of pages) expect(page.length).toBeLessThanOrEqual(2);
  const ids = pages.flat().map((t) => t.id);
  expect(new Set(ids).size, 'no token on two pages').toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining(mine));

  // The default limit: with more than 20 tokens the first page holds 20 and links to the next.
  for (let count = ids.length; count <= 20; count++) await uploaded(driver, api);
  const first = await api.get<Token[]>(TOKENS);
  expectStatus(first, 200);
  expect(first.body).toHaveLength(20);
  expect(nextLink(first), 'a next link after a full default page').toBeDefined();
}, { needs: ['yubikeyUpload'], exclusive: "it walks the org's whole token list, which another check's upload would shift under it" });

check('FACTORS.YUBIKEY.TOKEN.LIST_SORT', 'the list honours sortBy=profile.serial with sortOrder ASC and DESC', async ({ driver, api }) => {
  for (let i = 0; i < 3; i++) await uploaded(driver, api);
  const serials = async (sortOrder: string) => (await listAll(api, { sortBy: 'profile.serial', sortOrder })).map((t) => t.profile.serial);
  const ascending = await serials('ASC');
  expect(ascending, 'ASC').toEqual([...ascending].sort());
  const descending = await serials('DESC');
  expect(descending, 'DESC').toEqual([...descending].sort().reverse());
}, { needs: ['yubikeyUpload'], exclusive: "it reads the org's whole token list in order, which another check's upload would change under it" });

check('FACTORS.YUBIKEY.TOKEN.LIST_EXPAND_USER', 'with expand=user an assigned token embeds its user', async ({ driver, api }) => {
  const { user, token } = await enrolledYubikey(driver, api);
  const listed = (await listAll(api, { expand: 'user' })).find((t) => t.id === token.id);
  expect(listed, 'the assigned token is listed').toBeDefined();
  expect(listed?._embedded?.user?.id, 'the embedded user').toBe(user.id);
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.TOKEN.LIST_CSV', 'forDownload=true answers CSV with the serials and without the secrets', async ({ driver, api }) => {
  const { yubikey } = await uploaded(driver, api);
  const res = await api.get(TOKENS, {
    query: { forDownload: true, filter: `profile.serial eq "${padded(yubikey.secrets.serialNumber)}"` },
    headers: { accept: 'text/csv, application/json' },
  });
  expectStatus(res, 200);
  expect(res.headers['content-type'] ?? '').toMatch(/csv/i);
  expect(res.text).toContain(padded(yubikey.secrets.serialNumber));
  for (const secret of [yubikey.secrets.aesKey, yubikey.secrets.privateId]) {
    expect(res.text.toLowerCase().includes(secret.toLowerCase()), 'a token secret is in the download').toBe(false);
  }
}, { needs: ['yubikeyUpload'] });

// ---- The factor -------------------------------------------------------------------------------

check('FACTORS.YUBIKEY.ENROLL.ACTIVE', 'enroll with one OTP answers the factor ACTIVE with the serial as credentialId', async ({ driver, api }) => {
  const { user, yubikey, factor } = await enrolledYubikey(driver, api);
  const expected = { factorType: FACTOR_TYPE, provider: PROVIDER, profile: { credentialId: padded(yubikey.secrets.serialNumber) } };
  await expectActiveEnrollment(api, user.id, factor, expected);
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.ENROLL.TOKEN_ASSIGNED', 'once enrolled the token is ACTIVE, linking to its user and to the factor to deactivate', async ({ driver, api }) => {
  const { user, token, factor } = await enrolledYubikey(driver, api);
  const assigned = await readToken(api, token.id);
  expect(assigned.status).toBe('ACTIVE');
  expect(linkOf(assigned, 'user').href).toMatch(new RegExp(`/api/v1/users/${user.id}$`));
  const deactivate = linkOf(assigned, 'deactivate');
  expect(deactivate.href).toMatch(new RegExp(`/api/v1/users/${user.id}/factors/${factor.id}$`));
  expect(allowedMethods(deactivate) ?? ['DELETE']).toContain('DELETE');
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.ENROLL.BAD_OTP', 'enroll with a broken-CRC OTP or an OTP of a token never uploaded is refused', async ({ driver, api }) => {
  const user = await driver.fixtures.createUser();
  const { yubikey, token } = await uploaded(driver, api);
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(await press(driver, yubikey, 'bad-crc'))));
  const stranger = newYubikey(driver);
  expectEnrollRefused(await api.post(factorsPath(user.id), enrollBody(await press(driver, stranger))));
  await expectNotEnrolled(api, user.id, FACTOR_TYPE);
  expect((await readToken(api, token.id)).status).toBe('UNASSIGNED');
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.VERIFY.GOOD_OTP', 'verify with the next OTP, and one after a replug, answers SUCCESS', async ({ driver, api }) => {
  const { user, yubikey, factor } = await enrolledYubikey(driver, api);
  await expectVerified(api, user.id, factor.id, { passCode: await press(driver, yubikey) });
  yubikey.replug();
  await expectVerified(api, user.id, factor.id, { passCode: await press(driver, yubikey) });
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.VERIFY.REPLAY', 'an OTP already accepted, at enrollment or verification, is refused', async ({ driver, api }) => {
  const { user, yubikey, factor, enrollOtp } = await enrolledYubikey(driver, api);
  const refusedCodes = ['E0000068', 'E0000082'];
  expectPasscodeRefused(await api.post(verifyPath(user.id, factor.id), { passCode: enrollOtp }), refusedCodes, ['PASSCODE_REPLAYED']);
  const otp = await press(driver, yubikey);
  await expectVerified(api, user.id, factor.id, { passCode: otp });
  expectPasscodeRefused(await api.post(verifyPath(user.id, factor.id), { passCode: otp }), refusedCodes, ['PASSCODE_REPLAYED']);
  expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.VERIFY.OLD_COUNTER', 'an OTP with a usage counter below the last accepted one is refused', async ({ driver, api }) => {
  const { user, yubikey, factor } = await enrolledYubikey(driver, api);
  yubikey.replug();
  await expectVerified(api, user.id, factor.id, { passCode: await press(driver, yubikey) });
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await press(driver, yubikey, 'old-counter') });
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.VERIFY.BAD_CRC', 'an OTP with a broken CRC is refused', async ({ driver, api }) => {
  const { user, yubikey, factor } = await enrolledYubikey(driver, api);
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await press(driver, yubikey, 'bad-crc') });
  await expectVerified(api, user.id, factor.id, { passCode: await press(driver, yubikey) });
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.VERIFY.OTHER_TOKEN', "an OTP of another uploaded token is refused: a factor takes only its own token's", async ({ driver, api }) => {
  const { user, factor } = await enrolledYubikey(driver, api);
  const { yubikey: other } = await uploaded(driver, api);
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await press(driver, other) });
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.VERIFY.PRIVATE_ID', "an OTP that decrypts with the token's key but holds another private id is refused", async ({ driver, api }) => {
  const { user, yubikey, factor } = await enrolledYubikey(driver, api);
  // The same public id and AES key, another private id, and counters well ahead of the real token's.
  const impostor = newYubikey(driver, {
    publicId: yubikey.publicId,
    aesKey: yubikey.secrets.aesKey,
    serialNumber: yubikey.secrets.serialNumber,
    usageCounter: yubikey.usageCounter + 5,
  });
  await expectVerifyRefused(api, user.id, factor.id, { passCode: await press(driver, impostor) });
  await expectVerified(api, user.id, factor.id, { passCode: await press(driver, yubikey) });
}, { needs: ['yubikeyUpload'] });

check('FACTORS.YUBIKEY.ENROLL.OTHER_USER', "a YubiKey active for one user cannot be enrolled by another; it stays the first user's", async ({ driver, api }) => {
  const { user, yubikey, token, factor } = await enrolledYubikey(driver, api);
  const other = await driver.fixtures.createUser();
  const before = await factorIds(api, other.id);
  expectClientError(await api.post(factorsPath(other.id), enrollBody(await press(driver, yubikey))));
  await expectFactorsUnchanged(api, other.id, before);
  const assigned = await readToken(api, token.id);
  expectState('token status', assigned.status, 'ACTIVE');
  expect(linkOf(assigned, 'user').href).toMatch(new RegExp(`/api/v1/users/${user.id}$`));
  expectState("the first user's factor", (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
}, { needs: ['yubikeyUpload'] });

