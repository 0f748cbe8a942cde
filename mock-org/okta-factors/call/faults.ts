import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';
import { channelFaults } from '../otp-activation/channel-faults.js';

/** Faults of call factors: the ones every message channel has, then its own. */
export const CALL_FAULTS = [
  ...channelFaults('call', 'voice call', {
    'accept-any-code': ['FACTORS.CALL.ACTIVATE.BAD_CODE', 'FACTORS.CALL.VERIFY.BAD_CODE'],
    'no-enroll-otp': ['FACTORS.CALL.ENROLL.PENDING'],
    'auto-activation-ignored': ['FACTORS.CALL.ENROLL.AUTO_ACTIVATE'],
    'resend-sends-nothing': ['FACTORS.CALL.RESEND'],
    'challenge-sends-nothing': ['FACTORS.CALL.CHALLENGE', 'FACTORS.CALL.VERIFY.GOOD_CODE'],
    'otp-reusable': ['FACTORS.CALL.VERIFY.REPLAY'],
    'otp-never-expires': ['FACTORS.CALL.OTP.EXPIRY'],
    'no-throttle': ['FACTORS.CALL.RATE_LIMIT'],
    'throttle-wrong-error': ['FACTORS.CALL.RATE_LIMIT'],
    'throttle-never-resets': ['FACTORS.CALL.RATE_LIMIT.RECOVERY'],
    'no-resend-link': ['FACTORS.CALL.ENROLL.LINKS'],
  }),

  {
    id: 'call.second-phone-accepted',
    description: 'a second call factor is enrolled beside an active one',
    breaks: ['FACTORS.CALL.ENROLL.EXISTING_PHONE'],
  },
  {
    id: 'call.extension-dropped',
    description: 'the call factor drops profile.phoneExtension',
    breaks: ['FACTORS.CALL.ENROLL.PENDING', 'FACTORS.CALL.CHALLENGE'],
  },
  {
    id: 'call.long-extension-accepted',
    description: 'a phoneExtension longer than 15 characters is accepted',
    breaks: ['FACTORS.CALL.ENROLL.INVALID_PHONE'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
