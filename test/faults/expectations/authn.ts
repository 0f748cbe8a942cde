import type { AUTHN_FAULTS } from '../../../mock-org/okta-authn/faults.js';
import type { FaultExpectation } from './types.js';

const TRANSACTION = 'suites/okta-authn/transaction/transaction.test.ts';
const DUO = 'suites/okta-authn/duo/duo.test.ts';

const caughtBy = (files: string[], ...failing: string[]): FaultExpectation => ({ files, failing });

export const AUTHN_EXPECTATIONS: Record<(typeof AUTHN_FAULTS)[number]['id'], FaultExpectation> = {
  'authn.requires-api-token': caughtBy([TRANSACTION], 'AUTHN.PUBLIC_CLIENT'),
  'authn.bad-credentials-accepted': caughtBy([TRANSACTION], 'AUTHN.PRIMARY.BAD_CREDENTIALS'),
  'authn.unknown-user-disclosed': caughtBy([TRANSACTION], 'AUTHN.PRIMARY.BAD_CREDENTIALS'),
  'authn.session-token-missing': caughtBy([TRANSACTION, DUO], 'AUTHN.PRIMARY.SUCCESS', 'AUTHN.DUO.ENROLL.SUCCESS', 'AUTHN.DUO.VERIFY.SUCCESS'),
  'authn.enrollment-policy-ignored': caughtBy([TRANSACTION], 'AUTHN.PRIMARY.MFA_ENROLL'),
  'authn.mfa-not-required': caughtBy([TRANSACTION], 'AUTHN.PRIMARY.MFA_REQUIRED'),
  'authn.get-state-revokes': caughtBy([TRANSACTION], 'AUTHN.STATE.GET'),
  'authn.state-token-never-expires': caughtBy([TRANSACTION], 'AUTHN.STATE_TOKEN.EXPIRED'),
  'authn.expiry-not-sliding': caughtBy([TRANSACTION], 'AUTHN.STATE_TOKEN.SLIDING'),
  'authn.cancel-ignored': caughtBy([TRANSACTION], 'AUTHN.CANCEL'),
  'authn.wrong-state-allowed': caughtBy([TRANSACTION], 'AUTHN.STATE.WRONG_OPERATION'),
  'authn.previous-ignored': caughtBy([TRANSACTION], 'AUTHN.PREVIOUS'),
  'duo.request-signed-with-wrong-key': caughtBy([DUO], 'AUTHN.DUO.ENROLL.ACTIVATION'),
  'duo.poll-success-before-callback': caughtBy([DUO], 'AUTHN.DUO.ENROLL.WAITING', 'AUTHN.DUO.VERIFY.WAITING'),
  'duo.factor-not-persisted': caughtBy([DUO], 'AUTHN.DUO.ENROLL.SUCCESS'),
  'duo.challenge-without-verification': caughtBy([DUO], 'AUTHN.DUO.VERIFY.CHALLENGE'),
  'duo.challenge-never-completes': caughtBy([DUO], 'AUTHN.DUO.VERIFY.SUCCESS'),
  'duo.signature-not-checked': caughtBy([DUO], 'AUTHN.DUO.CALLBACK.TAMPERED'),
  'duo.app-part-not-checked': caughtBy([DUO], 'AUTHN.DUO.CALLBACK.TAMPERED'),
  'duo.expired-accepted': caughtBy([DUO], 'AUTHN.DUO.CALLBACK.EXPIRED'),
};
