import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const recovery = feature({ family: 'okta-authn', name: 'recovery', suite: 'suites/okta-authn/recovery' });

/** Self-service recovery through the Authentication API (spec §5.1 A12–A20, §5.4). */
export const RECOVERY_REQUIREMENTS = [
  recovery.must('AUTHN.RECOVERY.SMS', 'forgot password',
    'Forgot password by SMS answers RECOVERY_CHALLENGE with a stateToken, factorType SMS, a verify next link, a resend link and cancel; the code goes to the phone.',
    authnDoc('§5.1 A12', 'forgot-password')),
  recovery.must('AUTHN.RECOVERY.VERIFY', 'recovery challenge',
    'The right recovery code moves RECOVERY_CHALLENGE to RECOVERY, which shows the recovery question and an answer link.',
    authnDoc('§5.1 A14', 'verify-sms-recovery-factor')),
  recovery.must('AUTHN.RECOVERY.VERIFY.BAD_CODE', 'recovery challenge',
    'A wrong recovery code is refused 403 E0000068 and the transaction stays RECOVERY_CHALLENGE.',
    authnDoc('§6.1 E0000068', 'verify-sms-recovery-factor')),
  recovery.must('AUTHN.RECOVERY.RESEND', 'recovery challenge',
    'Resend sends a new recovery code and the transaction stays RECOVERY_CHALLENGE; a second resend within 30 seconds is refused 429.',
    authnDoc('§5.1 A15', 'resend-sms-recovery-challenge')),
  recovery.must('AUTHN.RECOVERY.CALL', 'forgot password',
    'Forgot password by CALL (where the policy allows it) answers RECOVERY_CHALLENGE with factorType CALL; the code goes by voice call and verifies.',
    authnDoc('§5.1 A12, A16', 'forgot-password')),
  recovery.must('AUTHN.RECOVERY.EMAIL', 'forgot password',
    'Forgot password by EMAIL answers RECOVERY_CHALLENGE, factorResult WAITING, with no stateToken; the email carries a recovery token, which A18 exchanges for RECOVERY.',
    authnDoc('§5.4 A12 with EMAIL', 'forgot-password')),
  recovery.must('AUTHN.RECOVERY.TOKEN.ONE_TIME', 'recovery token',
    'A recovery token is one-time: exchanged twice, the second is refused 401 E0000011, as is an unknown one.',
    authnDoc('§5.7 recoveryToken', 'verify-recovery-token')),
  recovery.must('AUTHN.RECOVERY.ANSWER', 'recovery question',
    'The right answer to the recovery question moves RECOVERY to PASSWORD_RESET with the password policy; a wrong one is refused 403 E0000087, the state unchanged.',
    authnDoc('§5.1 A19', 'answer-recovery-question')),
  recovery.must('AUTHN.RECOVERY.RESET', 'reset password',
    'reset_password in PASSWORD_RESET ends with SUCCESS; the new password signs in, the old one does not; a password the policy refuses is 403 (E0000014 or E0000080), the state unchanged.',
    authnDoc('§5.1 A20', 'reset-password')),
  recovery.must('AUTHN.RECOVERY.UNKNOWN_USER', 'forgot password',
    "A public application's recovery for an unknown username is answered as for a known one (RECOVERY_CHALLENGE): the answer does not tell whether the user exists.",
    authnDoc('§5.4 public application: always a recovery transaction', 'forgot-password')),
  recovery.must('AUTHN.RECOVERY.TRUSTED', 'forgot password',
    'A trusted application (API token) without factorType gets RECOVERY with the recoveryToken and a next link to exchange it; an unknown username is refused 403 E0000095.',
    authnDoc('§5.4 trusted application recovery', 'forgot-password-with-trusted-application')),
  recovery.must('AUTHN.UNLOCK', 'unlock',
    'A locked-out user unlocks by SMS: RECOVERY_CHALLENGE, the code, the recovery question, and the user signs in again with the password.',
    authnDoc('§5.1 A13', 'unlock-account')),
] as const;
