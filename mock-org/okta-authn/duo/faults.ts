import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the Authentication API's Duo flow (web / DUO). */
export const DUO_FAULTS = [
  {
    id: 'duo.request-signed-with-wrong-key',
    description: 'the Duo sig_request is signed with the application key, so Duo refuses it',
    breaks: ['AUTHN.DUO.ENROLL.ACTIVATION'],
  },
  {
    id: 'duo.poll-success-before-callback',
    description: 'polling a Duo enrollment or challenge answers SUCCESS before Duo called back',
    breaks: ['AUTHN.DUO.ENROLL.WAITING', 'AUTHN.DUO.VERIFY.WAITING'],
  },
  {
    id: 'duo.factor-not-persisted',
    description: 'a completed Duo enrollment answers SUCCESS but the factor is not stored ACTIVE',
    breaks: ['AUTHN.DUO.ENROLL.SUCCESS'],
  },
  {
    id: 'duo.challenge-without-verification',
    description: 'a Duo challenge embeds the widget data as activation instead of verification',
    breaks: ['AUTHN.DUO.VERIFY.CHALLENGE'],
  },
  {
    id: 'duo.challenge-never-completes',
    description: 'after a good Duo callback, polling the challenge still answers WAITING',
    breaks: ['AUTHN.DUO.VERIFY.SUCCESS'],
  },
  {
    id: 'duo.signature-not-checked',
    description: "the Duo callback does not check the AUTH value's signature",
    breaks: ['AUTHN.DUO.CALLBACK.TAMPERED'],
  },
  {
    id: 'duo.app-part-not-checked',
    description: "the Duo callback does not check the APP value (its signature, and that it is this transaction's)",
    breaks: ['AUTHN.DUO.CALLBACK.TAMPERED'],
  },
  {
    id: 'duo.expired-accepted',
    description: 'the Duo callback accepts an expired sig_response',
    breaks: ['AUTHN.DUO.CALLBACK.EXPIRED'],
  },
  {
    id: 'duo.response-for-other-user-accepted',
    description: "the Duo callback takes any genuinely signed response, also one for another user or another prompt",
    breaks: ['AUTHN.DUO.CALLBACK.OTHER_USER', 'AUTHN.DUO.CALLBACK.OTHER_PROMPT'],
  },
  {
    id: 'duo.response-for-other-prompt-accepted',
    description: "the Duo callback takes the user's genuine response to another prompt (the APP value is not matched to this transaction's)",
    breaks: ['AUTHN.DUO.CALLBACK.OTHER_PROMPT'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
