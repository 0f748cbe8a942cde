import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of RSA SecurID (token / RSA) and its simulated SecurID service. */
export const RSA_FAULTS = [
  {
    id: 'rsa.pin-appended',
    description: 'the simulated SecurID service expects the tokencode before the PIN',
    breaks: ['FACTORS.RSA.ENROLL.ACTIVE'],
  },
  {
    id: 'rsa.enroll-code-unchecked',
    description: 'RSA SecurID enrollment does not check the passcode',
    breaks: ['FACTORS.RSA.ENROLL.BAD_PASSCODE'],
  },
  {
    id: 'rsa.unknown-credential-accepted',
    description: 'a credentialId unknown to the SecurID service is enrolled',
    breaks: ['FACTORS.RSA.ENROLL.UNKNOWN_CREDENTIAL'],
  },
  {
    id: 'rsa.accept-any-code',
    description: 'RSA SecurID verification accepts any tokencode after the right PIN',
    breaks: ['FACTORS.RSA.VERIFY.BAD_CODE'],
  },
  {
    id: 'rsa.pin-not-checked',
    description: 'RSA SecurID verification ignores the PIN',
    breaks: ['FACTORS.RSA.VERIFY.WRONG_PIN'],
  },
  {
    id: 'rsa.allow-replay',
    description: 'an RSA SecurID passcode may be used again',
    breaks: ['FACTORS.RSA.VERIFY.REPLAY'],
  },
  {
    id: 'rsa.verify-pin-appended',
    description: 'verification (not enrollment) reads the passcode as tokencode then PIN, so a correct PIN + tokencode is refused',
    breaks: ['FACTORS.RSA.VERIFY.GOOD_CODE'],
  },
  {
    id: 'rsa.tokencode-alone-accepted',
    description: 'RSA SecurID verification accepts a passcode that is the tokencode alone, without the PIN',
    breaks: ['FACTORS.RSA.VERIFY.NO_PIN'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
