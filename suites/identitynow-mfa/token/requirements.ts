import { feature } from '../../../requirements/builders.js';
import { sailpointDoc } from '../../../requirements/sources.js';

const token = feature({ family: 'identitynow-mfa', name: 'token', suite: 'suites/identitynow-mfa/token' });

/** One-time codes by SMS, voice or email: send and authenticate (spec §5.3 V5, V6). */
export const IDN_TOKEN_REQUIREMENTS = [
  token.must('IDN.TOKEN.SEND', 'send',
    'POST /mfa/token/send {userAlias, deliveryType} answers 200 SendTokenResponse {status: SUCCESS, requestId} and delivers a code to the identity.',
    sailpointDoc('§5.3 V5', 'v3/create-send-token')),
  token.must('IDN.TOKEN.AUTH.RIGHT', 'authenticate',
    'POST /mfa/token/authenticate with the delivered code answers 200 {status: SUCCESS}; the same code does not succeed twice.',
    sailpointDoc('§5.3 V6', 'v3/send-token-auth-request')),
  token.must('IDN.TOKEN.AUTH.WRONG', 'authenticate',
    'A wrong code is never SUCCESS.',
    sailpointDoc('§5.3 V6', 'v3/send-token-auth-request')),
  token.must('IDN.TOKEN.BAD_BODY', 'send',
    'A send body without userAlias or with a deliveryType outside its enum is refused with 400 ErrorResponseDto.',
    sailpointDoc('§5.2 SendTokenRequest', 'v3/create-send-token')),
] as const;
