import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of u2f (FIDO U2F) factors. */
export const U2F_FAULTS = [
  {
    id: 'u2f.activation-without-nonce',
    description: 'the u2f activation object carries no nonce',
    breaks: ['FACTORS.U2F.ENROLL.PENDING'],
  },
  {
    id: 'u2f.credential-id-not-key-handle',
    description: "an active u2f factor's profile.credentialId is the key handle in hex, not the websafe base64 the U2F API takes",
    breaks: ['FACTORS.U2F.ACTIVATE.REGISTRATION', 'FACTORS.U2F.CHALLENGE', 'FACTORS.U2F.VERIFY.ASSERTION'],
  },
  {
    id: 'u2f.registration-signature-not-checked',
    description: 'u2f registrations are accepted whatever their attestation signature',
    breaks: ['FACTORS.U2F.SIGNATURE'],
  },
  {
    id: 'u2f.signature-not-checked',
    description: 'u2f assertions are accepted whatever their signature',
    breaks: ['FACTORS.U2F.SIGNATURE'],
  },
  {
    id: 'u2f.key-of-any-user-accepted',
    description: 'a u2f assertion signed by a key registered to any user of the org is accepted',
    breaks: ['FACTORS.U2F.SIGNATURE'],
  },
  {
    id: 'u2f.challenge-not-checked',
    description: 'the u2f clientData challenge is not compared with the nonce the org issued',
    breaks: ['FACTORS.U2F.NONCE'],
  },
  {
    id: 'u2f.nonce-reusable',
    description: 'a u2f challenge nonce stays valid after a successful verification',
    breaks: ['FACTORS.U2F.NONCE'],
  },
  {
    id: 'u2f.foreign-app-id-trusted',
    description: "the org's trusted u2f appIds include another origin (https://attacker.example)",
    breaks: ['FACTORS.U2F.APP_ID'],
  },
  {
    id: 'u2f.origin-not-checked',
    description: 'the u2f clientData origin is not compared with the appId',
    breaks: ['FACTORS.U2F.CLIENT_DATA'],
  },
  {
    id: 'u2f.typ-not-checked',
    description: 'the u2f clientData typ is not checked',
    breaks: ['FACTORS.U2F.CLIENT_DATA'],
  },
  {
    id: 'u2f.counter-not-checked',
    description: 'a u2f assertion whose counter is not above the last one is accepted',
    breaks: ['FACTORS.U2F.COUNTER'],
  },
  {
    id: 'u2f.user-presence-not-checked',
    description: 'a u2f assertion without the user presence bit is accepted',
    breaks: ['FACTORS.U2F.USER_PRESENCE'],
  },
  {
    id: 'u2f.challenge-without-profile',
    description: 'the u2f challenge result has no profile (credentialId, version)',
    breaks: ['FACTORS.U2F.CHALLENGE'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
