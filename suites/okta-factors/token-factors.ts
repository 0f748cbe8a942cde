import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../drivers/contract.js';
import { expectOktaError, expectSchema, expectState, expectStatus } from '../support/expect.js';
import { type Factor, factorPath, linkOf, allowedMethods, listFactors, readFactor } from './factors.js';

/** What the checks of the factors verified at enrollment (question, token, token:hardware, token:hotp) share. */

/** A 400 with a valid Okta error object, whatever its code: the docs name none for these refusals (spec §11). */
export function expectBadRequest(res: ApiResponse): void {
  expectStatus(res, 400);
  expectSchema('okta-factors/error', res.body);
}

/** An enrollment refused for its proof (passcodes, OTP, credential): 403 E0000068, or a 400 (undocumented, spec §11). */
export function expectEnrollRefused(res: ApiResponse): void {
  expectStatus(res, [400, 403]);
  if (res.status === 403) expectOktaError(res, 403, 'E0000068');
  else expectBadRequest(res);
}

/** The user has no factor of this type (and provider): a refused enrollment left nothing behind. */
export async function expectNotEnrolled(api: ApiClient, userId: string, factorType: string, provider?: string): Promise<void> {
  const left = (await listFactors(api, userId)).filter((f) => f.factorType === factorType && (provider === undefined || f.provider === provider));
  expect(left, `no ${factorType} factor may be enrolled; found ${left.map((f) => `${f.id} (${f.status})`).join(', ')}`).toEqual([]);
}

/**
 * An enroll response for a factor that is ACTIVE at once: the factor, a `verify` link (POST),
 * `self` allowing DELETE, `user`; then the same factor read back ACTIVE and listed once.
 * Returns the read-back copy.
 */
export async function expectActiveEnrollment(api: ApiClient, userId: string, factor: Factor, expected: Record<string, unknown>): Promise<Factor> {
  expect(factor).toMatchObject({ ...expected, status: 'ACTIVE' });
  const stored = await readFactor(api, userId, factor.id);
  expect(stored).toMatchObject({ ...expected, status: 'ACTIVE' });
  for (const seen of [factor, stored]) {
    expect(linkOf(seen, 'verify').href).toMatch(new RegExp(`/factors/${factor.id}/verify$`));
    expect(allowedMethods(linkOf(seen, 'self')) ?? ['DELETE']).toContain('DELETE');
    linkOf(seen, 'user');
  }
  const listed = (await listFactors(api, userId)).filter((f) => f.id === factor.id);
  expect(listed, 'the factor is listed once').toHaveLength(1);
  expect(listed[0]).toMatchObject({ ...expected, status: 'ACTIVE' });
  return stored;
}

/** POST …/verify with `body`: 200, a valid verify result, SUCCESS; the factor stays ACTIVE. */
export async function expectVerified(api: ApiClient, userId: string, factorId: string, body: Record<string, unknown>): Promise<void> {
  const res = await api.post(`${factorPath(userId, factorId)}/verify`, body);
  expectStatus(res, 200);
  expectSchema('okta-factors/factor-verify-result', res.body);
  expect((res.body as { factorResult?: string }).factorResult).toBe('SUCCESS');
  expectState('factor status', (await readFactor(api, userId, factorId)).status, 'ACTIVE');
}

/** POST …/verify with `body` is refused with 403 E0000068; the factor stays ACTIVE. */
export async function expectVerifyRefused(api: ApiClient, userId: string, factorId: string, body: Record<string, unknown>): Promise<void> {
  expectOktaError(await api.post(`${factorPath(userId, factorId)}/verify`, body), 403, 'E0000068');
  expectState('factor status', (await readFactor(api, userId, factorId)).status, 'ACTIVE');
}
