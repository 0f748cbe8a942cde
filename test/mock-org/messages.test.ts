import { describe, expect, test } from 'vitest';
import { expectOktaError, useMockOrg } from './helpers.js';

/**
 * Bad input to the sms, call and email endpoints of the mock org: the API's own error shape and
 * status, never a 500, and nothing changes: no factor, no message sent, no throttle or
 * activation attempt used up.
 */

const { call, newUser } = useMockOrg({ userPrefix: 'messages' });

/** A number of its own for each enrollment, so that no two tests share a phone's throttle. */
let phoneCounter = 0;
const phone = () => `+15550${String(phoneCounter++).padStart(6, '0')}`;

const factors = (userId: string) => `/api/v1/users/${userId}/factors`;
const listed = async (userId: string) => (await call('GET', factors(userId))).json as unknown as Record<string, unknown>[];
const outbox = async (userId: string) =>
  ((await call('GET', `/__control/v1/outbox?userId=${userId}`)).json?.messages ?? []) as { passCode: string; to: string; factorId: string }[];

describe('enroll', () => {
  const refused: [string, unknown, string, number, string | string[]][] = [
    ['sms: phoneNumber an object', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: { n: 1 } } }, '', 400, 'E0000001'],
    ['sms: phoneNumber an array', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: ['+15551234567'] } }, '', 400, 'E0000001'],
    ['sms: phoneNumber a boolean', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: false } }, '', 400, 'E0000001'],
    ['sms: phoneNumber of 10,000 digits', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+1' + '5'.repeat(10_000) } }, '', 400, 'E0000001'],
    ['sms: phoneNumber text', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: 'DROP TABLE' } }, '', 400, 'E0000001'],
    ['sms: phoneNumber blank', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '   ' } }, '', 400, 'E0000001'],
    ['sms: no phone to reuse', { factorType: 'sms', provider: 'OKTA' }, '', 400, 'E0000001'],
    ['sms: ?activate=maybe', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15551230000' } }, '?activate=maybe', 400, 'E0000001'],
    ['sms: ?updatePhone=1', { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: '+15551230000' } }, '?updatePhone=1', 400, 'E0000001'],
    ['call: extension with letters', { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+15551230001', phoneExtension: '12a' } }, '', 400, 'E0000121'],
    ['call: extension of 16 digits', { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+15551230001', phoneExtension: '1'.repeat(16) } }, '', 400, 'E0000001'],
    ['call: extension an object', { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: '+15551230001', phoneExtension: {} } }, '', 400, 'E0000001'],
    ['call: no profile', { factorType: 'call', provider: 'OKTA' }, '', 400, 'E0000001'],
    ['email: email a number', { factorType: 'email', provider: 'OKTA', profile: { email: 12 } }, '', 400, 'E0000001'],
    ['email: email an object', { factorType: 'email', provider: 'OKTA', profile: { email: {} } }, '', 400, 'E0000001'],
    ['email: profile an array', { factorType: 'email', provider: 'OKTA', profile: [] }, '', 400, 'E0000001'],
  ];

  test.each(refused)('%s → 400, nothing enrolled or sent', async (_what, body, query, status, code) => {
    const user = await newUser();
    expectOktaError(await call('POST', factors(user.id) + query, body), status, code);
    expect(await listed(user.id)).toEqual([]);
    expect(await outbox(user.id)).toEqual([]);
  });

  test.each(['0', '86401', '-1', '1.5', '1e3', 'abc', '9'.repeat(40)])('email: tokenLifetimeSeconds=%s → 400, and the address is not throttled by the refusal', async (value) => {
    const user = await newUser();
    const body = { factorType: 'email', provider: 'OKTA', profile: { email: user.email } };
    expectOktaError(await call('POST', `${factors(user.id)}?tokenLifetimeSeconds=${value}`, body), 400, 'E0000001');
    expect(await listed(user.id)).toEqual([]);
    const ok = await call('POST', factors(user.id), body);
    expect(ok.status).toBe(200);
    expect(await outbox(user.id)).toHaveLength(1);
  });

  test('a refused sms enrollment does not use up the phone\'s throttle', async () => {
    const user = await newUser();
    const number = phone();
    const body = { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: number } };
    expectOktaError(await call('POST', `${factors(user.id)}?updatePhone=maybe`, body), 400, 'E0000001');
    expect((await call('POST', factors(user.id), body)).status).toBe(200);
  });

  test("the user's secondary address can be enrolled as well; another address cannot", async () => {
    const secondEmail = `second-${Math.random().toString(36).slice(2)}@example.com`;
    const { id: userId } = await newUser({ secondEmail });
    const other = await call('POST', factors(userId), { factorType: 'email', provider: 'OKTA', profile: { email: `x${secondEmail}` } });
    expectOktaError(other, 400, 'E0000001');
    const res = await call('POST', factors(userId), { factorType: 'email', provider: 'OKTA', profile: { email: secondEmail.toUpperCase() } });
    expect(res.status).toBe(200);
    expect((await outbox(userId)).map((m) => m.to.toLowerCase())).toEqual([secondEmail]);
  });

  test('a throttled re-enrollment (429) keeps the pending factor and its code', async () => {
    const user = await newUser();
    const body = { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } };
    const first = await call('POST', factors(user.id), body);
    expect(first.status).toBe(200);
    const again = await call('POST', factors(user.id), body);
    expectOktaError(again, 429, 'E0000109');
    expect(again.headers.get('x-rate-limit-limit')).toBe('1');
    expect(again.headers.get('x-rate-limit-remaining')).toBe('0');
    const factorsNow = await listed(user.id);
    expect(factorsNow.map((f) => f.id)).toEqual([first.json?.id]);
    const [message] = await outbox(user.id);
    const activated = await call('POST', `${factors(user.id)}/${first.json?.id as string}/lifecycle/activate`, { passCode: message?.passCode });
    expect(activated.status).toBe(200);
  });

  test('a different number while an sms factor is pending needs updatePhone', async () => {
    const user = await newUser();
    const first = await call('POST', factors(user.id), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } });
    const other = await call('POST', factors(user.id), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } });
    expectOktaError(other, 400, 'E0000001');
    expect((await listed(user.id)).map((f) => f.id)).toEqual([first.json?.id]);
  });
});

describe('activate, verify, resend, unenroll', () => {
  async function pendingSms() {
    const user = await newUser();
    const res = await call('POST', factors(user.id), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber: phone() } });
    const factorId = res.json?.id as string;
    return { user, factorId, path: `${factors(user.id)}/${factorId}` };
  }

  test('wrong JSON types for passCode are a 400 that uses up no activation attempt', async () => {
    const { user, path } = await pendingSms();
    for (const body of [{ passCode: { a: 1 } }, { passCode: [1] }, { passCode: true }, { passCode: '9'.repeat(100) }]) {
      expectOktaError(await call('POST', `${path}/lifecycle/activate`, body), 400, 'E0000001');
    }
    for (const raw of ['[]', '{bad', '"123456"']) expectOktaError(await call('POST', `${path}/lifecycle/activate`, raw), 400, 'E0000003');
    // Still five attempts left: four wrong codes and then the right one.
    const [message] = await outbox(user.id);
    for (let i = 0; i < 4; i++) expectOktaError(await call('POST', `${path}/lifecycle/activate`, { passCode: 'x' }), 403, 'E0000068');
    const res = await call('POST', `${path}/lifecycle/activate`, { passCode: message?.passCode });
    expect(res.status).toBe(200);
    expect(res.json?.status).toBe('ACTIVE');
  });

  test('resend with a body of the wrong shape is refused and sends nothing', async () => {
    const { user, path } = await pendingSms();
    await call('POST', '/__control/v1/clock', { advanceMs: 31_000 });
    for (const body of [{ factorType: {} }, { factorType: 'call' }, { provider: 'GOOGLE' }, { profile: 'x' }]) {
      expectOktaError(await call('POST', `${path}/resend`, body), 400, 'E0000001');
    }
    expectOktaError(await call('POST', `${path}/resend`, '[1]'), 400, 'E0000003');
    expect(await outbox(user.id)).toHaveLength(1);
    // The throttle is untouched: a proper resend goes out.
    expect((await call('POST', `${path}/resend`, { factorType: 'sms', provider: 'OKTA' })).status).toBe(200);
    expect(await outbox(user.id)).toHaveLength(2);
  });

  test('resend of an active factor, or of a factor that sends nothing, is a 400', async () => {
    const user = await newUser();
    const active = await call('POST', `${factors(user.id)}?activate=true`, { factorType: 'email', provider: 'OKTA', profile: { email: user.email } });
    expectOktaError(await call('POST', `${factors(user.id)}/${active.json?.id as string}/resend`, {}), 400, 'E0000001');
    const totp = await call('POST', factors(user.id), { factorType: 'token:software:totp', provider: 'GOOGLE' });
    expectOktaError(await call('POST', `${factors(user.id)}/${totp.json?.id as string}/resend`, {}), 400, 'E0000001');
    expect(await outbox(user.id)).toEqual([]);
  });

  test('verify: a mistyped or overlong passCode is a 400; a challenge with a bad tokenLifetimeSeconds sends nothing', async () => {
    const user = await newUser();
    const active = await call('POST', `${factors(user.id)}?activate=true`, { factorType: 'email', provider: 'OKTA', profile: { email: user.email } });
    const verify = `${factors(user.id)}/${active.json?.id as string}/verify`;
    for (const body of [{ passCode: {} }, { passCode: [] }, { passCode: 'x'.repeat(65) }]) expectOktaError(await call('POST', verify, body), 400, 'E0000001');
    for (const value of ['0', 'x', '86401']) expectOktaError(await call('POST', `${verify}?tokenLifetimeSeconds=${value}`), 400, 'E0000001');
    expect(await outbox(user.id)).toEqual([]);
    const challenge = await call('POST', verify);
    expect(challenge.json?.factorResult).toBe('CHALLENGE');
    expect(await outbox(user.id)).toHaveLength(1);
  });

  test('a verify with no challenge outstanding is refused with E0000068', async () => {
    const user = await newUser();
    const active = await call('POST', `${factors(user.id)}?activate=true`, { factorType: 'call', provider: 'OKTA', profile: { phoneNumber: phone() } });
    expectOktaError(await call('POST', `${factors(user.id)}/${active.json?.id as string}/verify`, { passCode: '000000' }), 403, 'E0000068');
  });

  test('unenroll with removeRecoveryEnrollment that is not a boolean is a 400 and deletes nothing', async () => {
    const { user, path } = await pendingSms();
    for (const value of ['yes', '1', '']) {
      expectOktaError(await call('DELETE', `${path}?removeRecoveryEnrollment=${value}`), 400, 'E0000001');
    }
    expect(await listed(user.id)).toHaveLength(1);
    expect((await call('DELETE', `${path}?removeRecoveryEnrollment=false`)).status).toBe(204);
    expect(await listed(user.id)).toEqual([]);
  });
});
