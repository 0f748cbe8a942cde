import type { FastifyRequest } from 'fastify';
import { invalidAuthnState, invalidToken } from '../core/errors.js';
import { requiredString, type JsonObject } from '../core/input.js';
import { requestBaseUrl } from '../core/base-url.js';
import { headersOf, queryOf } from '../okta-factors/context.js';
import type { AuthnContext, AuthnOrg } from './flow.js';
import { STATE_TOKEN_LIFETIME_MS, type AuthnStatus } from './transactions.js';
import { isAuthnPath } from './urls.js';
import { AUTHN_TRANSACTIONS } from './transactions.js';
import { NOBODY } from './step-up/step-up.js';
import { statesOffering, type AuthnOperation } from '../../requirements/authn-transitions.js';

/** The user statuses a transaction stays alive through: expired passwords and lockouts are what some transactions resolve. */
const TRANSACTION_USER_STATUSES = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY', 'PROVISIONED']);

/** Longest stateToken looked up (Okta's are 42 characters). */
const MAX_STATE_TOKEN_LENGTH = 256;

/**
 * The transaction a request's `stateToken` names, as a draft, its sliding expiry moved forward (spec §5.7).
 * A missing or non-string stateToken is 400 E0000001; an unknown, revoked or expired one is 401 E0000011, as is
 * one whose user is gone or can no longer sign in.
 */
export function openTransaction(org: AuthnOrg, request: FastifyRequest, body: JsonObject): AuthnContext {
  const stateToken = requiredString(body, 'stateToken', { maxLength: MAX_STATE_TOKEN_LENGTH, subject: 'stateToken' });
  const now = org.clock.now();
  const transactions = AUTHN_TRANSACTIONS.of(org.scope);
  const stored = transactions.get(stateToken);
  const expired = stored !== undefined && stored.expiresAtMs <= now && !org.faults.has('authn.state-token-never-expires');
  // A step-up transaction nobody has signed in to yet has no user (step-up/step-up.ts).
  const user = stored && (stored.userId === '' && stored.status === 'UNAUTHENTICATED' ? NOBODY : org.store.users.get(stored.userId));
  if (!stored || expired || !user || !TRANSACTION_USER_STATUSES.has(user.status)) {
    if (expired) transactions.revoke(stateToken);
    throw invalidToken();
  }
  const transaction = structuredClone(stored);
  if (!org.faults.has('authn.expiry-not-sliding')) transaction.expiresAtMs = now + STATE_TOKEN_LIFETIME_MS;
  // Presenting the token keeps it alive even when the operation is then refused (the refusal is its own answer).
  transactions.save({ ...stored, expiresAtMs: transaction.expiresAtMs });
  return { org, baseUrl: requestBaseUrl(request), query: queryOf(request), headers: headersOf(request), user, transaction };
}

/**
 * 403 E0000079 unless the transition table (requirements/authn-transitions.ts) documents `operation` in the
 * transaction's state: the one table the checks and the reports read too.
 */
export function requireOperation(ctx: AuthnContext, operation: AuthnOperation): void {
  requireState(ctx, statesOffering(operation));
}

/** 403 E0000079 unless the transaction is in one of `allowed` (the `authn.wrong-state-allowed` fault lets anything by). */
export function requireState(ctx: AuthnContext, allowed: readonly AuthnStatus[]): void {
  if (!allowed.includes(ctx.transaction.status) && !ctx.org.faults.has('authn.wrong-state-allowed')) throw invalidAuthnState();
}

/**
 * Authn requests may come without an API token (public applications, spec §5): such a request is let through
 * the API-token check. One that carries an Authorization header is a trusted application's and is checked
 * like any other (an invalid token is still 401 E0000011).
 */
export function isPublicAuthnRequest(org: AuthnOrg, request: FastifyRequest): boolean {
  return isAuthnPath(request.url) && request.headers.authorization === undefined && !org.faults.has('authn.requires-api-token');
}
