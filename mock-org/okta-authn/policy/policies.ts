import { OrgState } from '../../core/org-state.js';
import type { ControlPasswordPolicy, ControlPasswordPolicyChange, ControlSignOnPolicy } from '../../../schemas/control/operations.js';

/**
 * The org's password policy and sign-on policy as the Authentication API applies them (spec §5.2 Password policy
 * object, §5.4), set through the control protocol's `password-policy` / `sign-on-policy` operations.
 * Defaults follow Okta's default password policy: 8 characters, a lower-case and an upper-case letter, a number,
 * no part of the username; no expiry; lockout after 10 attempts, not shown (401 E0000004); recovery by email and SMS.
 */
export type PasswordPolicy = ControlPasswordPolicy;
export type SignOnPolicy = ControlSignOnPolicy;

const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  complexity: { minLength: 8, minLowerCase: 1, minUpperCase: 1, minNumber: 1, minSymbol: 0, excludeUsername: true },
  age: { minAgeMinutes: 0, historyCount: 0 },
  expiration: { passwordExpireDays: 0, expireWarnDays: 0 },
  lockout: { maxAttempts: 10, showLockoutFailures: false },
  recovery: { email: true, sms: true, call: false, question: true },
};

const DEFAULT_SIGN_ON_POLICY: SignOnPolicy = { mfa: 'REQUIRED' };

class AuthnPolicies {
  password: PasswordPolicy = structuredClone(DEFAULT_PASSWORD_POLICY);
  signOn: SignOnPolicy = { ...DEFAULT_SIGN_ON_POLICY };

  /** Changes the sections given (each section as a whole merged over the current one). */
  setPassword(changes: ControlPasswordPolicyChange): PasswordPolicy {
    const next = structuredClone(this.password);
    for (const key of Object.keys(changes) as (keyof PasswordPolicy)[]) Object.assign(next[key], changes[key]);
    this.password = next;
    return this.password;
  }

  setSignOn(policy: SignOnPolicy): SignOnPolicy {
    this.signOn = { ...policy };
    return this.signOn;
  }

  reset(): void {
    this.password = structuredClone(DEFAULT_PASSWORD_POLICY);
    this.signOn = { ...DEFAULT_SIGN_ON_POLICY };
  }
}

/** The org's password and sign-on policies; back to the defaults on reset. */
export const AUTHN_POLICIES = new OrgState(() => new AuthnPolicies(), (policies) => policies.reset());

/** The Password policy object a transaction embeds in PASSWORD_WARN / PASSWORD_EXPIRED / PASSWORD_RESET (spec §5.2). */
export function presentPasswordPolicy(policy: PasswordPolicy): Record<string, unknown> {
  return {
    expiration: { passwordExpireDays: policy.expiration.passwordExpireDays },
    complexity: { ...policy.complexity },
    age: { ...policy.age },
  };
}
