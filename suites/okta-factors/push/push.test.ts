import { describe, expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, DriverWith, TestUser } from '../../../drivers/contract.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectClientError, expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import {
  allowedMethods,
  enroll,
  expectFactorGone,
  expectNotActiveRefused,
  factorPath,
  type Factor,
  type Link,
  linkOf,
  listFactors,
  readFactor,
} from '../factors.js';
import { useTarget } from '../../support/target.js';
import { activeTotp } from '../totp/totp.js';

/**
 * push / OKTA (Okta Verify): enrollment, the asynchronous activation a device completes, challenge
 * transactions and their polling, cancel, timeouts and unenrollment (spec §2.6, §3, §4, §7, §10–§11).
 * Every URL after enrollment comes from a published link; lifetimes come from `expiresAt`, never
 * from an assumed number; time moves only through the driver's clock.
 */

useTarget();
checksNeedFactor({ factorType: 'push', provider: 'OKTA' });

const PUSH = { factorType: 'push', provider: 'OKTA' } as const;
/** How far past an expiresAt the clock goes, so that the target's clock granularity cannot matter. */
const PAST_EXPIRY_MS = 1_000;
/** A poll this close to the expiry must still see WAITING. */
const BEFORE_EXPIRY_MS = 5_000;
/** Activations and challenges last "minutes" ([F]); a sanity bound before moving the clock that far. */
const MAX_LIFETIME_MS = 24 * 3600_000;
/** Where the activation SMS goes (a 555 number). */
const PHONE = '+12065550123';
const DEVICE_FIELDS = ['credentialId', 'deviceType', 'name', 'platform', 'version'] as const;

type Links = Record<string, Link | Link[]>;

/** The Push Factor Activation object as the checks read it. */
interface Activation {
  expiresAt?: string;
  factorResult: string;
  _links?: Links;
}

/** A verify result / transaction poll as the checks read it. */
interface VerifyResult {
  factorResult: string;
  expiresAt?: string;
  profile?: Record<string, unknown>;
  _links?: Links;
  _embedded?: { challenge?: { correctAnswer?: unknown } };
}

/** Milliseconds from the target's now to `expiresAt`, which must be a date ahead, minutes rather than days away. */
async function msUntil(driver: Driver, expiresAt: string | undefined, what: string): Promise<number> {
  const at = Date.parse(expiresAt ?? '');
  expect(Number.isNaN(at), `${what} has an expiresAt date-time (${expiresAt})`).toBe(false);
  const ms = at - (await driver.now());
  expect(ms, `${what} expires ahead of the target's clock`).toBeGreaterThan(0);
  expect(ms, `${what} expires within ${MAX_LIFETIME_MS} ms`).toBeLessThanOrEqual(MAX_LIFETIME_MS);
  return ms;
}

/** Moves the clock to BEFORE_EXPIRY_MS short of an expiry `ms` away (when that is ahead); returns what is left. */
async function advanceToJustBefore(driver: DriverWith<'clock'>, ms: number): Promise<number> {
  if (ms <= BEFORE_EXPIRY_MS) return ms;
  await driver.clock.advance(ms - BEFORE_EXPIRY_MS);
  return BEFORE_EXPIRY_MS;
}

/** Enrolls push for a fresh user (or `owner`). */
async function enrolledPush(driver: Driver, api: ApiClient, owner?: TestUser) {
  return given('a pending push factor', async () => {
    const user = owner ?? (await driver.fixtures.createUser());
    const factor = await enroll(api, user.id, PUSH);
    return { user, factor, activation: factor._embedded?.activation as Activation | undefined };
  }, { by: 'FACTORS.PUSH.ENROLL.PENDING' });
}

/** POST the factor's `poll` link: 200, with the activation object or (once activated) the factor. */
async function pollActivation(api: ApiClient, factor: Factor): Promise<ApiResponse<Activation & Factor>> {
  const res = await api.post<Activation & Factor>(linkOf(factor, 'poll').href);
  expectStatus(res, 200);
  return res;
}

function expectActivation(res: ApiResponse<Activation>, factorResult: string): void {
  expectSchema('okta-factors/push#activation', res.body);
  expect(res.body.factorResult, 'activation factorResult').toBe(factorResult);
}

/** Enrolls push and has the device complete the activation; returns the ACTIVE factor. */
async function activatedPush(driver: DriverWith<'push'>, api: ApiClient, owner?: TestUser) {
  const { user, factor } = await enrolledPush(driver, api, owner);
  return given('the push factor activated by the device', async () => {
    await driver.push.respond(user.id, factor.id, 'approve');
    const res = await pollActivation(api, factor);
    expectSchema('okta-factors/factor', res.body);
    expectState('factor status after the device approved the activation', res.body.status, 'ACTIVE');
    return { user, factor: res.body as Factor };
  }, { by: 'FACTORS.PUSH.ACTIVATE.APPROVE' });
}

/** Follows the factor's `verify` link: a WAITING challenge, 201 per [S] (200 accepted: [F] gives no status). */
async function challenge(api: ApiClient, factor: Factor, body?: Record<string, unknown>): Promise<VerifyResult> {
  const res = await api.post<VerifyResult>(linkOf(factor, 'verify').href, body);
  expectStatus(res, [200, 201]);
  expectSchema('okta-factors/factor-verify-result', res.body);
  expect(res.body.factorResult, 'a push challenge starts WAITING').toBe('WAITING');
  return res.body;
}

/** GET the challenge's `poll` link: 200 and a verify result. */
async function pollTransaction(api: ApiClient, started: VerifyResult): Promise<VerifyResult> {
  const res = await api.get<VerifyResult>(linkOf(started, 'poll').href);
  expectStatus(res, 200);
  expectSchema('okta-factors/factor-verify-result', res.body);
  return res.body;
}

/** A cancelled transaction: refused (any 4xx error object: the docs say nothing of it, spec §11), or a result that is neither SUCCESS nor WAITING. */
async function expectCancelled(api: ApiClient, started: VerifyResult, when: string): Promise<void> {
  const res = await api.get<VerifyResult>(linkOf(started, 'poll').href);
  if (res.status !== 200) {
    expectClientError(res);
    return;
  }
  expectStatus(res, 200);
  expectSchema('okta-factors/factor-verify-result', res.body);
  expect(['SUCCESS', 'WAITING'], `${when}, the transaction polls ${res.body.factorResult}`).not.toContain(res.body.factorResult);
}

const RESPONDER = { needs: ['push' as const] };
const CLOCK = { needs: ['clock' as const] };
const CLOCK_AND_RESPONDER = { needs: ['clock' as const, 'push' as const] };

describe('push / OKTA: enrollment and activation', () => {
  check('FACTORS.PUSH.ENROLL.PENDING', 'enroll returns a pending factor with the push activation object', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    expect(factor).toMatchObject({ factorType: 'push', provider: 'OKTA', status: 'PENDING_ACTIVATION' });
    expect(activation, 'the enroll response embeds the push activation').toBeDefined();
    expectSchema('okta-factors/push#activation', activation);
    expect(activation?.factorResult).toBe('WAITING');
    await msUntil(driver, activation?.expiresAt, 'the activation');
    for (const channel of ['email', 'sms']) {
      const send = linkOf(activation as Activation, 'send', channel);
      expect(send.name, `a send link named ${channel}`).toBe(channel);
      expect(send.href).toMatch(new RegExp(`/lifecycle/activate/${channel}$`));
    }
    expect(linkOf(activation as Activation, 'qrcode').type).toBe('image/png');

    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
    expect((await listFactors(api, user.id)).map((f) => f.id)).toContain(factor.id);
  });

  check('FACTORS.PUSH.ACTIVATE.QRCODE', "GET of the activation's qrcode link answers an image/png", async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    const qrcode = await given('the activation publishes a qrcode link', () => linkOf(activation as Activation, 'qrcode'), { by: 'FACTORS.PUSH.ENROLL.PENDING' });
    const res = await api.get(qrcode.href, { headers: { accept: 'image/png, image/*' } });
    expectStatus(res, 200);
    expect(res.headers['content-type'] ?? '', 'Content-Type of the qrcode link').toMatch(/^image\/png\b/i);
    // A PNG starts with 0x89 "PNG" CR LF; the text view shows the byte 0x89 as one replacement character.
    expect(res.text.slice(1, 4), 'the body is a PNG').toBe('PNG');
    // The opaque part is what makes the link: altered, it is no QR code of this activation.
    const altered = qrcode.href.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    expectClientError(await api.get(altered, { headers: { accept: 'image/png, image/*' } }));
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
  });

  check('FACTORS.PUSH.ENROLL.LINKS', 'a pending push factor offers poll, not verify, and cannot be verified', async ({ driver, api }) => {
    const { user, factor } = await enrolledPush(driver, api);
    for (const seen of [factor, await readFactor(api, user.id, factor.id)]) {
      const poll = linkOf(seen, 'poll');
      expect(poll.href).toMatch(/\/lifecycle\/activate\/poll$/);
      expect(allowedMethods(poll) ?? ['POST']).toContain('POST');
      expect(linkOf(seen, 'self').href).toMatch(new RegExp(`/factors/${factor.id}$`));
      linkOf(seen, 'user');
      expect(seen._links?.verify, 'no verify link while pending').toBeUndefined();
    }
    // No link leads there; the documented verify URL must refuse (the code is undocumented, spec §11; the catalog has 410 E0000154 and 423 E0000180).
    expectNotActiveRefused(await api.post(`${factorPath(user.id, factor.id)}/verify`));
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
  });

  check('FACTORS.PUSH.ACTIVATE.WAITING', 'polling before the device answers says WAITING and the factor stays pending', async ({ driver, api }) => {
    const { user, factor } = await enrolledPush(driver, api);
    const first = await pollActivation(api, factor);
    expectActivation(first, 'WAITING');
    await msUntil(driver, first.body.expiresAt, 'the activation');
    // Poll again the way the answer says ([F] points it at …/lifecycle/activate: spec §10.5) …
    if (first.body._links?.poll) {
      const again = await api.post<Activation>(linkOf(first.body, 'poll').href);
      expectStatus(again, 200);
      expectActivation(again, 'WAITING');
    }
    // … and through the factor's `activate` link, where it publishes one.
    const stored = await readFactor(api, user.id, factor.id);
    if (stored._links?.activate) {
      const viaActivate = await api.post<Activation>(linkOf(stored, 'activate').href);
      expectStatus(viaActivate, 200);
      expectActivation(viaActivate, 'WAITING');
    }
    const after = await readFactor(api, user.id, factor.id);
    expect(after.status).toBe('PENDING_ACTIVATION');
    expect(after._links?.verify, 'no verify link while pending').toBeUndefined();
  });

  check('FACTORS.PUSH.ACTIVATE.APPROVE', 'once the device completes the activation, the poll returns the ACTIVE factor with its device', async ({ driver, api }) => {
    const { user, factor } = await enrolledPush(driver, api);
    await driver.push.respond(user.id, factor.id, 'approve');
    const res = await pollActivation(api, factor);
    expectSchema('okta-factors/factor', res.body);
    expect(res.body).toMatchObject({ id: factor.id, factorType: 'push', provider: 'OKTA', status: 'ACTIVE' });
    const profile = res.body.profile ?? {};
    for (const field of DEVICE_FIELDS) {
      const value = profile[field];
      expect(typeof value === 'string' && value.length > 0, `profile.${field} describes the device (${String(value)})`).toBe(true);
    }
    expect(linkOf(res.body, 'verify').href).toMatch(/\/verify$/);
    expect(allowedMethods(linkOf(res.body, 'self')) ?? ['DELETE']).toContain('DELETE');

    const stored = await readFactor(api, user.id, factor.id);
    expect(stored.status).toBe('ACTIVE');
    expect(stored.profile?.credentialId).toBe(profile.credentialId);
    linkOf(stored, 'verify');
    expect((await listFactors(api, user.id)).find((f) => f.id === factor.id)?.status).toBe('ACTIVE');
  }, RESPONDER);

  check('FACTORS.PUSH.ACTIVATE.TIMEOUT', 'an activation polls WAITING until its expiresAt and TIMEOUT after it', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    const left = await advanceToJustBefore(driver, await msUntil(driver, activation?.expiresAt, 'the activation'));
    expectActivation(await pollActivation(api, factor), 'WAITING');
    await driver.clock.advance(left + PAST_EXPIRY_MS);
    const res = await pollActivation(api, factor);
    expectActivation(res, 'TIMEOUT');
    const activate = linkOf(res.body, 'activate');
    expect(allowedMethods(activate) ?? ['POST']).toContain('POST');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
  }, CLOCK);

  check('FACTORS.PUSH.ACTIVATE.TIMEOUT', 'a device answering after the activation expired does not activate the factor', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    await driver.clock.advance((await msUntil(driver, activation?.expiresAt, 'the activation')) + PAST_EXPIRY_MS);
    await driver.push.respond(user.id, factor.id, 'approve');
    expectActivation(await pollActivation(api, factor), 'TIMEOUT');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
  }, CLOCK_AND_RESPONDER);

  check('FACTORS.PUSH.ACTIVATE.RESTART', 'following activate after a timeout restarts the activation, which the device can complete', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    await driver.clock.advance((await msUntil(driver, activation?.expiresAt, 'the activation')) + PAST_EXPIRY_MS);
    const timedOut = await pollActivation(api, factor);
    expectActivation(timedOut, 'TIMEOUT');

    const restarted = await api.post<Activation>(linkOf(timedOut.body, 'activate').href);
    expectStatus(restarted, 200);
    expectActivation(restarted, 'WAITING');
    await msUntil(driver, restarted.body.expiresAt, 'the restarted activation');

    await driver.push.respond(user.id, factor.id, 'approve');
    const done = await pollActivation(api, factor);
    expectSchema('okta-factors/factor', done.body);
    expect(done.body.status).toBe('ACTIVE');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, CLOCK_AND_RESPONDER);

  check('FACTORS.PUSH.ACTIVATE.SEND', 'the send links (email, sms) are accepted while the activation waits', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    const links = activation as Activation;
    const email = await api.post<Activation>(linkOf(links, 'send', 'email').href);
    expectStatus(email, 200);
    expectActivation(email, 'WAITING');
    const sms = await api.post<Activation>(linkOf(links, 'send', 'sms').href, { profile: { phoneNumber: PHONE } });
    expectStatus(sms, 200);
    expectActivation(sms, 'WAITING');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
  });

  check('FACTORS.PUSH.ACTIVATE.SEND', 'the activation link reaches the user by email and by SMS', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    const links = activation as Activation;
    expectStatus(await api.post(linkOf(links, 'send', 'email').href), 200);
    expectStatus(await api.post(linkOf(links, 'send', 'sms').href, { profile: { phoneNumber: PHONE } }), 200);

    const emails = (await driver.outbox.messages(user.id, 'email')).filter((m) => m.factorId === factor.id);
    expect(emails.map((m) => m.to.toLowerCase()), 'an email to the user').toContain(user.email.toLowerCase());
    const texts = (await driver.outbox.messages(user.id, 'sms')).filter((m) => m.factorId === factor.id);
    expect(texts.map((m) => m.to.replace(/\D/g, '')), 'an SMS to the number given').toContain(PHONE.replace(/\D/g, ''));
  }, { needs: ['outbox'] });

  check('FACTORS.PUSH.ACTIVATE.SEND_BAD_PHONE', 'the sms send link refuses a phone number that is not one', async ({ driver, api }) => {
    const { user, factor, activation } = await enrolledPush(driver, api);
    const res = await api.post(linkOf(activation as Activation, 'send', 'sms').href, { profile: { phoneNumber: 'not a phone' } });
    // The send links' request and answers are undocumented (spec §11): any 4xx error object.
    expectClientError(res);
    if (driver.outbox) {
      expect((await driver.outbox.messages(user.id, 'sms')).filter((m) => m.factorId === factor.id), 'no SMS went out').toEqual([]);
    }
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'PENDING_ACTIVATION');
  });
});

describe('push / OKTA: challenges', () => {
  check('FACTORS.PUSH.VERIFY.CHALLENGE', 'verify starts a WAITING challenge with poll and cancel links', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const res = await api.post<VerifyResult>(linkOf(factor, 'verify').href);
    expectStatus(res, [200, 201]);
    expectSchema('okta-factors/factor-verify-result', res.body);
    expect(res.body.factorResult).toBe('WAITING');
    await msUntil(driver, res.body.expiresAt, 'the challenge');
    const poll = linkOf(res.body, 'poll');
    expect(poll.href).toMatch(/\/transactions\/[^/]+$/);
    expect(allowedMethods(poll) ?? ['GET']).toContain('GET');
    expect(allowedMethods(linkOf(res.body, 'cancel')) ?? ['DELETE']).toContain('DELETE');

    const polled = await pollTransaction(api, res.body);
    expect(polled.factorResult).toBe('WAITING');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, RESPONDER);

  check('FACTORS.PUSH.VERIFY.APPROVE', 'after the user approves, the transaction polls SUCCESS', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor);
    await driver.push.respond(user.id, factor.id, 'approve');
    expect((await pollTransaction(api, started)).factorResult).toBe('SUCCESS');
    expect((await pollTransaction(api, started)).factorResult, 'a finished transaction keeps its result').toBe('SUCCESS');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, RESPONDER);

  check('FACTORS.PUSH.VERIFY.CONCURRENT', 'two challenges at once are two transactions; the approval reaches only the newest', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const first = await challenge(api, factor);
    const second = await challenge(api, factor);
    expect(linkOf(second, 'poll').href, 'the second challenge is a transaction of its own').not.toBe(linkOf(first, 'poll').href);
    expect((await pollTransaction(api, second)).factorResult).toBe('WAITING');
    await driver.push.respond(user.id, factor.id, 'approve');
    expect((await pollTransaction(api, second)).factorResult, 'the challenge the device answered').toBe('SUCCESS');
    const older = await api.get<VerifyResult>(linkOf(first, 'poll').href);
    if (older.status === 200) expect(older.body.factorResult, 'the older challenge was not approved').not.toBe('SUCCESS');
    else expectClientError(older);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, RESPONDER);

  check('FACTORS.PUSH.VERIFY.REJECT', 'after the user rejects, the transaction polls REJECTED and verify starts a new challenge', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor);
    await driver.push.respond(user.id, factor.id, 'reject');
    const polled = await pollTransaction(api, started);
    expect(polled.factorResult).toBe('REJECTED');

    const again = await api.post<VerifyResult>(linkOf(polled, 'verify').href);
    expectStatus(again, [200, 201]);
    expectSchema('okta-factors/factor-verify-result', again.body);
    expect(again.body.factorResult).toBe('WAITING');
    expect(linkOf(again.body, 'poll').href, 'a new transaction').not.toBe(linkOf(started, 'poll').href);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, RESPONDER);

  check('FACTORS.PUSH.VERIFY.TIMEOUT', 'an ignored challenge polls WAITING until its expiresAt and TIMEOUT after it', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor);
    await driver.push.respond(user.id, factor.id, 'ignore');
    const left = await advanceToJustBefore(driver, await msUntil(driver, started.expiresAt, 'the challenge'));
    expect((await pollTransaction(api, started)).factorResult).toBe('WAITING');
    await driver.clock.advance(left + PAST_EXPIRY_MS);
    const polled = await pollTransaction(api, started);
    expect(polled.factorResult).toBe('TIMEOUT');
    expect(allowedMethods(linkOf(polled, 'verify')) ?? ['POST']).toContain('POST');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, CLOCK_AND_RESPONDER);

  check('FACTORS.PUSH.VERIFY.TIMEOUT', 'an approval after the challenge expired does not make it SUCCESS', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor);
    await driver.clock.advance((await msUntil(driver, started.expiresAt, 'the challenge')) + PAST_EXPIRY_MS);
    await driver.push.respond(user.id, factor.id, 'approve');
    expect((await pollTransaction(api, started)).factorResult).toBe('TIMEOUT');
  }, CLOCK_AND_RESPONDER);

  check('FACTORS.PUSH.VERIFY.NUMBER_MATCHING', 'a number matching challenge carries correctAnswer and succeeds once the user picks it', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor, { useNumberMatchingChallenge: true });
    const answer = started._embedded?.challenge?.correctAnswer;
    expect(Number.isInteger(answer), `_embedded.challenge.correctAnswer is an integer (${String(answer)})`).toBe(true);
    const waiting = await pollTransaction(api, started);
    expect(waiting.factorResult).toBe('WAITING');
    const polledAnswer = waiting._embedded?.challenge?.correctAnswer;
    if (polledAnswer !== undefined) expect(polledAnswer, 'the same number while it waits').toBe(answer);

    // The responder approving stands for the user picking the right number.
    await driver.push.respond(user.id, factor.id, 'approve');
    expect((await pollTransaction(api, started)).factorResult).toBe('SUCCESS');
  }, RESPONDER);

  check('FACTORS.PUSH.VERIFY.BAD_BODY', 'useNumberMatchingChallenge of the wrong type is refused with 400', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const res = await api.post(linkOf(factor, 'verify').href, { useNumberMatchingChallenge: 'yes' });
    expectOktaError(res, 400, ['E0000001', 'E0000003']);
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, RESPONDER);

  check('FACTORS.PUSH.POLL.UNKNOWN', 'an unknown transaction id is refused (any 4xx; 404 E0000007 is the generic one)', async ({ driver, api }) => {
    const { factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor);
    // The only URL built here: the poll link with its transaction id replaced.
    const unknown = linkOf(started, 'poll').href.replace(/[^/]+$/, 'mst0000000000unknown');
    expectClientError(await api.get(unknown));
    expect((await pollTransaction(api, started)).factorResult, 'the real transaction is untouched').toBe('WAITING');
  }, RESPONDER);

  check('FACTORS.PUSH.POLL.UNKNOWN', "another user's push transaction is 404 under this user's push factor", async ({ driver, api }) => {
    const owner = await activatedPush(driver, api);
    const other = await activatedPush(driver, api);
    const started = await challenge(api, owner.factor);
    const transactionId = linkOf(started, 'poll').href.split('/').at(-1) ?? '';
    const foreign = `${factorPath(other.user.id, other.factor.id)}/transactions/${transactionId}`;
    expectClientError(await api.get(foreign));
    expect((await pollTransaction(api, started)).factorResult, "the owner's transaction is untouched").toBe('WAITING');
  }, RESPONDER);

  check('FACTORS.PUSH.CANCEL', 'a cancelled challenge never polls WAITING or SUCCESS, even after an approval', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const started = await challenge(api, factor);
    const res = await api.delete(linkOf(started, 'cancel').href);
    expectStatus(res, [200, 204]);
    await expectCancelled(api, started, 'after cancel');
    await driver.push.respond(user.id, factor.id, 'approve');
    await expectCancelled(api, started, 'after cancel and an approval');
    expectState('factor status', (await readFactor(api, user.id, factor.id)).status, 'ACTIVE');
  }, RESPONDER);
});

describe('push / OKTA: unenrollment', () => {
  check('FACTORS.PUSH.UNENROLL.RESETS_TOTP', 'unenrolling push also removes Okta Verify TOTP and keeps Google Authenticator', async ({ driver, api }) => {
    const { user, factor } = await activatedPush(driver, api);
    const oktaTotp = await activeTotp(driver, api, 'OKTA', user);
    const googleTotp = await activeTotp(driver, api, 'GOOGLE', user);

    const res = await api.delete(factorPath(user.id, factor.id));
    expectStatus(res, 204);
    await expectFactorGone(api, user.id, factor.id);
    await expectFactorGone(api, user.id, oktaTotp.factor.id);
    const listed = await listFactors(api, user.id);
    expect(listed.map((f) => f.id)).not.toContain(factor.id);
    expect(listed.map((f) => f.id), 'Okta Verify TOTP goes with push').not.toContain(oktaTotp.factor.id);
    expect(listed.find((f) => f.id === googleTotp.factor.id)?.status, 'Google Authenticator stays').toBe('ACTIVE');
  }, RESPONDER);
});

describe('push / OKTA: what a finished transaction says', () => {
  check('FACTORS.PUSH.RESULT.CREDENTIAL', "REJECTED and TIMEOUT results carry profile.credentialId, the factor's own", async ({ driver, api }) => {
    const rejected = await activatedPush(driver, api);
    const first = await challenge(api, rejected.factor);
    await driver.push.respond(rejected.user.id, rejected.factor.id, 'reject');
    const refused = await pollTransaction(api, first);
    expectState('factorResult', refused.factorResult, 'REJECTED');
    expectState('REJECTED profile.credentialId', refused.profile?.credentialId, rejected.factor.profile?.credentialId);

    const ignored = await activatedPush(driver, api);
    const second = await challenge(api, ignored.factor);
    await driver.push.respond(ignored.user.id, ignored.factor.id, 'ignore');
    await driver.clock.advance((await msUntil(driver, second.expiresAt, 'the challenge')) + PAST_EXPIRY_MS);
    const timedOut = await pollTransaction(api, second);
    expectState('factorResult', timedOut.factorResult, 'TIMEOUT');
    expectState('TIMEOUT profile.credentialId', timedOut.profile?.credentialId, ignored.factor.profile?.credentialId);
  }, CLOCK_AND_RESPONDER);
});

