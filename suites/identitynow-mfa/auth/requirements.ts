import { feature } from '../../../requirements/builders.js';
import { sailpointDoc } from '../../../requirements/sources.js';

const auth = feature({ family: 'identitynow-mfa', name: 'authentication', suite: 'suites/identitynow-mfa/auth' });

/** OAuth 2.0 client credentials, bearer JWTs, rights and rate limits (spec §2, §3.1, §6). */
export const IDN_AUTH_REQUIREMENTS = [
  auth.must('IDN.AUTH.TOKEN.ISSUED', 'token',
    'POST /oauth/token with grant_type=client_credentials and a valid client id and secret answers 200 with an access_token (a JWT), token_type bearer and expires_in.',
    sailpointDoc('§6 OAuth 2.0 token endpoint', 'authentication')),
  auth.must('IDN.AUTH.TOKEN.BAD_SECRET', 'token',
    'A wrong client secret gets no access token (a 4xx answer).',
    sailpointDoc('§6 OAuth 2.0 token endpoint', 'authentication')),
  auth.must('IDN.AUTH.MISSING_TOKEN', 'bearer',
    'A call without an Authorization header is refused with 401 {error}, and nothing changes.',
    sailpointDoc('§3.1 401', 'v3/set-mfa-okta-config')),
  auth.must('IDN.AUTH.EXPIRED_TOKEN', 'bearer',
    'A JWT past its expiry is refused with 401 {"error": "JWT validation failed: JWT is expired"}.',
    sailpointDoc('§3.1 401', 'v3/set-mfa-okta-config')),
  auth.must('IDN.AUTH.FORBIDDEN', 'rights',
    'A token without the scope an operation needs is refused with 403 ErrorResponseDto (detailCode "403 Forbidden"), and nothing changes.',
    sailpointDoc('§2 Authorization per endpoint', 'authorization')),
  auth.must('IDN.RATE_LIMIT.RETRY_AFTER', 'rate limit',
    'Past the rate limit a call is answered 429 {"message": " Rate Limit Exceeded "} with Retry-After in seconds; once that time has passed calls are served again.',
    sailpointDoc('§3.1 429', 'rate-limit')),
] as const;
