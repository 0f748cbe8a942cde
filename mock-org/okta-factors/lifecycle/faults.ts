import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the factor lifecycle: reset, re-enrollment, what each status allows, the enrollment policy. */
export const LIFECYCLE_FAULTS = [
  {
    id: 'lifecycle.reset-factors-noop',
    description: 'reset_factors answers 200 but the factors stay enrolled',
    breaks: ['FACTORS.LIFECYCLE.RESET_FACTORS'],
  },
  {
    id: 'lifecycle.reenroll-replaces-active',
    description: 'enrolling a TOTP factor again replaces the active one instead of refusing',
    breaks: ['FACTORS.LIFECYCLE.ENROLL_TWICE'],
  },
  {
    id: 'lifecycle.activate-active-allowed',
    description: 'activating an already active factor is answered 200',
    breaks: ['FACTORS.LIFECYCLE.ACTIVATE_ACTIVE'],
  },
  {
    id: 'lifecycle.inactive-user-usable',
    description: "a deactivated user's factors can be enrolled, activated, verified and unenrolled",
    breaks: ['FACTORS.LIFECYCLE.INACTIVE_USER'],
  },
  {
    id: 'lifecycle.activate-query-any-kind',
    description: '`?activate=true` activates any factor type at enrollment, token:software:totp and push included',
    breaks: ['FACTORS.LIFECYCLE.ACTIVATE_QUERY'],
  },
  {
    id: 'lifecycle.verify-pending-allowed',
    description: 'a factor pending activation can be verified',
    breaks: ['FACTORS.LIFECYCLE.VERIFY_PENDING'],
  },
  {
    id: 'lifecycle.disabled-enrollable',
    description: 'factors the policy disables can still be enrolled',
    breaks: ['FACTORS.ENROLL.DISABLED'],
  },
  {
    id: 'lifecycle.reenroll-refused',
    description: 'a factor type once unenrolled cannot be enrolled again',
    breaks: ['FACTORS.LIFECYCLE.REENROLL'],
  },
  {
    id: 'lifecycle.reset-factors-link-always',
    description: 'a user with no factor publishes the resetFactors link',
    breaks: ['FACTORS.LIFECYCLE.RESET_FACTORS_LINK'],
  },
  {
    id: 'lifecycle.reset-factors-link-missing',
    description: 'a user with a factor publishes no resetFactors link',
    breaks: ['FACTORS.LIFECYCLE.RESET_FACTORS_LINK'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
