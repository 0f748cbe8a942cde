import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const transaction = feature({ family: 'okta-authn', name: 'transaction', suite: 'suites/okta-authn/transaction' });

/** The Authentication API: primary authentication, the transaction and its stateToken (spec §5.1–§5.4, §5.7). */
export const TRANSACTION_REQUIREMENTS = [
  transaction.must('AUTHN.PUBLIC_CLIENT', 'public application',
    'Authentication API operations are available to public applications: requests without an API token are served.',
    authnDoc('§5 Public application', 'public-application')),
  transaction.must('AUTHN.PRIMARY.SUCCESS', 'primary authentication',
    'Primary authentication of a user with no factor to enroll or verify answers SUCCESS with a sessionToken and the user, and no stateToken.',
    authnDoc('§5.4 start → SUCCESS', 'response-example-for-primary-authentication-with-a-public-application-success')),
  transaction.must('AUTHN.PRIMARY.BAD_CREDENTIALS', 'primary authentication',
    'A wrong password, or an unknown username, is answered 401 E0000004 (the answer does not tell which).',
    authnDoc('§5.4 start → 401 E0000004', 'response-example-for-primary-authentication-with-a-public-application-invalid-credentials')),
  transaction.must('AUTHN.PRIMARY.MFA_ENROLL', 'primary authentication',
    'When the policy REQUIRES a factor the user has not enrolled, primary authentication answers MFA_ENROLL with a stateToken, its expiry, a cancel link and the factors to enroll (the required one REQUIRED, NOT_SETUP, with an enroll link).',
    authnDoc('§5.4 start → MFA_ENROLL', 'response-example-for-primary-authentication-with-a-public-application-factor-enroll')),
  transaction.must('AUTHN.PRIMARY.MFA_REQUIRED', 'primary authentication',
    'A user with an active factor must verify it: primary authentication answers MFA_REQUIRED with a stateToken and the enrolled factors, each with its id and a verify link.',
    authnDoc('§5.4 start → MFA_REQUIRED', 'response-example-for-primary-authentication-with-a-public-application-factor-challenge')),
  transaction.must('AUTHN.STATE.GET', 'get transaction state',
    'POST /api/v1/authn with only the stateToken answers the current state, changing nothing: the token stays usable for the next operation.',
    authnDoc('§5.1 A21', 'get-transaction-state')),
  transaction.must('AUTHN.STATE_TOKEN.EXPIRED', 'state token',
    'Once its expiresAt has passed, a stateToken is refused by every operation with 401 E0000011.',
    authnDoc('§5.7 stateToken', 'state-token')),
  transaction.must('AUTHN.STATE_TOKEN.SLIDING', 'state token',
    "The stateToken's lifetime slides: each request moves expiresAt forward, and a token in use stays valid past its first expiresAt.",
    authnDoc('§5.7 stateToken', 'state-token')),
  transaction.must('AUTHN.CANCEL', 'cancel',
    'Cancel (the cancel link) ends the transaction: its stateToken is revoked and refused afterwards with 401 E0000011.',
    authnDoc('§5.1 A24', 'cancel-transaction')),
  transaction.must('AUTHN.STATE.WRONG_OPERATION', 'state machine',
    'An operation not valid in the current state is refused with 403 E0000079 and the transaction stays as it was.',
    authnDoc('§5.7 state transitions', 'state-token')),
  transaction.must('AUTHN.PREVIOUS', 'previous',
    'The prev link of MFA_ENROLL_ACTIVATE goes back to MFA_ENROLL, from where a factor can be enrolled again.',
    authnDoc('§5.1 A22', 'previous-transaction-state')),
] as const;
