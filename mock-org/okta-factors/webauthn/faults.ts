import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of webauthn (FIDO2) factors. */
export const WEBAUTHN_FAULTS = [
  {
    id: 'webauthn.activation-missing-rs256',
    description: 'the webauthn creation options offer no RS256 (-257) in pubKeyCredParams',
    breaks: ['FACTORS.WEBAUTHN.ENROLL.PENDING', 'FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION'],
  },
  {
    id: 'webauthn.exclude-credentials-empty',
    description: "the webauthn creation options never list the user's credentials in excludeCredentials",
    breaks: ['FACTORS.WEBAUTHN.ENROLL.EXCLUDE_CREDENTIALS', 'FACTORS.WEBAUTHN.ACTIVATE.DUPLICATE'],
  },
  {
    id: 'webauthn.duplicate-credential-accepted',
    description: 'a webauthn registration of a credential id already enrolled is accepted',
    breaks: ['FACTORS.WEBAUTHN.ACTIVATE.DUPLICATE'],
  },
  {
    id: 'webauthn.single-factor-per-user',
    description: "enrolling a webauthn factor replaces the user's other webauthn factors",
    breaks: ['FACTORS.WEBAUTHN.VERIFY.ASSERTION'],
  },
  {
    id: 'webauthn.credential-id-not-in-profile',
    description: "an active webauthn factor's profile has no credentialId",
    breaks: ['FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION'],
  },
  {
    id: 'webauthn.origin-not-checked',
    description: 'the webauthn clientData origin is not checked',
    breaks: ['FACTORS.WEBAUTHN.ORIGIN'],
  },
  {
    id: 'webauthn.foreign-rp-id-trusted',
    description: "the org's webauthn RP IDs include another one (attacker.example)",
    breaks: ['FACTORS.WEBAUTHN.RP_ID'],
  },
  {
    id: 'webauthn.challenge-not-checked',
    description: 'the webauthn clientData challenge is not compared with the one the org issued',
    breaks: ['FACTORS.WEBAUTHN.CHALLENGE_BINDING'],
  },
  {
    id: 'webauthn.challenge-reusable',
    description: 'a webauthn challenge stays valid after a successful verification',
    breaks: ['FACTORS.WEBAUTHN.CHALLENGE_BINDING'],
  },
  {
    id: 'webauthn.type-not-checked',
    description: 'the webauthn clientData type is not checked',
    breaks: ['FACTORS.WEBAUTHN.CLIENT_DATA_TYPE'],
  },
  {
    id: 'webauthn.attestation-signature-not-checked',
    description: 'webauthn registrations are accepted whatever their attestation signature',
    breaks: ['FACTORS.WEBAUTHN.SIGNATURE'],
  },
  {
    id: 'webauthn.assertion-signature-not-checked',
    description: 'webauthn assertions are accepted whatever their signature',
    breaks: ['FACTORS.WEBAUTHN.SIGNATURE'],
  },
  {
    id: 'webauthn.counter-not-checked',
    description: 'a webauthn assertion whose signCount went down is accepted',
    breaks: ['FACTORS.WEBAUTHN.COUNTER'],
  },
  {
    id: 'webauthn.user-presence-not-checked',
    description: 'webauthn registrations and assertions without the UP flag are accepted',
    breaks: ['FACTORS.WEBAUTHN.USER_PRESENCE'],
  },
  {
    id: 'webauthn.uv-ignored',
    description: 'user verification required by the webauthn policy is not enforced',
    breaks: ['FACTORS.WEBAUTHN.USER_VERIFICATION'],
  },
  {
    id: 'webauthn.any-user-credential',
    description: "a webauthn assertion made with any of the user's webauthn credentials verifies any of their webauthn factors",
    breaks: ['FACTORS.WEBAUTHN.VERIFY.BY_ID'],
  },
  {
    id: 'webauthn.challenge-without-profile',
    description: 'the webauthn challenge result has no profile (credentialId, authenticatorName)',
    breaks: ['FACTORS.WEBAUTHN.CHALLENGE'],
  },
  {
    id: 'webauthn.no-authenticator-name',
    description: 'an activated webauthn factor has no profile.authenticatorName',
    breaks: ['FACTORS.WEBAUTHN.ACTIVATE.AUTHENTICATOR_NAME'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
