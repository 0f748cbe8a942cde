import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const duo = feature({ family: 'okta-authn', name: 'web (Duo)', suite: 'suites/okta-authn/duo' });

/** The Authentication API with web / DUO: enroll, verify and the Duo callback (spec §5.6). */
export const DUO_REQUIREMENTS = [
  duo.must('AUTHN.DUO.ENROLL.ACTIVATION', 'enroll',
    'Enrolling web/DUO in MFA_ENROLL answers MFA_ENROLL_ACTIVATE, factorResult WAITING, the factor with its Duo activation (API host, a sig_request Duo accepts, complete and script links) and a next link named poll.',
    authnDoc('§5.6 Enroll Duo factor', 'enroll-duo-factor')),
  duo.must('AUTHN.DUO.ENROLL.WAITING', 'enroll',
    'Until Duo has called back, polling the activation answers MFA_ENROLL_ACTIVATE with factorResult WAITING.',
    authnDoc('§5.6 Enroll Duo factor', 'activation-poll-request-example')),
  duo.must('AUTHN.DUO.ENROLL.SUCCESS', 'enroll',
    "After Duo's signed response reaches the complete link, polling answers SUCCESS with a sessionToken, and the user's factors list the web/DUO factor ACTIVE with its credentialId.",
    authnDoc('§5.6 Enroll Duo factor', 'activation-poll-request-example')),
  duo.must('AUTHN.DUO.VERIFY.CHALLENGE', 'verify',
    "Verifying an active Duo factor in MFA_REQUIRED answers MFA_CHALLENGE, factorResult WAITING, the factor's Duo verification (host, sig_request, complete link) and a next link named poll to the verify URL.",
    authnDoc('§5.6 Verify Duo factor', 'verify-duo-factor')),
  duo.must('AUTHN.DUO.VERIFY.WAITING', 'verify',
    'Until Duo has called back with an approval, polling the challenge answers MFA_CHALLENGE with factorResult WAITING.',
    authnDoc('§5.6 Verify Duo factor', 'verification-poll-request-example')),
  duo.must('AUTHN.DUO.VERIFY.SUCCESS', 'verify',
    "After Duo's signed response reaches the complete link, polling the challenge answers SUCCESS with a sessionToken.",
    authnDoc('§5.6 Verify Duo factor', 'verification-poll-request-example')),
  duo.must('AUTHN.DUO.CALLBACK.TAMPERED', 'callback',
    'A Duo response whose AUTH or APP signature does not verify is refused with a 4xx Okta error, and the transaction stays WAITING.',
    authnDoc('§5.6 Duo callback', 'enroll-duo-factor')),
  duo.must('AUTHN.DUO.CALLBACK.EXPIRED', 'callback',
    'A Duo response past its expiry is refused with a 4xx Okta error, and the transaction stays WAITING.',
    authnDoc('§5.6 Duo callback', 'enroll-duo-factor')),
  duo.must('AUTHN.DUO.CALLBACK.OTHER_USER', 'callback',
    "A genuine Duo response signed for another user (another user's prompt) is refused with a 4xx Okta error, and the transaction stays WAITING.",
    authnDoc('§5.6 Duo callback', 'enroll-duo-factor')),
  duo.must('AUTHN.DUO.CALLBACK.OTHER_PROMPT', 'callback',
    "A genuine Duo response of the same user to another prompt (another transaction's sig_request) is refused with a 4xx Okta error, and the transaction stays WAITING.",
    authnDoc('§5.6 Duo callback', 'enroll-duo-factor')),
] as const;
