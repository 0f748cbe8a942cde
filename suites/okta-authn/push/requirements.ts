import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const push = feature({ family: 'okta-authn', name: 'push', suite: 'suites/okta-authn/push' });

/** Okta Verify push through the Authentication API (spec §5.4, §5.5). */
export const AUTHN_PUSH_REQUIREMENTS = [
  push.must('AUTHN.PUSH.ENROLL', 'enroll',
    'Enrolling push in MFA_ENROLL answers MFA_ENROLL_ACTIVATE, factorResult WAITING, the activation (expiresAt, qrcode, send links by email and sms to the Authentication API) and a next link named poll.',
    authnDoc('§5.4 MFA_ENROLL → MFA_ENROLL_ACTIVATE (push)', 'enroll-okta-verify-push-factor')),
  push.must('AUTHN.PUSH.ACTIVATE', 'activate',
    'Polling the activation answers WAITING until the device completes it, then SUCCESS with a sessionToken; the factor reads back ACTIVE.',
    authnDoc('§5.4 MFA_ENROLL_ACTIVATE (push) → SUCCESS', 'activate-push-factor')),
  push.must('AUTHN.PUSH.SEND', 'activate',
    'The activation send links (A6 email, A7 sms with profile.phoneNumber) deliver the activation link and the transaction stays MFA_ENROLL_ACTIVATE, WAITING.',
    authnDoc('§5.1 A6/A7', 'send-activation-links')),
  push.must('AUTHN.PUSH.VERIFY.WAITING', 'verify',
    'Verifying push in MFA_REQUIRED answers MFA_CHALLENGE, factorResult WAITING, with a next link named poll to the verify URL; polling stays WAITING until the device answers.',
    authnDoc('§5.4 MFA_REQUIRED → MFA_CHALLENGE (push)', 'verify-push-factor')),
  push.must('AUTHN.PUSH.VERIFY.SUCCESS', 'verify',
    'Once the device approves, polling answers SUCCESS with a sessionToken; with ?autoPush=true the preference shows as factorsPolicyInfo autoPushEnabled on the next sign-in.',
    authnDoc('§5.4 MFA_CHALLENGE (push) → SUCCESS; §5.5 autoPush', 'verify-push-factor')),
  push.should('AUTHN.PUSH.VERIFY.NUMBER_CHALLENGE', 'verify',
    'A number challenge push (asked with useNumberMatchingChallenge; Okta also starts one on a risky sign-in) answers MFA_CHALLENGE WAITING with _embedded.factor._embedded.challenge.correctAnswer, an integer, the same on every poll and read-back; once the device approves, polling answers SUCCESS.',
    authnDoc('§5.5 number challenge', 'verify-push-factor')),
  push.must('AUTHN.PUSH.VERIFY.REJECTED', 'verify',
    'Once the device rejects, polling answers MFA_CHALLENGE with factorResult REJECTED and a next link named verify, which starts a new push (WAITING).',
    authnDoc('§5.4 MFA_CHALLENGE (push) → REJECTED', 'verify-push-factor')),
  push.must('AUTHN.PUSH.VERIFY.TIMEOUT', 'verify',
    'A push nobody answers times out: polling then answers MFA_CHALLENGE with factorResult TIMEOUT and a next link named verify.',
    authnDoc('§5.4 MFA_CHALLENGE (push) → TIMEOUT', 'verify-push-factor')),
] as const;
