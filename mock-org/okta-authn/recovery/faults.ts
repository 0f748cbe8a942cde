import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of self-service recovery through the Authentication API. */
export const RECOVERY_FAULTS = [
  {
    id: 'authn.recovery-sms-not-sent',
    description: 'forgot password by SMS answers RECOVERY_CHALLENGE but sends no code',
    breaks: ['AUTHN.RECOVERY.SMS'],
  },
  {
    id: 'authn.recovery-question-skipped',
    description: 'the recovery code leads straight to PASSWORD_RESET, skipping the recovery question the policy asks for',
    breaks: ['AUTHN.RECOVERY.VERIFY'],
  },
  {
    id: 'authn.recovery-any-code',
    description: 'any recovery code is accepted',
    breaks: ['AUTHN.RECOVERY.VERIFY.BAD_CODE'],
  },
  {
    id: 'authn.recovery-resend-unthrottled',
    description: 'recovery codes can be resent without the 30-second wait',
    breaks: ['AUTHN.RECOVERY.RESEND'],
  },
  {
    id: 'authn.recovery-call-as-sms',
    description: 'forgot password by CALL sends the code by SMS',
    breaks: ['AUTHN.RECOVERY.CALL'],
  },
  {
    id: 'authn.recovery-email-state-token',
    description: 'forgot password by EMAIL answers with a stateToken (the email link must be the only way on)',
    breaks: ['AUTHN.RECOVERY.EMAIL'],
  },
  {
    id: 'authn.recovery-token-reusable',
    description: 'a recovery token can be exchanged more than once',
    breaks: ['AUTHN.RECOVERY.TOKEN.ONE_TIME'],
  },
  {
    id: 'authn.recovery-any-answer',
    description: 'any answer to the recovery question is accepted',
    breaks: ['AUTHN.RECOVERY.ANSWER'],
  },
  {
    id: 'authn.reset-password-not-stored',
    description: 'reset_password answers SUCCESS but keeps the old password',
    breaks: ['AUTHN.RECOVERY.RESET'],
  },
  {
    id: 'authn.recovery-discloses-unknown-user',
    description: "a public application's recovery for an unknown username is refused 403 E0000095 (account enumeration)",
    breaks: ['AUTHN.RECOVERY.UNKNOWN_USER'],
  },
  {
    id: 'authn.trusted-recovery-unknown-user-hidden',
    description: "a trusted application's recovery for an unknown username answers as for a known one instead of 403 E0000095",
    breaks: ['AUTHN.RECOVERY.TRUSTED'],
  },
  {
    id: 'authn.unlock-keeps-lock',
    description: 'an unlock that completes leaves the user locked out',
    breaks: ['AUTHN.UNLOCK'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
