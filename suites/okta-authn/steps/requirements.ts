import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const steps = feature({ family: 'okta-authn', name: 'factor steps', suite: 'suites/okta-authn/steps' });

/** What every factor step of a transaction shares (spec §5.2). */
export const AUTHN_STEPS_REQUIREMENTS = [
  steps.must('AUTHN.LINKS.METHODS', 'links',
    "Every link a transaction publishes while a factor is enrolled, activated or verified (next, prev, cancel, resend, the factors' enroll and verify) carries hints.allow with exactly the one method it takes, POST.",
    authnDoc('§5.2 _links', 'links-object')),
  steps.must('AUTHN.INTROSPECT', 'get transaction state',
    'POST /api/v1/authn/introspect with the stateToken answers the current transaction and changes nothing (what Okta Auth JS tx.introspect() and resume call).',
    authnDoc('§5.1 A21 (introspect)', 'get-transaction-state')),
] as const;
