import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, DriverWith, OutboxMessage, TargetProfile, TestUser } from '../../../drivers/contract.js';
import { expectOktaError, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { given } from '../../support/given.js';
import { enroll, expectRateLimitHeaders, type Factor, linkOf } from '../factors.js';

/**
 * What the checks of the message factors (sms, call, email) share: test phone numbers, reading
 * the outbox, codes that are certainly wrong, and the shape of a throttle's 429.
 */
export type Channel = OutboxMessage['channel'];

/** A fresh E.164 number in the North American 555 range, so that no two checks share a phone (or its throttle). */
export function randomPhone(): string {
  return `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;
}

/** The same number in the grouped form of Okta's own examples: +1-555-415-1337. */
export function groupedPhone(e164: string): string {
  const digits = e164.slice(1);
  return `+${digits.slice(0, 1)}-${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
}

export const phoneDigits = (text: unknown) => String(text ?? '').replace(/\D/g, '');

/** Whether two destinations are the same phone (by digits) or mailbox (any case). */
export function sameDestination(channel: Channel, a: unknown, b: unknown): boolean {
  return channel === 'email'
    ? String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase()
    : phoneDigits(a) !== '' && phoneDigits(a) === phoneDigits(b);
}

/** The messages a factor was sent, oldest first. */
export async function messagesOf(driver: DriverWith<'outbox'>, userId: string, channel: Channel, factorId: string): Promise<OutboxMessage[]> {
  return (await driver.outbox.messages(userId, channel)).filter((m) => m.factorId === factorId);
}

/** Asserts that exactly one message went to the factor since `before` were counted, to `to`; returns it. */
export async function expectOneNewMessage(
  driver: DriverWith<'outbox'>,
  userId: string,
  channel: Channel,
  factorId: string,
  before: number,
  to: string,
): Promise<OutboxMessage> {
  const messages = await messagesOf(driver, userId, channel, factorId);
  expect(messages.length, `${channel} messages for the factor: expected ${before + 1}`).toBe(before + 1);
  const message = messages[messages.length - 1] as OutboxMessage;
  expect(sameDestination(channel, message.to, to), `the ${channel} went to ${message.to}, expected ${to}`).toBe(true);
  expect(typeof message.passCode === 'string' && message.passCode.length > 0, 'the message carries a passcode').toBe(true);
  return message;
}

/** A code that is not `code`: same length, every digit moved on by one. */
export function otherCode(code: string): string {
  return code.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
}

/**
 * A throttle's 429: an error object with one of `codes`, and X-Rate-Limit-* headers that agree with
 * one another, Reset being a UTC epoch second not before the target's now and within a day of it.
 */
/**
 * A 429 with one of `codes`. X-Rate-Limit-* is documented for the API rate limiter (E0000047) only: a business
 * throttle (E0000109, E0000118, E0000133) need not carry it, and its headers are checked only when it does.
 */
export async function expectRateLimited(driver: Driver, res: ApiResponse, codes: string[]): Promise<void> {
  const body = expectOktaError(res, 429, codes);
  if (body.errorCode === 'E0000047' || res.headers['x-rate-limit-limit'] !== undefined) expectRateLimitHeaders(res, (await driver.now()) / 1000);
}

type MessageKey = 'SMS' | 'CALL' | 'EMAIL';

/** The channel-specific parts of the message-factor checks. */
export interface MessageChannel<Key extends MessageKey = MessageKey> {
  channel: Channel;
  /** Requirement id prefix: FACTORS.SMS, FACTORS.CALL, FACTORS.EMAIL. */
  key: Key;
  /** An enroll body for `user`, and where its messages go. */
  enrollBody(user: TestUser): { body: Record<string, unknown>; to: string };
  /** How far to move the clock so that a destination may receive again (the window plus a second). */
  throttleWaitMs: number;
  /** Accepted error codes of the throttle's 429. */
  throttleCodes: string[];
  /** Asserts a factor's profile against the enroll body's. */
  expectProfile(profile: Record<string, unknown> | undefined, sent: Record<string, unknown>): void;
  /** Asserts a CHALLENGE result's profile (sms, call: the phone; email: nothing is required). */
  expectChallengeProfile(profile: Record<string, unknown> | undefined, sent: Record<string, unknown>): void;
  /** Profiles on which the channel's enrollment checks do not apply, with the reason. */
  notOn?: Partial<Record<TargetProfile, string>>;
}

export interface Enrolled {
  user: TestUser;
  factor: Factor;
  body: Record<string, unknown>;
  to: string;
}

/** Enrolls the channel's factor for a fresh user (`query`: `activate`, `tokenLifetimeSeconds`, …). */
export async function enrollFresh(driver: Driver, api: ApiClient, spec: MessageChannel, query?: Record<string, string | boolean>): Promise<Enrolled> {
  const by = query?.activate === true ? 'ENROLL.AUTO_ACTIVATE' : 'ENROLL.PENDING';
  return given(
    `a ${spec.channel} factor enrolled${query ? ` (${Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&')})` : ''}`,
    async () => {
      const user = await driver.fixtures.createUser();
      const { body, to } = spec.enrollBody(user);
      const factor = await enroll(api, user.id, body, query);
      return { user, factor, body, to };
    },
    { by: `FACTORS.${spec.key}.${by}` },
  );
}

/** Enrolled and pending, with the passcode of the enrollment message. */
export async function pendingWithCode(driver: DriverWith<'outbox'>, api: ApiClient, spec: MessageChannel, query?: Record<string, string | boolean>) {
  const setup = await enrollFresh(driver, api, spec, query);
  return given(
    `the ${spec.channel} factor pending, with its enrollment passcode sent`,
    async () => {
      expectState('factor status', setup.factor.status, 'PENDING_ACTIVATION');
      const message = await expectOneNewMessage(driver, setup.user.id, spec.channel, setup.factor.id, 0, setup.to);
      return { ...setup, code: message.passCode };
    },
    { by: `FACTORS.${spec.key}.ENROLL.PENDING` },
  );
}

/** Enrolled with ?activate=true (no message sent, so the destination's throttle is untouched). */
export async function activeFactor(driver: Driver, api: ApiClient, spec: MessageChannel): Promise<Enrolled> {
  const setup = await enrollFresh(driver, api, spec, { activate: true });
  return given(
    `the ${spec.channel} factor ACTIVE at once`,
    () => {
      expectState('factor status after enroll with ?activate=true', setup.factor.status, 'ACTIVE');
      return setup;
    },
    { by: `FACTORS.${spec.key}.ENROLL.AUTO_ACTIVATE` },
  );
}

/** POST the factor's verify link without a passCode (a challenge); `query` e.g. tokenLifetimeSeconds. */
export function challenge(api: ApiClient, factor: Factor, query?: Record<string, string>) {
  return api.post<Record<string, unknown>>(linkOf(factor, 'verify').href, undefined, { ...(query ? { query } : {}), noRetry: true });
}

/** Challenges, asserts 200 CHALLENGE and one new message; returns its passcode. */
export async function challengeCode(driver: DriverWith<'outbox'>, api: ApiClient, spec: MessageChannel, setup: Enrolled, query?: Record<string, string>): Promise<string> {
  const before = (await messagesOf(driver, setup.user.id, spec.channel, setup.factor.id)).length;
  const res = await challenge(api, setup.factor, query);
  expectStatus(res, 200);
  expect(res.body.factorResult).toBe('CHALLENGE');
  return (await expectOneNewMessage(driver, setup.user.id, spec.channel, setup.factor.id, before, setup.to)).passCode;
}

/** POST the factor's `resend` link; the body is the factor, as the docs show. */
export function resend(api: ApiClient, setup: Enrolled, options: { query?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const href = linkOf(setup.factor, 'resend', setup.factor.factorType).href;
  return api.post<Factor>(href, setup.body, { ...options, noRetry: true });
}
