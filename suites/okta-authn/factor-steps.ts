import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, DriverWith, TestUser } from '../../drivers/contract.js';
import type { RequirementId } from '../../requirements/index.js';
import { expectOktaError, expectState } from '../support/expect.js';
import { given } from '../support/given.js';
import { type Link, linkOf, readFactor } from '../okta-factors/factors.js';
import {
  type AuthnFactor,
  authnPost,
  currentFactor,
  entryFor,
  expectTransaction,
  factorList,
  getState,
  pathOf,
  signIn,
  stateTokenOf,
  type Transaction,
} from './authn.js';

/**
 * The factor steps of a transaction as the checks drive them (spec §5.4, §5.5): enroll through the MFA_ENROLL entry's
 * `enroll` link, activate and verify through the links the transaction publishes, and every refusal followed by a
 * read-back of the transaction (its state unchanged) and, where a factor is at stake, of the factor (Factors API).
 */

export interface FactorSpec {
  factorType: string;
  provider: string;
}

/** Runs `body` with `spec` REQUIRED by the factor policy (so a user without factors must enroll), then OPTIONAL again. */
export async function withRequired(driver: DriverWith<'policy'>, spec: FactorSpec, body: () => Promise<void>): Promise<void> {
  await driver.policy.setFactorPolicy([{ ...spec, enrollment: 'REQUIRED' }]);
  try {
    await body();
  } finally {
    await driver.policy.setFactorPolicy([{ ...spec, enrollment: 'OPTIONAL' }]);
  }
}

export interface Step {
  user: TestUser;
  txn: Transaction;
  stateToken: string;
}

/** A fresh user (or `user`) signs in (MFA_ENROLL) and posts the factor's enroll link with `extra` (profile, passCode). */
export async function enrollThroughAuthn(driver: Driver, api: ApiClient, spec: FactorSpec, extra: Record<string, unknown> = {}, user?: TestUser) {
  const owner = user ?? (await driver.fixtures.createUser());
  const enrolling = await signIn(driver, api, owner, 'MFA_ENROLL');
  const stateToken = stateTokenOf(enrolling);
  const entry = entryFor(factorList(enrolling), spec.factorType, spec.provider);
  const res = await authnPost(api, linkOf(entry, 'enroll').href, { stateToken, ...spec, ...extra });
  return { user: owner, stateToken, res };
}

/** Enrollment started: MFA_ENROLL_ACTIVATE with the factor (a precondition resting on `by`). */
export async function activating(driver: Driver, api: ApiClient, spec: FactorSpec, by: RequirementId, extra: (user: TestUser) => Record<string, unknown> = () => ({})) {
  const user = await driver.fixtures.createUser();
  return given(
    `${spec.factorType} (${spec.provider}) enrollment started (MFA_ENROLL_ACTIVATE)`,
    async () => {
      const { stateToken, res } = await enrollThroughAuthn(driver, api, spec, extra(user), user);
      const txn = expectTransaction(driver, res, 'MFA_ENROLL_ACTIVATE');
      const factor = currentFactor(txn);
      expect(typeof factor.id === 'string', 'the enrolled factor has an id').toBe(true);
      return { user, txn, stateToken, factor: factor as AuthnFactor & { id: string } };
    },
    { by },
  );
}

/** The user (with an active factor) signs in: MFA_REQUIRED, and the entry of that factor. */
export async function required(driver: Driver, api: ApiClient, user: TestUser, factorId: string): Promise<Step & { entry: AuthnFactor }> {
  const txn = await signIn(driver, api, user, 'MFA_REQUIRED');
  const entry = factorList(txn).find((f) => f.id === factorId);
  expect(entry, 'MFA_REQUIRED lists the active factor by its id').toBeDefined();
  return { user, txn, stateToken: stateTokenOf(txn), entry: entry as AuthnFactor };
}

/** POST a link with the stateToken and `extra`. */
export function postLink(api: ApiClient, link: Link, stateToken: string, extra: Record<string, unknown> = {}): Promise<ApiResponse<Transaction>> {
  return authnPost(api, link.href, { stateToken, ...extra });
}

/** The transaction's `next` link: its name and where it points. */
export function expectNext(txn: Transaction, name: string, pathEnd: string): Link {
  const next = linkOf(txn, 'next');
  expect(next.name, 'next link name').toBe(name);
  expect(pathOf(next).endsWith(pathEnd), `next points at …${pathEnd} (${pathOf(next)})`).toBe(true);
  return next;
}

/** A refused credential: 403 E0000068, and the transaction still in `status` (read back). */
export async function expectRefusedAndUnchanged(driver: Driver, api: ApiClient, res: ApiResponse, stateToken: string, status: string): Promise<Transaction> {
  expectOktaError(res, 403, 'E0000068');
  const after = expectTransaction(driver, await getState(api, stateToken), status);
  return after;
}

/** The factor as the Factors API reads it back: its status. */
export async function expectFactorStatus(api: ApiClient, userId: string, factorId: string, status: 'ACTIVE' | 'PENDING_ACTIVATION'): Promise<void> {
  const factor = await readFactor(api, userId, factorId);
  expectState(`factor ${factorId} status`, factor.status, status);
}
