import { feature } from '../../../requirements/builders.js';
import { sailpointDoc } from '../../../requirements/sources.js';

const kba = feature({ family: 'identitynow-mfa', name: 'kba', suite: 'suites/identitynow-mfa/kba' });

/** Knowledge-based authentication: the caller's answers and authenticating with them (spec §4.3, §5.3 V4). */
export const IDN_KBA_REQUIREMENTS = [
  kba.must('IDN.KBA.ANSWERS.SET', 'answers',
    'POST /mfa/kba/config/answers answers 200 with KbaAnswerResponseItem[] marking the answered questions hasAnswer, and never echoes an answer.',
    sailpointDoc('§4.3 C6', 'v3/set-mfa-kba-config')),
  kba.must('IDN.KBA.ANSWERS.BAD_BODY', 'answers',
    'An answers body that is not an array of {id, answer} strings is refused with 400 ErrorResponseDto.',
    sailpointDoc('§4.3 C6', 'v3/set-mfa-kba-config')),
  kba.must('IDN.KBA.AUTH.RIGHT', 'authenticate',
    'POST /mfa/kba/authenticate with the enrolled answers answers 200 KbaAuthResponse {status: SUCCESS}, each item isVerified true.',
    sailpointDoc('§5.3 V4', 'v3/send-kba-answers')),
  kba.must('IDN.KBA.AUTH.WRONG', 'authenticate',
    'A wrong answer is never SUCCESS: the status is FAILED and its item isVerified false.',
    sailpointDoc('§5.3 V4', 'v3/send-kba-answers')),
  kba.must('IDN.KBA.AUTH.LOCKOUT', 'authenticate',
    'After repeated wrong answers the user is locked out: status LOCKOUT, even for the right answers, until the lockout has passed on the tenant clock.',
    sailpointDoc('§5.4 KBA, §9 item 17', 'v3/send-kba-answers')),
] as const;
