import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of token:software:totp. */
export const TOTP_FAULTS = [
  {
    id: 'totp.accept-any-code',
    description: 'TOTP activation and verification accept any passcode',
    breaks: ['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE'],
  },
  {
    id: 'totp.allow-replay',
    description: 'a TOTP passcode may be used again within its time window',
    breaks: ['FACTORS.TOTP.VERIFY.REPLAY'],
  },
  {
    id: 'totp.unbounded-window',
    description: 'TOTP passcodes from up to 20 minutes away are accepted',
    breaks: ['FACTORS.TOTP.VERIFY.TIME_WINDOW'],
  },
  {
    id: 'totp.enroll-fails',
    description: 'TOTP enrollment answers 500 E0000009 (every check that needs a TOTP factor is blocked)',
    breaks: ['FACTORS.TOTP.ENROLL.PENDING'],
  },
  {
    id: 'totp.pending-offers-verify',
    description: 'a TOTP factor pending activation publishes a `verify` link',
    breaks: ['FACTORS.TOTP.ENROLL.LINKS'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
