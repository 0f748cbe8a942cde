import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';
import { channelFaults } from '../otp-activation/channel-faults.js';

/** Faults of email factors: the ones every message channel has, then its own. */
export const EMAIL_FAULTS = [
  ...channelFaults('email', 'email', {
    'accept-any-code': ['FACTORS.EMAIL.ACTIVATE.BAD_CODE', 'FACTORS.EMAIL.VERIFY.BAD_CODE'],
    'no-enroll-otp': ['FACTORS.EMAIL.ENROLL.PENDING'],
    'auto-activation-ignored': ['FACTORS.EMAIL.ENROLL.AUTO_ACTIVATE'],
    'resend-sends-nothing': ['FACTORS.EMAIL.RESEND'],
    'challenge-sends-nothing': ['FACTORS.EMAIL.CHALLENGE', 'FACTORS.EMAIL.VERIFY.GOOD_CODE'],
    'otp-reusable': ['FACTORS.EMAIL.VERIFY.REPLAY'],
    'otp-never-expires': ['FACTORS.EMAIL.LIFETIME.DEFAULT', 'FACTORS.EMAIL.LIFETIME.ENROLL', 'FACTORS.EMAIL.LIFETIME.CHALLENGE'],
    'no-throttle': ['FACTORS.EMAIL.RATE_LIMIT'],
    'throttle-wrong-error': ['FACTORS.EMAIL.RATE_LIMIT'],
    'throttle-never-resets': ['FACTORS.EMAIL.RATE_LIMIT.RECOVERY'],
    'no-resend-link': ['FACTORS.EMAIL.ENROLL.LINKS'],
  }),

  {
    id: 'email.any-address',
    description: 'an email factor can be enrolled for any address, not only the verified ones of the user',
    breaks: ['FACTORS.EMAIL.ENROLL.UNVERIFIED_ADDRESS'],
  },
  {
    id: 'email.lifetime-ignored',
    description: 'tokenLifetimeSeconds is ignored: email codes always live 300 s',
    breaks: ['FACTORS.EMAIL.LIFETIME.ENROLL', 'FACTORS.EMAIL.LIFETIME.CHALLENGE'],
  },
  {
    id: 'email.default-lifetime-wrong',
    description: 'email codes live 600 s by default instead of 300 s',
    breaks: ['FACTORS.EMAIL.LIFETIME.DEFAULT'],
  },
  {
    id: 'email.lifetime-unvalidated',
    description: 'a tokenLifetimeSeconds out of range or not an integer falls back to the default instead of 400',
    breaks: ['FACTORS.EMAIL.LIFETIME.RANGE'],
  },
  {
    id: 'email.lifetime-bounds-exclusive',
    description: 'tokenLifetimeSeconds of exactly 1 or 86400 (the documented bounds) is refused, as if the range were open',
    breaks: ['FACTORS.EMAIL.LIFETIME.BOUNDS'],
  },
  {
    id: 'email.secondary-refused',
    description: "only the user's primary address can be enrolled; the verified secondary address is refused",
    breaks: ['FACTORS.EMAIL.ENROLL.SECONDARY'],
  },
  {
    id: 'email.activation-code-kept',
    description: 'the enrollment code stays valid after it activated the factor: it verifies the active factor once more',
    breaks: ['FACTORS.EMAIL.ACTIVATE.CODE_SPENT'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
