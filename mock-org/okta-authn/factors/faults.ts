import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the factor steps of an Authentication API transaction: enroll, activate, verify, resend (spec §5.4, §5.5). */
export const AUTHN_FACTOR_FAULTS = [
  {
    id: 'authn-factors.verify-any-passcode',
    description: 'any passCode, answer or assertion is accepted at authn verify (the factor refuses it, the transaction succeeds anyway)',
    breaks: [
      'AUTHN.TOTP.VERIFY.BAD_CODE', 'AUTHN.SMS.VERIFY.BAD_CODE', 'AUTHN.CALL.VERIFY.BAD_CODE', 'AUTHN.EMAIL.VERIFY.BAD_CODE',
      'AUTHN.QUESTION.VERIFY.BAD_ANSWER', 'AUTHN.TOKEN.VERIFY.BAD_CODE', 'AUTHN.U2F.VERIFY.BAD_ASSERTION', 'AUTHN.WEBAUTHN.VERIFY.BAD_ASSERTION',
    ],
  },
  {
    id: 'authn-factors.activate-any-passcode',
    description: 'any passCode or registration is accepted at authn activate',
    breaks: ['AUTHN.TOTP.ACTIVATE.BAD_CODE', 'AUTHN.SMS.ACTIVATE.BAD_CODE', 'AUTHN.CALL.ACTIVATE.BAD_CODE', 'AUTHN.EMAIL.ACTIVATE.BAD_CODE'],
  },
  {
    id: 'authn-factors.enroll-skips-activation',
    description: 'a factor that needs activation is ACTIVE at enrollment and the transaction answers SUCCESS',
    breaks: ['AUTHN.TOTP.ENROLL', 'AUTHN.SMS.ENROLL', 'AUTHN.CALL.ENROLL', 'AUTHN.EMAIL.ENROLL', 'AUTHN.PUSH.ENROLL', 'AUTHN.U2F.ENROLL', 'AUTHN.WEBAUTHN.ENROLL'],
  },
  {
    id: 'authn-factors.activation-not-persisted',
    description: 'a good activation answers SUCCESS but the factor stays PENDING_ACTIVATION',
    breaks: ['AUTHN.TOTP.ACTIVATE', 'AUTHN.SMS.ACTIVATE', 'AUTHN.CALL.ACTIVATE', 'AUTHN.EMAIL.ACTIVATE', 'AUTHN.PUSH.ACTIVATE', 'AUTHN.U2F.ACTIVATE', 'AUTHN.WEBAUTHN.ACTIVATE'],
  },
  {
    id: 'authn-factors.resend-link-missing',
    description: 'sms, call, email and push steps publish no resend link',
    breaks: [
      'AUTHN.SMS.RESEND', 'AUTHN.CALL.RESEND', 'AUTHN.EMAIL.RESEND', 'AUTHN.SMS.CHALLENGE', 'AUTHN.CALL.CHALLENGE', 'AUTHN.EMAIL.CHALLENGE',
      'AUTHN.SMS.CHALLENGE.RESEND', 'AUTHN.CALL.CHALLENGE.RESEND',
    ],
  },
  {
    id: 'authn-factors.challenge-resend-not-sent',
    description: 'the challenge resend (A11) answers MFA_CHALLENGE but sends no new code',
    breaks: ['AUTHN.SMS.CHALLENGE.RESEND', 'AUTHN.CALL.CHALLENGE.RESEND'],
  },
  {
    id: 'authn-factors.push-number-challenge-dropped',
    description: "a number challenge push's correctAnswer does not reach the transaction (no _embedded.factor._embedded.challenge)",
    breaks: ['AUTHN.PUSH.VERIFY.NUMBER_CHALLENGE'],
  },
  {
    id: 'authn-factors.push-poll-early-success',
    description: 'polling a push challenge answers SUCCESS before the device answered',
    breaks: ['AUTHN.PUSH.VERIFY.WAITING'],
  },
  {
    id: 'authn-factors.push-rejection-ignored',
    description: 'a push the device rejected keeps polling WAITING',
    breaks: ['AUTHN.PUSH.VERIFY.REJECTED'],
  },
  {
    id: 'authn-factors.push-timeout-waits',
    description: 'a push that timed out keeps polling WAITING',
    breaks: ['AUTHN.PUSH.VERIFY.TIMEOUT'],
  },
  {
    id: 'authn-factors.links-allow-any-method',
    description: "the factor steps' next and resend links hint GET as well as POST",
    breaks: ['AUTHN.LINKS.METHODS'],
  },
  {
    id: 'authn-factors.verified-not-completed',
    description: 'after the factor accepted the credential (or the device approved), the transaction stays where it was instead of SUCCESS',
    breaks: [
      'AUTHN.TOTP.VERIFY', 'AUTHN.SMS.VERIFY', 'AUTHN.CALL.VERIFY', 'AUTHN.EMAIL.VERIFY', 'AUTHN.QUESTION.VERIFY', 'AUTHN.TOKEN.VERIFY',
      'AUTHN.PUSH.VERIFY.SUCCESS', 'AUTHN.U2F.VERIFY', 'AUTHN.WEBAUTHN.VERIFY',
    ],
  },
  {
    id: 'authn-factors.active-enrollment-waits',
    description: 'a factor active at enrollment (question, token) still answers MFA_ENROLL_ACTIVATE',
    breaks: ['AUTHN.QUESTION.ENROLL', 'AUTHN.TOKEN.ENROLL'],
  },
  {
    id: 'authn-factors.push-send-not-delivered',
    description: 'the push activation send links (A6/A7) answer but send nothing',
    breaks: ['AUTHN.PUSH.SEND'],
  },
  {
    id: 'authn-factors.by-type-first-factor-only',
    description: "verify by factor type accepts only the user's first webauthn factor, not any enrolled one",
    breaks: ['AUTHN.WEBAUTHN.VERIFY_BY_TYPE'],
  },
  {
    id: 'authn-factors.introspect-not-served',
    description: 'POST /api/v1/authn/introspect is not served (404)',
    breaks: ['AUTHN.INTROSPECT'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
