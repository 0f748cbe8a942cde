import { feature } from '../../../requirements/builders.js';
import { sailpointDoc } from '../../../requirements/sources.js';

const verify = feature({ family: 'identitynow-mfa', name: 'MFA verification', suite: 'suites/identitynow-mfa/verify' });

/** MFA Controller: Okta Verify and Duo Web verification and polling (spec §5). */
export const IDN_VERIFY_REQUIREMENTS = [
  verify.must('IDN.VERIFY.OKTA.SUCCESS', 'okta-verify',
    'POST /mfa/okta-verify/verify {userId} answers 200 VerificationResponse with a requestId; once the user approves the push, POST /mfa/okta-verify/poll {requestId} reports SUCCESS.',
    sailpointDoc('§5.3 V1, V3', 'v3/send-okta-verify-request')),
  verify.must('IDN.VERIFY.OKTA.REJECTED', 'okta-verify',
    'When the user rejects the push, poll never reports SUCCESS: it reports FAILED.',
    sailpointDoc('§5.1, §9 item 11', 'v3/ping-verification-status')),
  verify.must('IDN.VERIFY.OKTA.TIMEOUT', 'okta-verify',
    'When the user ignores the push until it expires, poll reports neither SUCCESS nor PENDING.',
    sailpointDoc('§5.1, §9 item 11', 'v3/ping-verification-status')),
  verify.must('IDN.VERIFY.BAD_BODY', 'okta-verify',
    'A verify body without its required userId is refused with 400 ErrorResponseDto.',
    sailpointDoc('§5.2 OktaVerificationRequest', 'v3/send-okta-verify-request')),
  verify.must('IDN.VERIFY.POLL.UNKNOWN', 'poll',
    'Polling a requestId the tenant never issued is refused with a 4xx ErrorResponseDto, never SUCCESS.',
    sailpointDoc('§5.3 V3, §9 item 12', 'v3/ping-verification-status')),
  verify.must('IDN.VERIFY.DUO.NOT_CONFIGURED', 'duo-web',
    'POST /mfa/duo-web/verify without a configured Duo method never reports SUCCESS.',
    sailpointDoc('§5.3 V2, §9 item 15', 'v3/send-duo-verify-request')),
  verify.must('IDN.VERIFY.DUO.SUCCESS', 'duo-web',
    'POST /mfa/duo-web/verify {userId, signedResponse} for a Duo user with Duo Mobile answers 200 VerificationResponse; once the user approves the push, POST /mfa/duo-web/poll {requestId} reports SUCCESS.',
    sailpointDoc('§5.3 V2, V3, §5.4 flow 2', 'v3/send-duo-verify-request')),
  verify.must('IDN.VERIFY.DUO.DENIED', 'duo-web',
    'When the user denies the Duo push, poll never reports SUCCESS: it reports FAILED.',
    sailpointDoc('§5.1, §9 item 11', 'v3/ping-verification-status')),
  verify.must('IDN.VERIFY.DUO.TIMEOUT', 'duo-web',
    'When the user ignores the Duo push until it times out, poll reports neither SUCCESS nor PENDING.',
    sailpointDoc('§5.1, §9 item 11', 'v3/ping-verification-status')),
] as const;
