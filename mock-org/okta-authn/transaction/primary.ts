import { createHash, timingSafeEqual } from 'node:crypto';
import { authenticationFailed, invalidAuthnState, notFound } from '../../core/errors.js';
import { optionalObject, optionalString, requiredString, type JsonObject } from '../../core/input.js';
import type { AuthnOrg } from '../flow.js';
import type { StoredUser } from '../../okta-factors/store.js';
import type { AuthnStatus } from '../transactions.js';

/** Longest username and password read (Okta's login is at most 100 characters; passwords are longer). */
const MAX_USERNAME_LENGTH = 256;
const MAX_PASSWORD_LENGTH = 1024;

/** What primary authentication decided: SUCCESS at once, or the transaction state to start. */
export interface PrimaryOutcome {
  user: StoredUser;
  status: AuthnStatus;
}

/**
 * A1 with credentials (spec §5.1, §5.4): checks username and password, then evaluates the factor policy.
 * A user with an active factor must verify one (MFA_REQUIRED); a user without one must enroll when the policy
 * REQUIRES a factor (MFA_ENROLL); anyone else is done (SUCCESS). Bad credentials, an unknown user and a user who
 * cannot sign in all look the same: 401 E0000004, so the answer never tells whether the username exists.
 */
export function primaryAuthentication(org: AuthnOrg, body: JsonObject): PrimaryOutcome {
  if (body.token !== undefined) {
    // Activation tokens: the mock issues none, so every one is unknown (spec §5.4: 401 E0000004).
    optionalString(body, 'token', { maxLength: MAX_PASSWORD_LENGTH, subject: 'authRequest' });
    throw authenticationFailed();
  }
  const username = requiredString(body, 'username', { maxLength: MAX_USERNAME_LENGTH, subject: 'authRequest' });
  const password = requiredString(body, 'password', { maxLength: MAX_PASSWORD_LENGTH, subject: 'authRequest' });
  // Read for their types only: the mock has no password-expiry warning and no optional multi-enrollment yet.
  optionalObject(body, 'options', 'authRequest');
  optionalObject(body, 'context', 'authRequest');

  const user = findByLogin(org, username);
  if (!user && org.faults.has('authn.unknown-user-disclosed')) throw notFound(`Resource not found: ${username} (User)`);
  const passwordOk = user?.password != null && sameSecret(user.password, password);
  if (!user || user.status !== 'ACTIVE' || !(passwordOk || org.faults.has('authn.bad-credentials-accepted'))) throw authenticationFailed();

  const hasActiveFactor = org.store.factorsOf(user.id).some((f) => f.status === 'ACTIVE');
  if (hasActiveFactor && !org.faults.has('authn.mfa-not-required')) return { user, status: 'MFA_REQUIRED' };
  const enrollmentRequired = org.policy.list().some((entry) => entry.enrollment === 'REQUIRED');
  if (!hasActiveFactor && enrollmentRequired && !org.faults.has('authn.enrollment-policy-ignored')) return { user, status: 'MFA_ENROLL' };
  return { user, status: 'SUCCESS' };
}

/** A1 with a stateToken and credentials is step-up primary authentication, valid only in UNAUTHENTICATED (never reached here). */
export function refuseStepUp(body: JsonObject): void {
  if (body.username !== undefined || body.password !== undefined) throw invalidAuthnState();
}

function findByLogin(org: AuthnOrg, username: string): StoredUser | undefined {
  const login = username.toLowerCase();
  for (const user of org.store.users.values()) if (user.profile.login.toLowerCase() === login) return user;
  return undefined;
}

/** Compares in constant time (digests first, so the lengths match). */
function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}
