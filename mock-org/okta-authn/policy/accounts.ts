import { createHash, timingSafeEqual } from 'node:crypto';
import { OktaError, rateLimited } from '../../core/errors.js';
import { OrgState } from '../../core/org-state.js';
import { throttleOrThrow } from '../../core/throttle.js';
import type { StoredUser } from '../../okta-factors/store.js';
import type { AuthnOrg } from '../flow.js';
import { AUTHN_POLICIES, type PasswordPolicy } from './policies.js';

/**
 * What the Authentication API keeps of a user's account between transactions: failed sign-in attempts (the
 * password policy's lockout), the per-user authn rate limit, and password changes checked against the policy.
 */

/** Failed primary authentications per user since the last success; forgotten on reset. */
const FAILED_ATTEMPTS = new OrgState(() => new Map<string, number>(), (failed) => failed.clear());

/** Compares in constant time (digests first, so the lengths match). */
export function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** A failed attempt: counted; at the policy's maxAttempts the user is LOCKED_OUT. Returns whether the user is locked now. */
export function recordFailedAttempt(org: AuthnOrg, user: StoredUser): boolean {
  const failed = FAILED_ATTEMPTS.of(org.scope);
  const count = (failed.get(user.id) ?? 0) + 1;
  failed.set(user.id, count);
  const { maxAttempts } = AUTHN_POLICIES.of(org.scope).password.lockout;
  if (maxAttempts > 0 && count >= maxAttempts && !org.faults.has('authn.lockout-ignored')) {
    user.status = 'LOCKED_OUT';
    user.statusChanged = user.lastUpdated = org.clock.iso();
    return true;
  }
  return false;
}

export function clearFailedAttempts(org: AuthnOrg, user: StoredUser): void {
  FAILED_ATTEMPTS.of(org.scope).delete(user.id);
}

/** Unlocks a LOCKED_OUT user (recovery by unlock, or the Users API). */
export function unlockUser(org: AuthnOrg, user: StoredUser): void {
  clearFailedAttempts(org, user);
  if (user.status === 'LOCKED_OUT') {
    user.status = 'ACTIVE';
    user.statusChanged = user.lastUpdated = org.clock.iso();
  }
}

/** Authn requests per user per second (spec §7: 4 per second for the same user on `/api/v1/authn`). */
const USER_LIMIT = 4;
const USER_WINDOW_MS = 1_000;

/** Counts an authn request naming `username`; 429 E0000047 with X-Rate-Limit-* once the user's second is used up. */
export function throttleUser(org: AuthnOrg, username: string): void {
  if (org.faults.has('authn.no-user-rate-limit')) return;
  throttleOrThrow(org.throttle('authn.user', USER_LIMIT, USER_WINDOW_MS), username.toLowerCase(), org.clock.now(), rateLimited);
}

/** The password policy's complexity rules a password breaks, worded as Okta words them (spec §6.1 E0000014 cause). */
function complexityIssues(policy: PasswordPolicy, user: StoredUser, password: string): string[] {
  const { minLength, minLowerCase, minUpperCase, minNumber, minSymbol, excludeUsername } = policy.complexity;
  const issues: string[] = [];
  if (password.length < minLength) issues.push(`at least ${minLength} characters`);
  if (minLowerCase > 0 && !/[a-z]/.test(password)) issues.push('a lowercase letter');
  if (minUpperCase > 0 && !/[A-Z]/.test(password)) issues.push('an uppercase letter');
  if (minNumber > 0 && !/\d/.test(password)) issues.push('a number');
  if (minSymbol > 0 && !/[^A-Za-z0-9]/.test(password)) issues.push('a symbol');
  if (excludeUsername) {
    const parts = user.profile.login.toLowerCase().split(/[@.+_-]/).filter((part) => part.length >= 3);
    if (parts.some((part) => password.toLowerCase().includes(part))) issues.push('no parts of your username');
  }
  return issues;
}

/**
 * The password policy's refusal of `newPassword` (complexity, history, minimum age), or undefined. The reference
 * prints E0000014 for a policy failure, Okta's catalog E0000080 (spec §6.1, §10.7): the mock answers E0000080,
 * whose summary is the catalog's; the checks accept either.
 */
export function passwordPolicyRefusal(org: AuthnOrg, user: StoredUser, newPassword: string): OktaError | undefined {
  if (org.faults.has('authn.password-policy-ignored')) return undefined;
  const policy = AUTHN_POLICIES.of(org.scope).password;
  const issues = complexityIssues(policy, user, newPassword);
  if (issues.length > 0) {
    return new OktaError(403, 'E0000080', 'The password does not meet the complexity requirements of the current password policy.', [
      `Passwords must have ${issues.join(', ')}`,
    ]);
  }
  const history = [user.password, ...(user.passwordHistory ?? [])].slice(0, policy.age.historyCount);
  if (history.some((old) => old !== null && sameSecret(old, newPassword))) {
    return new OktaError(403, 'E0000080', 'The password does not meet the complexity requirements of the current password policy.', [
      `Password has been used too recently`,
    ]);
  }
  const changedMs = user.passwordChanged === null ? undefined : Date.parse(user.passwordChanged);
  if (policy.age.minAgeMinutes > 0 && changedMs !== undefined && org.clock.now() - changedMs < policy.age.minAgeMinutes * 60_000) {
    return new OktaError(403, 'E0000080', 'The password does not meet the complexity requirements of the current password policy.', [
      `Password cannot be changed more than once every ${policy.age.minAgeMinutes} minutes`,
    ]);
  }
  return undefined;
}

/** Sets the user's password (after the policy said yes): the old one joins the history, the expiry restarts. */
export function setPassword(org: AuthnOrg, user: StoredUser, newPassword: string): void {
  if (user.password !== null) user.passwordHistory = [user.password, ...(user.passwordHistory ?? [])].slice(0, 30);
  user.password = newPassword;
  user.passwordChanged = user.lastUpdated = org.clock.iso();
  if (user.status === 'PASSWORD_EXPIRED' || user.status === 'RECOVERY' || user.status === 'PROVISIONED') {
    user.status = 'ACTIVE';
    user.statusChanged = user.lastUpdated;
  }
  clearFailedAttempts(org, user);
}
