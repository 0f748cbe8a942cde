import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, DriverWith, RequestOptions, TestUser } from '../../drivers/contract.js';
import { expectSchema, expectStatus } from '../support/expect.js';
import { given } from '../support/given.js';
import type { RequirementId } from '../../requirements/index.js';
import { type Link, linkOf } from '../okta-factors/factors.js';

/**
 * The Authentication API as the checks drive it (spec §5): as a public application (no API token), following the
 * published links, reading `_embedded.factors` or `_embedded.factor` (spec §5.2, §10.6), with every stateToken and
 * sessionToken registered as a secret the moment it is seen.
 */

export const AUTHN_PATH = '/api/v1/authn';

/** A factor as a transaction shows it; every other property the target sends is allowed and ignored. */
export interface AuthnFactor {
  id?: string;
  factorType: string;
  provider: string;
  status?: string;
  enrollment?: string;
  profile?: Record<string, unknown>;
  _links?: Record<string, Link | Link[]>;
  _embedded?: Record<string, unknown>;
}

export interface Transaction {
  stateToken?: string;
  expiresAt?: string;
  status: string;
  factorResult?: string;
  sessionToken?: string;
  recoveryToken?: string;
  recoveryType?: string;
  type?: string;
  factorType?: string;
  relayState?: string;
  _embedded?: {
    user?: { id: string; profile?: { login?: string } };
    factor?: AuthnFactor | AuthnFactor[];
    factors?: AuthnFactor | AuthnFactor[];
    [name: string]: unknown;
  };
  _links?: Record<string, Link | Link[]>;
}

/** POST to an Authn endpoint (a path or a published href) as a public application: without an API token. */
export function authnPost<T = Transaction>(api: ApiClient, pathOrHref: string, body: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  return api.post<T>(pathOrHref, body, { authorization: null, ...options });
}

/**
 * A 200 transaction in `status`, valid against okta-authn/transaction.schema.json; its tokens become secrets at once.
 * Assertions on transactions compare booleans or plain fields, never whole objects holding a secret: a matcher's
 * subject is written into the report's step names, which no redaction reaches.
 */
export function expectTransaction(driver: Driver, res: ApiResponse, status: string): Transaction {
  const txn = res.body as Transaction | undefined;
  // Register before any assertion can print the body.
  if (typeof txn?.stateToken === 'string') driver.registerSecret(txn.stateToken);
  if (typeof txn?.sessionToken === 'string') driver.registerSecret(txn.sessionToken);
  if (typeof txn?.recoveryToken === 'string') driver.registerSecret(txn.recoveryToken);
  for (const signature of widgetSignatures(txn)) registerSignedValue(driver, signature);
  expectStatus(res, 200);
  expectSchema('okta-authn/transaction', res.body);
  expect(txn?.status, `transaction status`).toBe(status);
  return txn as Transaction;
}

/** Signed requests a transaction hands a widget (Duo's `signature`), wherever its factors embed one. */
function widgetSignatures(txn: Transaction | undefined): string[] {
  const factors = [txn?._embedded?.factor, txn?._embedded?.factors].flat();
  return factors.flatMap((factor) => Object.values(factor?._embedded ?? {}))
    .map((embedded) => (embedded as { signature?: unknown } | undefined)?.signature)
    .filter((signature): signature is string => typeof signature === 'string');
}

/** A signed value (Duo's sig_request, sig_response) as a secret: whole, each `:` part, and as a form would encode them. */
export function registerSignedValue(driver: Driver, value: string): void {
  for (const secret of [value, ...value.split(':')]) {
    driver.registerSecret(secret);
    driver.registerSecret(new URLSearchParams({ v: secret }).toString().slice(2));
    driver.registerSecret(encodeURIComponent(secret));
  }
}

/** The stateToken of a transaction in progress (registered as a secret by expectTransaction). */
export function stateTokenOf(txn: Transaction): string {
  expect(typeof txn.stateToken === 'string' && txn.stateToken.length > 0, `a ${txn.status} transaction carries its stateToken`).toBe(true);
  return txn.stateToken as string;
}

/** SUCCESS: a sessionToken, the user, and (outside step-up) no stateToken (spec §5.3, §5.7). */
export function expectSuccess(driver: Driver, res: ApiResponse, user: TestUser): Transaction {
  const txn = expectTransaction(driver, res, 'SUCCESS');
  expect(typeof txn.sessionToken === 'string' && txn.sessionToken.length > 0, 'SUCCESS carries a sessionToken').toBe(true);
  expect(txn.stateToken === undefined, 'SUCCESS of primary authentication or MFA carries no stateToken').toBe(true);
  expect(txn._embedded?.user?.id, 'SUCCESS embeds the user').toBe(user.id);
  return txn;
}

/** A1 primary authentication with the user's credentials (or others). */
export function primaryAuth(api: ApiClient, username: string, password: string): Promise<ApiResponse<Transaction>> {
  return authnPost(api, AUTHN_PATH, { username, password, options: { multiOptionalFactorEnroll: false, warnBeforePasswordExpired: false } });
}

/** A21 get transaction state. */
export function getState(api: ApiClient, stateToken: string): Promise<ApiResponse<Transaction>> {
  return authnPost(api, AUTHN_PATH, { stateToken });
}

/** Primary authentication that must answer `status`. */
export async function signIn(driver: Driver, api: ApiClient, user: TestUser, status: string): Promise<Transaction> {
  return given(
    `primary authentication answers ${status}`,
    async () => expectTransaction(driver, await primaryAuth(api, user.login, user.password), status),
    PRIMARY_REQUIREMENT[status] ? { by: PRIMARY_REQUIREMENT[status] } : {},
  );
}

/** The requirement each outcome of primary authentication proves, for `signIn` as a precondition. */
const PRIMARY_REQUIREMENT: Partial<Record<string, RequirementId>> = {
  SUCCESS: 'AUTHN.PRIMARY.SUCCESS',
  MFA_ENROLL: 'AUTHN.PRIMARY.MFA_ENROLL',
  MFA_REQUIRED: 'AUTHN.PRIMARY.MFA_REQUIRED',
};

/** The factor list of MFA_ENROLL / MFA_REQUIRED, under whichever name the target uses. */
export function factorList(txn: Transaction): AuthnFactor[] {
  const list = txn._embedded?.factors ?? txn._embedded?.factor;
  expect(Array.isArray(list), `${txn.status} embeds a factor list (factors or factor)`).toBe(true);
  return list as AuthnFactor[];
}

/** The single factor of MFA_ENROLL_ACTIVATE / MFA_CHALLENGE, under whichever name the target uses. */
export function currentFactor(txn: Transaction): AuthnFactor {
  const candidates = [txn._embedded?.factor, txn._embedded?.factors];
  const factor = candidates.find((c): c is AuthnFactor => typeof c === 'object' && c !== null && !Array.isArray(c));
  expect(factor !== undefined, `${txn.status} embeds the factor at hand (factor or factors)`).toBe(true);
  return factor as AuthnFactor;
}

export function entryFor(list: AuthnFactor[], factorType: string, provider: string): AuthnFactor {
  const entry = list.find((f) => f.factorType === factorType && f.provider === provider);
  expect(entry !== undefined, `the list has ${factorType} (${provider}); it has ${list.map((f) => `${f.factorType}/${f.provider}`).join(', ')}`).toBeDefined();
  return entry as AuthnFactor;
}

/** The transaction's link of that relation; path equality for comparing links across responses. */
export const pathOf = (link: Link) => new URL(link.href).pathname;

/** POST a transaction link with the stateToken (the Authn way of following `next`, `prev`, `cancel`, …). */
export function follow(api: ApiClient, txn: Transaction, rel: string, stateToken: string, extra: Record<string, unknown> = {}): Promise<ApiResponse<Transaction>> {
  return authnPost(api, linkOf(txn, rel).href, { stateToken, ...extra });
}

/** A 4xx Okta error: the status and an error object; which code is the target's choice where the docs are silent. */
export function expectOktaRefusal(res: ApiResponse): void {
  expect(res.status >= 400 && res.status < 500, `a 4xx refusal, got HTTP ${res.status}`).toBe(true);
  expectSchema('okta-factors/error', res.body);
}

/**
 * Moves the target's clock `ms` forward while keeping the transaction alive: steps shorter than what is left of its
 * sliding lifetime (read from expiresAt), each followed by a get-state, so only what the check waits for expires.
 */
export async function advanceKeepingAlive(driver: DriverWith<'clock'>, api: ApiClient, stateToken: string, ms: number): Promise<void> {
  let left = ms;
  while (left > 0) {
    const res = await getState(api, stateToken);
    expectStatus(res, 200);
    const lifeLeft = Date.parse(res.body.expiresAt ?? '') - (await driver.now());
    expect(lifeLeft > 2_000, `the transaction has time left (expiresAt ${res.body.expiresAt})`).toBe(true);
    const step = Math.min(left, Math.floor(lifeLeft / 2));
    await driver.clock.advance(step);
    left -= step;
  }
  expectStatus(await getState(api, stateToken), 200);
}
