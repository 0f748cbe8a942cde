import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const walks = feature({ family: 'okta-authn', name: 'model-based walks', suite: 'suites/okta-authn/walks' });

/** Random walks through the Authentication API's state machine, compared step by step with the transition table. */
export const WALK_REQUIREMENTS = [
  walks.must('AUTHN.WALK.MODEL', 'state machine',
    'Random sequences of Authentication API operations (allowed and forbidden, good and bad credentials, the clock moving) get, at every step, the status, error code and state that the transition table predicts.',
    authnDoc('§5.4 transition table', 'transaction-state')),
] as const;
