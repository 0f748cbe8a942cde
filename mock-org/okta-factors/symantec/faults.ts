import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of Symantec VIP (token / SYMANTEC) and its simulated VIP service. */
export const SYMANTEC_FAULTS = [
  {
    id: 'symantec.credential-id-dropped',
    description: 'a Symantec VIP factor is returned without profile.credentialId',
    breaks: ['FACTORS.SYMANTEC.ENROLL.ACTIVE'],
  },
  {
    id: 'symantec.service-clock-behind',
    description: "the simulated VIP service's clock runs two minutes behind, so current passcodes are refused",
    breaks: ['FACTORS.SYMANTEC.ENROLL.ACTIVE'],
  },
  {
    id: 'symantec.accept-one-passcode',
    description: 'Symantec VIP enrollment accepts a passCode without nextPassCode',
    breaks: ['FACTORS.SYMANTEC.ENROLL.BOTH_PASSCODES'],
  },
  {
    id: 'symantec.enroll-codes-unchecked',
    description: 'Symantec VIP enrollment does not check the passcodes',
    breaks: ['FACTORS.SYMANTEC.ENROLL.BAD_PASSCODES'],
  },
  {
    id: 'symantec.unknown-credential-accepted',
    description: 'a credentialId unknown to the VIP service is enrolled',
    breaks: ['FACTORS.SYMANTEC.ENROLL.UNKNOWN_CREDENTIAL'],
  },
  {
    id: 'symantec.accept-any-code',
    description: 'Symantec VIP verification accepts any passcode',
    breaks: ['FACTORS.SYMANTEC.VERIFY.BAD_CODE'],
  },
  {
    id: 'symantec.allow-replay',
    description: 'a Symantec VIP passcode may be used again',
    breaks: ['FACTORS.SYMANTEC.VERIFY.REPLAY'],
  },
  {
    id: 'symantec.verify-clock-behind',
    description: 'verification (not enrollment) checks passcodes against a VIP service clock two minutes behind, so current passcodes are refused',
    breaks: ['FACTORS.SYMANTEC.VERIFY.GOOD_CODE'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
