import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the activation-attempt limit the OTP factors share. */
export const OTP_ACTIVATION_FAULTS = [
  {
    id: 'otp-activation.unlimited',
    description: 'OTP factor activation attempts are not limited',
    breaks: ['FACTORS.OTP_ACTIVATION.RATE_LIMIT'],
  },
  {
    id: 'otp-activation.totp-exempt',
    description: 'token:software:totp activation attempts are not counted',
    breaks: ['FACTORS.OTP_ACTIVATION.RATE_LIMIT'],
  },
  {
    id: 'otp-activation.wrong-error',
    description: 'too many activation attempts are answered 403 E0000068 instead of 429 E0000047',
    breaks: ['FACTORS.OTP_ACTIVATION.RATE_LIMIT'],
  },
  {
    id: 'otp-activation.resend-allowed',
    description: 'resend still works once the activation attempts are used up',
    breaks: ['FACTORS.OTP_ACTIVATION.RESEND_REFUSED'],
  },
  {
    id: 'otp-activation.never-recovers',
    description: 'the activation-attempt window lasts a day instead of five minutes',
    breaks: ['FACTORS.OTP_ACTIVATION.RECOVERY'],
  },
  {
    id: 'otp-activation.per-factor',
    description: 'activation attempts are counted per factor, not per user: two pending factors give the user ten attempts',
    breaks: ['FACTORS.OTP_ACTIVATION.PER_USER'],
  },
  {
    id: 'otp-activation.per-org',
    description: "activation attempts are counted for the whole org: one user's wrong codes lock every user out",
    breaks: ['FACTORS.OTP_ACTIVATION.PER_USER'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
