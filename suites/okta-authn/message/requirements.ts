import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const sms = feature({ family: 'okta-authn', name: 'sms', suite: 'suites/okta-authn/message' });
const call = feature({ family: 'okta-authn', name: 'call', suite: 'suites/okta-authn/message' });
const email = feature({ family: 'okta-authn', name: 'email', suite: 'suites/okta-authn/message' });

const ENROLL = 'Enrolling it in MFA_ENROLL answers MFA_ENROLL_ACTIVATE with the factor, a next link named activate and a resend link named after the factor type; a code goes out.';
const ACTIVATE = 'Activating with the code sent answers SUCCESS with a sessionToken, and the factor reads back ACTIVE.';
const ACTIVATE_BAD = 'Activating with a wrong code is refused 403 E0000068; the transaction stays MFA_ENROLL_ACTIVATE and the factor PENDING_ACTIVATION.';
const RESEND = 'The enrollment resend link (…/lifecycle/resend) sends a new code and the transaction stays MFA_ENROLL_ACTIVATE; the new code activates.';
const CHALLENGE = 'Verifying the active factor in MFA_REQUIRED without a passCode answers MFA_CHALLENGE with the factor, a next link named verify, a resend link, prev and cancel; a code goes out.';
const CHALLENGE_RESEND = 'The challenge resend link (…/verify/resend) sends a new code and the transaction stays MFA_CHALLENGE; the new code verifies.';
const VERIFY = 'Posting the code sent to the challenge\'s next link answers SUCCESS with a sessionToken.';
const VERIFY_BAD = 'A wrong code is refused 403 E0000068 and the transaction stays MFA_CHALLENGE.';

/** sms, call and email through the Authentication API (spec §5.4, §5.5). Email verification is not documented in Authn (spec §5.1); the mock takes it like sms. */
export const AUTHN_MESSAGE_REQUIREMENTS = [
  sms.must('AUTHN.SMS.ENROLL', 'enroll', ENROLL, authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE', 'enroll-okta-sms-factor')),
  sms.must('AUTHN.SMS.ACTIVATE', 'activate', ACTIVATE, authnDoc('§5.4 MFA_ENROLL_ACTIVATE → SUCCESS', 'activate-sms-factor')),
  sms.must('AUTHN.SMS.ACTIVATE.BAD_CODE', 'activate', ACTIVATE_BAD, authnDoc('§5.4 MFA_ENROLL_ACTIVATE → 403 E0000068', 'activate-sms-factor')),
  sms.must('AUTHN.SMS.RESEND', 'activate', RESEND, authnDoc('§5.1 A8', 'resend-sms-as-part-of-enrollment')),
  sms.must('AUTHN.SMS.CHALLENGE', 'verify', CHALLENGE, authnDoc('§5.4 MFA_REQUIRED → MFA_CHALLENGE', 'verify-sms-factor')),
  sms.must('AUTHN.SMS.CHALLENGE.RESEND', 'verify', CHALLENGE_RESEND, authnDoc('§5.1 A11', 'resend-sms-as-part-of-verification')),
  sms.must('AUTHN.SMS.VERIFY', 'verify', VERIFY, authnDoc('§5.4 MFA_CHALLENGE → SUCCESS', 'verify-sms-factor')),
  sms.must('AUTHN.SMS.VERIFY.BAD_CODE', 'verify', VERIFY_BAD, authnDoc('§5.4 MFA_CHALLENGE → 403 E0000068', 'verify-sms-factor')),
  call.must('AUTHN.CALL.ENROLL', 'enroll', ENROLL, authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE', 'enroll-okta-call-factor')),
  call.must('AUTHN.CALL.ACTIVATE', 'activate', ACTIVATE, authnDoc('§5.4 MFA_ENROLL_ACTIVATE → SUCCESS', 'activate-call-factor')),
  call.must('AUTHN.CALL.ACTIVATE.BAD_CODE', 'activate', ACTIVATE_BAD, authnDoc('§5.4 MFA_ENROLL_ACTIVATE → 403 E0000068', 'activate-call-factor')),
  call.must('AUTHN.CALL.RESEND', 'activate', RESEND, authnDoc('§5.1 A8', 'resend-call-as-part-of-enrollment')),
  call.must('AUTHN.CALL.CHALLENGE', 'verify', CHALLENGE, authnDoc('§5.4 MFA_REQUIRED → MFA_CHALLENGE', 'verify-call-factor')),
  call.must('AUTHN.CALL.CHALLENGE.RESEND', 'verify', CHALLENGE_RESEND, authnDoc('§5.1 A11', 'resend-call-as-part-of-verification')),
  call.must('AUTHN.CALL.VERIFY', 'verify', VERIFY, authnDoc('§5.4 MFA_CHALLENGE → SUCCESS', 'verify-call-factor')),
  call.must('AUTHN.CALL.VERIFY.BAD_CODE', 'verify', VERIFY_BAD, authnDoc('§5.4 MFA_CHALLENGE → 403 E0000068', 'verify-call-factor')),
  email.must('AUTHN.EMAIL.ENROLL', 'enroll', ENROLL, authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE', 'enroll-okta-email-factor')),
  email.must('AUTHN.EMAIL.ACTIVATE', 'activate', ACTIVATE, authnDoc('§5.4 MFA_ENROLL_ACTIVATE → SUCCESS', 'activate-email-factor')),
  email.must('AUTHN.EMAIL.ACTIVATE.BAD_CODE', 'activate', ACTIVATE_BAD, authnDoc('§5.4 MFA_ENROLL_ACTIVATE → 403 E0000068', 'activate-email-factor')),
  email.must('AUTHN.EMAIL.RESEND', 'activate', RESEND, authnDoc('§5.1 A8', 'resend-email-as-part-of-enrollment')),
  email.should('AUTHN.EMAIL.CHALLENGE', 'verify', CHALLENGE, authnDoc('§5.1 (email verify undocumented in Authn)', 'verify-factor')),
  email.should('AUTHN.EMAIL.VERIFY', 'verify', VERIFY, authnDoc('§5.1 (email verify undocumented in Authn)', 'verify-factor')),
  email.must('AUTHN.EMAIL.VERIFY.BAD_CODE', 'verify', VERIFY_BAD, authnDoc('§5.4 MFA_CHALLENGE → 403 E0000068', 'verify-factor')),
] as const;
