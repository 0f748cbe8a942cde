import type { RequirementId } from '../../requirements/index.js';
import type { FaultDefinition } from '../core/fault-definition.js';

/** The IdentityNow tenant's departures from the protocol, each naming the requirements whose checks must notice. */
export const IDENTITYNOW_FAULTS = [
  { id: 'identitynow-mfa.token-without-jwt', description: 'The token endpoint answers 200 without an access_token', breaks: ['IDN.AUTH.TOKEN.ISSUED'] },
  { id: 'identitynow-mfa.token-ignores-secret', description: 'The token endpoint issues a token for a wrong client secret', breaks: ['IDN.AUTH.TOKEN.BAD_SECRET'] },
  { id: 'identitynow-mfa.accept-missing-token', description: 'Calls without an Authorization header are served as the tenant administrator', breaks: ['IDN.AUTH.MISSING_TOKEN'] },
  { id: 'identitynow-mfa.accept-expired-jwt', description: 'An expired JWT is still accepted', breaks: ['IDN.AUTH.EXPIRED_TOKEN'] },
  { id: 'identitynow-mfa.ignore-rights', description: 'Scopes are not enforced: any valid token may call any operation', breaks: ['IDN.AUTH.FORBIDDEN'] },
  { id: 'identitynow-mfa.no-retry-after', description: 'A 429 comes without Retry-After', breaks: ['IDN.RATE_LIMIT.RETRY_AFTER'] },
  { id: 'identitynow-mfa.config-not-persisted', description: 'PUT answers the config but GET reads the previous one', breaks: ['IDN.CONFIG.OKTA.ROUND_TRIP', 'IDN.CONFIG.DUO.ROUND_TRIP'] },
  { id: 'identitynow-mfa.access-key-in-clear', description: 'Config responses carry accessKey (and skey) in clear', breaks: ['IDN.CONFIG.ACCESS_KEY.MASKED'] },
  { id: 'identitynow-mfa.bad-body-500', description: 'A config body of the wrong shape crashes the service (500) instead of a 400', breaks: ['IDN.CONFIG.BAD_BODY'] },
  { id: 'identitynow-mfa.unknown-method-500', description: 'An unknown {method} is a 500 instead of a 4xx', breaks: ['IDN.CONFIG.UNKNOWN_METHOD'] },
  { id: 'identitynow-mfa.delete-keeps-config', description: 'DELETE answers 200 but the config stays', breaks: ['IDN.CONFIG.DELETE'] },
  { id: 'identitynow-mfa.test-never-calls-okta', description: 'test answers SUCCESS for any enabled config without asking the Okta org', breaks: ['IDN.CONFIG.TEST.FAILED'] },
  { id: 'identitynow-mfa.test-always-fails', description: 'test answers FAILED even when the Okta org accepts the token', breaks: ['IDN.CONFIG.TEST.SUCCESS', 'IDN.CONFIG.DUO.TEST.SUCCESS'] },
  { id: 'identitynow-mfa.duo-test-never-calls-duo', description: 'test answers SUCCESS for any complete duo-web config without asking the Duo host', breaks: ['IDN.CONFIG.DUO.TEST.FAILED'] },
  { id: 'identitynow-mfa.kba-questions-drop-counts', description: 'KBA questions come without hasAnswer and numAnswers', breaks: ['IDN.CONFIG.KBA.QUESTIONS'] },
  { id: 'identitynow-mfa.poll-stays-pending', description: 'Poll reports PENDING whatever the user did with the push', breaks: ['IDN.VERIFY.OKTA.SUCCESS', 'IDN.VERIFY.DUO.SUCCESS'] },
  { id: 'identitynow-mfa.poll-success-on-reject', description: 'Poll reports a rejected push as SUCCESS', breaks: ['IDN.VERIFY.OKTA.REJECTED'] },
  { id: 'identitynow-mfa.poll-success-on-timeout', description: 'Poll reports an expired push as SUCCESS', breaks: ['IDN.VERIFY.OKTA.TIMEOUT', 'IDN.VERIFY.DUO.TIMEOUT'] },
  { id: 'identitynow-mfa.duo-poll-success-on-deny', description: 'Poll reports a Duo push the user denied as SUCCESS', breaks: ['IDN.VERIFY.DUO.DENIED'] },
  { id: 'identitynow-mfa.verify-without-user-500', description: 'A verify body without userId crashes the service (500)', breaks: ['IDN.VERIFY.BAD_BODY'] },
  { id: 'identitynow-mfa.poll-unknown-success', description: 'Polling an unknown requestId answers SUCCESS', breaks: ['IDN.VERIFY.POLL.UNKNOWN'] },
  { id: 'identitynow-mfa.duo-verify-unchecked', description: 'Duo verify answers SUCCESS without a configured Duo method', breaks: ['IDN.VERIFY.DUO.NOT_CONFIGURED'] },
  { id: 'identitynow-mfa.kba-answers-echoed', description: 'The answers response echoes each submitted answer', breaks: ['IDN.KBA.ANSWERS.SET'] },
  { id: 'identitynow-mfa.kba-bad-body-500', description: 'An answers body of the wrong shape crashes the service (500)', breaks: ['IDN.KBA.ANSWERS.BAD_BODY'] },
  { id: 'identitynow-mfa.kba-right-answer-refused', description: 'Submitted answers are normalised in a way the stored hashes were not, so the right answers never match', breaks: ['IDN.KBA.AUTH.RIGHT'] },
  { id: 'identitynow-mfa.kba-accept-wrong', description: 'A wrong KBA answer is accepted', breaks: ['IDN.KBA.AUTH.WRONG'] },
  { id: 'identitynow-mfa.kba-no-lockout', description: 'Wrong KBA answers never lock the user out', breaks: ['IDN.KBA.AUTH.LOCKOUT'] },
  { id: 'identitynow-mfa.token-not-delivered', description: 'Token send answers SUCCESS but delivers no code', breaks: ['IDN.TOKEN.SEND'] },
  { id: 'identitynow-mfa.token-replayable', description: 'A code that succeeded succeeds again', breaks: ['IDN.TOKEN.AUTH.RIGHT'] },
  { id: 'identitynow-mfa.token-accept-any', description: 'Any code is accepted', breaks: ['IDN.TOKEN.AUTH.WRONG'] },
  { id: 'identitynow-mfa.token-send-unvalidated', description: 'A send body of the wrong shape is answered SUCCESS', breaks: ['IDN.TOKEN.BAD_BODY'] },
] as const satisfies readonly FaultDefinition<RequirementId>[];

export type IdentityNowFaultId = (typeof IDENTITYNOW_FAULTS)[number]['id'];
