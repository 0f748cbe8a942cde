import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver } from '../../drivers/contract.js';
// The TOTP module alone: the package index would load WebAuthn, U2F and X.509 into every suite worker.
import { TotpGenerator } from '../../virtual-authenticators/otp/totp-generator.js';
import { expectClientError, expectHeader, expectOktaError, expectSchema, expectState, expectStatus } from '../support/expect.js';

/** A factor as the checks read it; every other property the target sends is allowed and ignored. */
export interface Factor {
  id: string;
  factorType: string;
  provider: string;
  status: string;
  profile?: Record<string, unknown>;
  _links?: Record<string, Link | Link[]>;
  _embedded?: Record<string, unknown> & { activation?: Record<string, unknown> };
}

export interface Link {
  href: string;
  name?: string;
  type?: string;
  hints?: { allow?: string[] };
}

export const factorsPath = (userId: string) => `/api/v1/users/${userId}/factors`;
export const factorPath = (userId: string, factorId: string) => `${factorsPath(userId)}/${factorId}`;

/** POST …/factors, asserting 200 and a valid Factor. */
export async function enroll(api: ApiClient, userId: string, body: Record<string, unknown>, query?: Record<string, string | boolean>): Promise<Factor> {
  const res = await api.post<Factor>(factorsPath(userId), body, query ? { query } : {});
  expectStatus(res, 200);
  expectSchema('okta-factors/factor', res.body);
  return res.body;
}

/** GET one factor (read-back), asserting 200 and a valid Factor. */
export async function readFactor(api: ApiClient, userId: string, factorId: string): Promise<Factor> {
  const res = await api.get<Factor>(factorPath(userId, factorId));
  expectStatus(res, 200);
  expectSchema('okta-factors/factor', res.body);
  expect(res.body.id).toBe(factorId);
  return res.body;
}

/** GET the user's factors, asserting 200 and that each is a valid Factor. */
export async function listFactors(api: ApiClient, userId: string): Promise<Factor[]> {
  const res = await api.get<Factor[]>(factorsPath(userId));
  expectStatus(res, 200);
  expect(Array.isArray(res.body), 'the factor list is an array').toBe(true);
  for (const factor of res.body) expectSchema('okta-factors/factor', factor);
  return res.body;
}

/**
 * The ids of a user's factors, sorted: read before a request that must change nothing and compared after it
 * (expectFactorsUnchanged). A check never assumes a new user has no factor: an Identity Engine org enrolls the
 * verified primary email on its own.
 */
export async function factorIds(api: ApiClient, userId: string): Promise<string[]> {
  return (await listFactors(api, userId)).map((f) => f.id).sort();
}

/** The user's factors are exactly those read before (`before`, from factorIds): nothing enrolled, nothing removed. */
export async function expectFactorsUnchanged(api: ApiClient, userId: string, before: readonly string[], what = 'nothing was enrolled or removed'): Promise<void> {
  // One allowed value, the list itself (expectState takes an array as alternatives).
  expectState(`the user's factor ids (${what})`, await factorIds(api, userId), [[...before]]);
}

/** Of a user's factors, those whose ids are `ids` (what the check itself enrolled), in list order. */
export const onlyThese = (factors: readonly Factor[], ids: readonly string[]): Factor[] => factors.filter((f) => ids.includes(f.id));

/**
 * Verify of a factor that is not ACTIVE, refused: the docs name no code (spec §11), so any 4xx error object;
 * where the status is one Okta's catalog gives for it, its code: 410 E0000154, 423 E0000180.
 */
export function expectNotActiveRefused(res: ApiResponse): void {
  if (res.status === 410) expectOktaError(res, 410, 'E0000154');
  else if (res.status === 423) expectOktaError(res, 423, 'E0000180');
  else expectClientError(res);
}

/** Asserts the factor is gone: GET answers 404 E0000007. */
export async function expectFactorGone(api: ApiClient, userId: string, factorId: string): Promise<void> {
  expectOktaError(await api.get(factorPath(userId, factorId)), 404, 'E0000007');
}

/** The named link, which must be present; for link arrays, the element with that `name` or the first. */
export function linkOf(resource: { _links?: Record<string, Link | Link[]> }, rel: string, name?: string): Link {
  const value = resource._links?.[rel];
  const found = Array.isArray(value) ? (value.find((l) => name === undefined || l.name === name) ?? undefined) : value;
  expect(found, `expected a '${rel}' link; links: ${Object.keys(resource._links ?? {}).join(', ') || 'none'}`).toBeDefined();
  return found as Link;
}

/** Methods a link allows, when it says (`hints.allow`); undefined when it gives no hints. */
export const allowedMethods = (link: Link): string[] | undefined => link.hints?.allow?.map((m) => m.toUpperCase());

/**
 * A TOTP generator for a factor's activation object; the shared secret becomes a driver secret at once,
 * so it can never reach a report.
 */
export function totpFor(driver: Driver, activation: Record<string, unknown> | undefined): TotpGenerator {
  const a = activation as { sharedSecret: string; encoding: string; timeStep?: number | string; keyLength?: number };
  if (typeof a?.sharedSecret === 'string') driver.registerSecret(a.sharedSecret);
  // A boolean: the matcher's subject lands in report step names, and the activation holds the shared secret.
  expect(activation !== undefined, 'the enroll response embeds the TOTP activation').toBe(true);
  return TotpGenerator.fromOktaActivation(a);
}

/** The passcode for the target's current time (its clock, not ours); registered as a secret. */
export async function currentCode(driver: Driver, totp: TotpGenerator, offsetMs = 0): Promise<string> {
  const code = totp.code((await driver.now()) + offsetMs);
  driver.registerSecret(code);
  return code;
}

/** A 6-digit code that is none of the codes valid anywhere near now (±5 steps). */
export async function wrongCode(driver: Driver, totp: TotpGenerator): Promise<string> {
  const now = await driver.now();
  const near = new Set(Array.from({ length: 11 }, (_, i) => totp.code(now + (i - 5) * 30_000)));
  let candidate = Number(totp.code(now));
  let code: string;
  do {
    candidate = (candidate + 1) % 1_000_000;
    code = String(candidate).padStart(6, '0');
  } while (near.has(code));
  return code;
}

/**
 * A code of `from`'s length that is none of `near` (the codes of the steps around now), stepping from `from` by a
 * prime so that it lands far from the right code.
 */
export function codeOutside(near: ReadonlySet<string>, from: string): string {
  const modulus = 10 ** from.length;
  let candidate = Number(from);
  let code: string;
  do {
    candidate = (candidate + 7919) % modulus;
    code = String(candidate).padStart(from.length, '0');
  } while (near.has(code));
  return code;
}

/** A response that refuses a passcode: an Okta error with one of `codes`, or a 200 whose factorResult is one of `results`. */
export function expectPasscodeRefused(res: ApiResponse, codes: string[], results: string[]): void {
  if (res.status === 200) {
    expectSchema('okta-factors/factor-verify-result', res.body);
    const result = (res.body as { factorResult?: string }).factorResult;
    expect(results, `a refused passcode must not verify; factorResult was ${result}`).toContain(result);
    return;
  }
  expectOktaError(res, 403, codes);
}

/**
 * X-Rate-Limit-* headers that agree with one another: Limit a positive integer, Remaining between 0 and Limit,
 * Reset the end of the window in UTC epoch seconds, not before the server's now and within a day of it.
 */
export function expectRateLimitHeaders(res: ApiResponse, serverNowSeconds: number): void {
  const limit = Number(expectHeader(res, 'X-Rate-Limit-Limit', 'a positive integer', (v) => Number.isInteger(Number(v)) && Number(v) > 0));
  expectHeader(res, 'X-Rate-Limit-Remaining', `an integer from 0 to ${limit}`, (v) => v !== undefined && Number.isInteger(Number(v)) && Number(v) >= 0 && Number(v) <= limit);
  expectHeader(
    res,
    'X-Rate-Limit-Reset',
    `epoch seconds from ${Math.floor(serverNowSeconds) - 1} to within a day (server time ${serverNowSeconds})`,
    (v) => v !== undefined && Number.isInteger(Number(v)) && Number(v) >= Math.floor(serverNowSeconds) - 1 && Number(v) < serverNowSeconds + 86_400,
  );
}
