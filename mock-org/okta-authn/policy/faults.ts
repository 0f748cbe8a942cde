import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the password states: expiry, warning, change password, lockout, activation tokens. */
export const PASSWORD_FAULTS = [
  {
    id: 'authn.password-expiry-ignored',
    description: 'an expired password signs in with SUCCESS instead of PASSWORD_EXPIRED',
    breaks: ['AUTHN.PASSWORD.EXPIRED'],
  },
  {
    id: 'authn.password-warn-always',
    description: 'a password about to expire leads to PASSWORD_WARN even when the client did not ask to be warned',
    breaks: ['AUTHN.PASSWORD.WARN'],
  },
  {
    id: 'authn.password-change-not-stored',
    description: 'change_password answers SUCCESS but keeps the old password',
    breaks: ['AUTHN.PASSWORD.CHANGE'],
  },
  {
    id: 'authn.old-password-ignored',
    description: 'change_password accepts a wrong oldPassword',
    breaks: ['AUTHN.PASSWORD.CHANGE.OLD_PASSWORD'],
  },
  {
    id: 'authn.password-policy-ignored',
    description: 'change and reset password accept a password the policy refuses',
    breaks: ['AUTHN.PASSWORD.CHANGE.POLICY', 'AUTHN.RECOVERY.RESET'],
  },
  {
    id: 'authn.skip-refused',
    description: "PASSWORD_WARN's skip link is refused 403 E0000079",
    breaks: ['AUTHN.PASSWORD.SKIP'],
  },
  {
    id: 'authn.lockout-ignored',
    description: 'failed sign-ins never lock the user out',
    breaks: ['AUTHN.LOCKOUT'],
  },
  {
    id: 'authn.activation-token-reusable',
    description: 'an activation token signs in again after it was used',
    breaks: ['AUTHN.ACTIVATION_TOKEN'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
