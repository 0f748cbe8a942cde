import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const password = feature({ family: 'okta-authn', name: 'password', suite: 'suites/okta-authn/password' });

/** Password states of the Authentication API: expiry, its warning, change password, lockout, activation tokens (spec §5.1–§5.4). */
export const PASSWORD_REQUIREMENTS = [
  password.must('AUTHN.PASSWORD.EXPIRED', 'password expired',
    'A user whose password has expired signs in to PASSWORD_EXPIRED: a stateToken, the password policy, a next link changePassword and no skip link.',
    authnDoc('§5.3 PASSWORD_EXPIRED', 'response-example-for-expired-password')),
  password.must('AUTHN.PASSWORD.WARN', 'password warning',
    'A password about to expire leads to PASSWORD_WARN (next changePassword, a skip link) only when the client asks with warnBeforePasswordExpired; otherwise to SUCCESS.',
    authnDoc('§5.3 PASSWORD_WARN', 'response-example-for-password-expiration-warning')),
  password.must('AUTHN.PASSWORD.CHANGE', 'change password',
    'change_password with the old and a new password ends the transaction with SUCCESS; the new password signs in, the old one no longer does.',
    authnDoc('§5.1 A2', 'change-password')),
  password.must('AUTHN.PASSWORD.CHANGE.OLD_PASSWORD', 'change password',
    'change_password with a wrong oldPassword is refused 403 E0000014 and the transaction stays as it was.',
    authnDoc('§6.1 E0000014', 'change-password')),
  password.must('AUTHN.PASSWORD.CHANGE.POLICY', 'change password',
    "A new password that breaks the password policy's complexity is refused 403 (E0000014 as the reference prints, or E0000080 as the catalog says) and the transaction stays as it was.",
    authnDoc('§6.1 E0000014 / E0000080', 'change-password')),
  password.must('AUTHN.PASSWORD.SKIP', 'skip',
    "PASSWORD_WARN's skip link ends the transaction with SUCCESS and a sessionToken, the password unchanged.",
    authnDoc('§5.1 A23', 'skip-transaction-step')),
  password.must('AUTHN.LOCKOUT', 'lockout',
    'After the policy\'s number of failed sign-ins the user is locked out: when the policy shows lockout failures primary authentication answers LOCKED_OUT with an unlock link and no stateToken, even with the right password; otherwise 401 E0000004.',
    authnDoc('§5.3 LOCKED_OUT', 'response-example-for-locked-out-user')),
  password.must('AUTHN.ACTIVATION_TOKEN', 'activation token',
    'Primary authentication with an activation token of a user without a password answers PASSWORD_RESET (recoveryType ACCOUNT_ACTIVATION); the new password signs in; the token is one-time (401 E0000004 after).',
    authnDoc('§5.4 start → activation token', 'primary-authentication-with-activation-token')),
] as const;
