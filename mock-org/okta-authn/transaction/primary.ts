import { authenticationFailed, invalidAuthnState, notFound, validationFailed } from '../../core/errors.js';
import { optionalObject, optionalString, requiredString, type JsonObject } from '../../core/input.js';
import type { AuthnOrg } from '../flow.js';
import type { StoredUser } from '../../okta-factors/store.js';
import type { AuthnStatus, TransactionExtras } from '../transactions.js';
import { clearFailedAttempts, recordFailedAttempt, sameSecret, throttleUser } from '../policy/accounts.js';
import { AUTHN_POLICIES } from '../policy/policies.js';
import { passwordState, requiredFactorsMissing } from './after-mfa.js';

/** Longest username and password read (Okta's login is at most 100 characters; passwords are longer). */
const MAX_USERNAME_LENGTH = 256;
const MAX_PASSWORD_LENGTH = 1024;
/** `context.deviceToken`: at most 32 characters (spec §5.7). */
const MAX_DEVICE_TOKEN_LENGTH = 32;
/** `relayState`: at most 2048 characters ([A-old]). */
export const MAX_RELAY_STATE_LENGTH = 2048;

/** What primary authentication decided: SUCCESS at once, LOCKED_OUT (no transaction), or the transaction state to start. */
export interface PrimaryOutcome {
  user: StoredUser;
  status: AuthnStatus;
  extras: TransactionExtras;
}

function optionalBoolean(obj: JsonObject | undefined, key: string): boolean | undefined {
  const value = obj?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validationFailed('authRequest', [`${key}: must be a boolean`]);
  return value;
}

/** A1's `options`, `context` and `relayState` (spec §5.1): read and checked for their types whatever the path. */
function readRequestOptions(org: AuthnOrg, body: JsonObject): TransactionExtras {
  const options = optionalObject(body, 'options', 'authRequest');
  const context = optionalObject(body, 'context', 'authRequest');
  // deviceToken is a trusted application's (ignored without an API token), checked for its shape either way.
  const deviceToken = context && optionalString(context, 'deviceToken', { maxLength: MAX_DEVICE_TOKEN_LENGTH, subject: 'authRequest', path: 'context.deviceToken' });
  if (deviceToken !== undefined && org.faults.has('authn.trusted-context-refused')) throw validationFailed('authRequest', ['context.deviceToken: not allowed']);
  const relayState = optionalString(body, 'relayState', { maxLength: MAX_RELAY_STATE_LENGTH, subject: 'authRequest' });
  const warnBeforePasswordExpired = optionalBoolean(options, 'warnBeforePasswordExpired');
  const multiOptionalFactorEnroll = optionalBoolean(options, 'multiOptionalFactorEnroll');
  return {
    ...(warnBeforePasswordExpired !== undefined ? { warnBeforePasswordExpired } : {}),
    ...(multiOptionalFactorEnroll !== undefined ? { multiOptionalFactorEnroll } : {}),
    ...(relayState !== undefined ? { relayState } : {}),
  };
}

/** The state an authenticated user's transaction starts in: MFA first, then enrollment, then the password states. */
function stateAfterPrimary(org: AuthnOrg, user: StoredUser, extras: TransactionExtras): AuthnStatus {
  const hasActiveFactor = org.store.factorsOf(user.id).some((f) => f.status === 'ACTIVE');
  const mfaRequired = AUTHN_POLICIES.of(org.scope).signOn.mfa === 'REQUIRED' || org.faults.has('authn.sign-on-policy-ignored');
  if (hasActiveFactor && mfaRequired && !org.faults.has('authn.mfa-not-required')) return 'MFA_REQUIRED';
  if (requiredFactorsMissing(org, user) && !org.faults.has('authn.enrollment-policy-ignored')) return 'MFA_ENROLL';
  return passwordState(org, user, extras.warnBeforePasswordExpired === true) ?? 'SUCCESS';
}

/**
 * A1 with credentials or an activation token (spec §5.1, §5.4). Bad credentials, an unknown user and a user who
 * cannot sign in all look the same: 401 E0000004, so the answer never tells whether the username exists. A user
 * the policy locked out is LOCKED_OUT only when the policy shows lockout failures; otherwise 401 E0000004 too.
 */
export function primaryAuthentication(org: AuthnOrg, body: JsonObject): PrimaryOutcome {
  const extras = readRequestOptions(org, body);
  if (body.token !== undefined) return activationTokenAuthentication(org, body, extras);
  const username = requiredString(body, 'username', { maxLength: MAX_USERNAME_LENGTH, subject: 'authRequest' });
  const password = requiredString(body, 'password', { maxLength: MAX_PASSWORD_LENGTH, subject: 'authRequest' });
  throttleUser(org, username);

  const user = org.store.findUser(username);
  if (!user && org.faults.has('authn.unknown-user-disclosed')) throw notFound(`Resource not found: ${username} (User)`);
  if (!user || !['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT'].includes(user.status) || user.profile.login.toLowerCase() !== username.toLowerCase()) {
    throw authenticationFailed();
  }
  const showLockout = AUTHN_POLICIES.of(org.scope).password.lockout.showLockoutFailures;
  if (user.status === 'LOCKED_OUT') {
    if (showLockout) return { user, status: 'LOCKED_OUT', extras };
    throw authenticationFailed();
  }
  const passwordOk = user.password != null && sameSecret(user.password, password);
  if (!passwordOk && !org.faults.has('authn.bad-credentials-accepted')) {
    const locked = recordFailedAttempt(org, user);
    if (locked && showLockout) return { user, status: 'LOCKED_OUT', extras };
    throw authenticationFailed();
  }
  clearFailedAttempts(org, user);
  return { user, status: stateAfterPrimary(org, user, extras), extras };
}

/**
 * A1 with an activation token (`lifecycle/activate?sendEmail=false` issued it): the token is spent; a user with a
 * password goes on as after primary authentication, one without sets a password first (PASSWORD_RESET,
 * recoveryType ACCOUNT_ACTIVATION). An unknown, spent or malformed token is 401 E0000004 (spec §5.4).
 */
function activationTokenAuthentication(org: AuthnOrg, body: JsonObject, extras: TransactionExtras): PrimaryOutcome {
  const token = requiredString(body, 'token', { maxLength: MAX_PASSWORD_LENGTH, subject: 'authRequest' });
  const user = [...org.store.users.values()].find((u) => u.activationToken !== undefined && sameSecret(u.activationToken, token));
  if (!user) throw authenticationFailed();
  if (!org.faults.has('authn.activation-token-reusable')) delete user.activationToken;
  if (user.password === null) return { user, status: 'PASSWORD_RESET', extras: { ...extras, recoveryType: 'ACCOUNT_ACTIVATION' } };
  if (user.status === 'PROVISIONED') {
    user.status = 'ACTIVE';
    user.statusChanged = user.lastUpdated = org.clock.iso();
  }
  return { user, status: stateAfterPrimary(org, user, extras), extras };
}

/** A1 with a stateToken and credentials is step-up primary authentication, valid only in UNAUTHENTICATED (never reached here). */
export function refuseStepUp(body: JsonObject): void {
  if (body.username !== undefined || body.password !== undefined) throw invalidAuthnState();
}
