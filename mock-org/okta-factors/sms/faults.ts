import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';
import { channelFaults } from '../otp-activation/channel-faults.js';

/** Faults of sms factors: the ones every message channel has, then its own. */
export const SMS_FAULTS = [
  ...channelFaults('sms', 'SMS', {
    'accept-any-code': ['FACTORS.SMS.ACTIVATE.BAD_CODE', 'FACTORS.SMS.VERIFY.BAD_CODE'],
    'no-enroll-otp': ['FACTORS.SMS.ENROLL.PENDING'],
    'auto-activation-ignored': ['FACTORS.SMS.ENROLL.AUTO_ACTIVATE'],
    'resend-sends-nothing': ['FACTORS.SMS.RESEND'],
    'challenge-sends-nothing': ['FACTORS.SMS.CHALLENGE', 'FACTORS.SMS.VERIFY.GOOD_CODE'],
    'otp-reusable': ['FACTORS.SMS.VERIFY.REPLAY'],
    'otp-never-expires': ['FACTORS.SMS.OTP.EXPIRY'],
    'no-throttle': ['FACTORS.SMS.RATE_LIMIT'],
    'throttle-wrong-error': ['FACTORS.SMS.RATE_LIMIT'],
    'throttle-never-resets': ['FACTORS.SMS.RATE_LIMIT.RECOVERY'],
    'no-resend-link': ['FACTORS.SMS.ENROLL.LINKS'],
  }),

  {
    id: 'sms.second-phone-accepted',
    description: 'a second sms factor with another number is enrolled beside an active one',
    breaks: ['FACTORS.SMS.ENROLL.EXISTING_PHONE'],
  },
  {
    id: 'sms.update-phone-active',
    description: 'updatePhone=true changes the number of an active sms factor',
    breaks: ['FACTORS.SMS.ENROLL.UPDATE_PHONE_ACTIVE'],
  },
  {
    id: 'sms.update-phone-ignored',
    description: 'updatePhone=true keeps the old number of a pending sms factor',
    breaks: ['FACTORS.SMS.ENROLL.UPDATE_PHONE'],
  },
  {
    id: 'sms.reuse-phone-refused',
    description: 'enrolling sms without a number is refused even though the user has a phone',
    breaks: ['FACTORS.SMS.ENROLL.REUSE_PHONE'],
  },
  {
    id: 'sms.strict-e164',
    description: 'sms numbers in the documented grouped form (+1-555-415-1337) are refused',
    breaks: ['FACTORS.SMS.ENROLL.PHONE_FORMAT'],
  },
  {
    id: 'sms.accept-bad-number',
    description: 'any text is accepted as an sms phone number',
    breaks: ['FACTORS.SMS.ENROLL.INVALID_PHONE'],
  },
  {
    id: 'sms.resend-ignores-language',
    description: 'a resent SMS ignores Accept-Language (rendered in English)',
    breaks: ['FACTORS.SMS.RESEND.TEMPLATE'],
  },
  {
    id: 'sms.unknown-template-error',
    description: 'an unknown templateId is refused instead of falling back to the default template',
    breaks: ['FACTORS.SMS.RESEND.TEMPLATE', 'FACTORS.SMS.ENROLL.TEMPLATE', 'FACTORS.SMS.CHALLENGE.TEMPLATE'],
  },
  {
    id: 'sms.enroll-ignores-language',
    description: 'the enrollment SMS ignores Accept-Language (rendered in English); resends honour it',
    breaks: ['FACTORS.SMS.ENROLL.TEMPLATE'],
  },
  {
    id: 'sms.challenge-ignores-language',
    description: 'a challenge SMS ignores Accept-Language (rendered in English); enrollment and resends honour it',
    breaks: ['FACTORS.SMS.CHALLENGE.TEMPLATE'],
  },
  {
    id: 'sms.remove-recovery-unchecked',
    description: 'DELETE with a removeRecoveryEnrollment that is not a boolean unenrolls anyway',
    breaks: ['FACTORS.SMS.UNENROLL.RECOVERY_PARAM'],
  },
  {
    id: 'sms.challenge-no-phone',
    description: 'the sms CHALLENGE result has no profile.phoneNumber',
    breaks: ['FACTORS.SMS.CHALLENGE'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
