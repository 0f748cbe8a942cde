import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the Authentication API: transactions, stateTokens, primary authentication. */
export const TRANSACTION_FAULTS = [
  {
    id: 'authn.requires-api-token',
    description: 'Authentication API calls without an API token are refused 401 (public applications cannot sign in)',
    breaks: ['AUTHN.PUBLIC_CLIENT'],
  },
  {
    id: 'authn.bad-credentials-accepted',
    description: 'primary authentication accepts a wrong password',
    breaks: ['AUTHN.PRIMARY.BAD_CREDENTIALS'],
  },
  {
    id: 'authn.unknown-user-disclosed',
    description: 'primary authentication answers 404 for an unknown username instead of 401 E0000004',
    breaks: ['AUTHN.PRIMARY.BAD_CREDENTIALS'],
  },
  {
    id: 'authn.session-token-missing',
    description: 'a SUCCESS transaction carries no sessionToken',
    breaks: ['AUTHN.PRIMARY.SUCCESS', 'AUTHN.DUO.ENROLL.SUCCESS', 'AUTHN.DUO.VERIFY.SUCCESS'],
  },
  {
    id: 'authn.enrollment-policy-ignored',
    description: 'a user without factors signs in (SUCCESS) although the policy REQUIRES a factor',
    breaks: ['AUTHN.PRIMARY.MFA_ENROLL'],
  },
  {
    id: 'authn.mfa-not-required',
    description: 'a user with an active factor signs in (SUCCESS) without verifying it',
    breaks: ['AUTHN.PRIMARY.MFA_REQUIRED'],
  },
  {
    id: 'authn.get-state-revokes',
    description: 'getting the transaction state answers it but revokes the stateToken',
    breaks: ['AUTHN.STATE.GET'],
  },
  {
    id: 'authn.state-token-never-expires',
    description: 'an expired stateToken is still accepted',
    breaks: ['AUTHN.STATE_TOKEN.EXPIRED'],
  },
  {
    id: 'authn.expiry-not-sliding',
    description: 'requests do not extend the stateToken: it expires a fixed time after the transaction started',
    breaks: ['AUTHN.STATE_TOKEN.SLIDING'],
  },
  {
    id: 'authn.cancel-ignored',
    description: 'cancel answers 200 but the stateToken stays valid',
    breaks: ['AUTHN.CANCEL'],
  },
  {
    id: 'authn.wrong-state-allowed',
    description: 'operations not valid in the current transaction state are carried out instead of 403 E0000079',
    breaks: ['AUTHN.STATE.WRONG_OPERATION', 'AUTHN.STATE.FORBIDDEN_CELLS', 'AUTHN.WALK.MODEL'],
  },
  {
    id: 'authn.previous-ignored',
    description: 'previous answers 200 but the transaction stays in its state',
    breaks: ['AUTHN.PREVIOUS'],
  },
  {
    id: 'authn.previous-refused-in-challenge',
    description: 'previous in MFA_CHALLENGE is refused 403 E0000079 although the state publishes a prev link',
    breaks: ['AUTHN.PREVIOUS.CHALLENGE'],
  },
  {
    id: 'authn.state-token-alive-after-success',
    description: 'the stateToken of a transaction that reached SUCCESS is still accepted',
    breaks: ['AUTHN.SUCCESS.STATE_TOKEN_SPENT'],
  },
  {
    id: 'authn.session-token-reused',
    description: 'every SUCCESS carries the same sessionToken',
    breaks: ['AUTHN.SESSION_TOKEN.ONE_TIME'],
  },
  {
    id: 'authn.no-user-rate-limit',
    description: 'authentication requests for one user are never rate-limited',
    breaks: ['AUTHN.RATE_LIMIT.USER'],
  },
  {
    id: 'authn.trusted-context-refused',
    description: "a trusted application's primary authentication with a device token or X-Device-Fingerprint is refused 400",
    breaks: ['AUTHN.PRIMARY.TRUSTED_CONTEXT'],
  },
  {
    id: 'authn.relay-state-dropped',
    description: 'relayState given to primary authentication does not come back',
    breaks: ['AUTHN.PRIMARY.RELAY_STATE'],
  },
  {
    id: 'authn.sign-on-policy-ignored',
    description: 'users with an active factor must verify it even when the sign-on policy does not require MFA',
    breaks: ['AUTHN.SIGN_ON.MFA_NOT_REQUIRED'],
  },
  {
    id: 'authn.multi-optional-ignored',
    description: 'multiOptionalFactorEnroll is ignored: enrolling the required factor ends the transaction with SUCCESS',
    breaks: ['AUTHN.MFA_ENROLL.SKIP'],
  },
  {
    id: 'authn.skip-without-link',
    description: 'skip is carried out (SUCCESS) in any state, also where no skip link is published',
    breaks: ['AUTHN.SKIP.UNPUBLISHED'],
  },
  {
    id: 'authn.step-up-ignores-password',
    description: 'step-up primary authentication accepts any password for a known username',
    breaks: ['AUTHN.STEP_UP'],
  },
  {
    id: 'authn.reset-password-in-recovery',
    description: 'reset_password is carried out in RECOVERY, before the recovery question is answered',
    breaks: ['AUTHN.STATE.FORBIDDEN_CELLS'],
  },
  {
    id: 'authn.get-state-in-recovery-refused',
    description: 'get-state is refused 403 E0000079 in the password, recovery and step-up states',
    breaks: ['AUTHN.STATE.GET_EVERY_STATE'],
  },
  {
    id: 'authn.cancel-refused-in-password-states',
    description: 'cancel is refused 403 E0000079 in the password, recovery and step-up states',
    breaks: ['AUTHN.CANCEL.EVERY_STATE'],
  },
  {
    id: 'authn.disabled-factor-listed',
    description: 'MFA_ENROLL lists the factors the policy DISABLES too',
    breaks: ['AUTHN.MFA_ENROLL.DISABLED_FACTOR'],
  },
  {
    id: 'authn.disabled-factor-enrollable',
    description: 'a factor the policy DISABLES is enrolled through the transaction (MFA_ENROLL_ACTIVATE)',
    breaks: ['AUTHN.MFA_ENROLL.DISABLED_FACTOR'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
