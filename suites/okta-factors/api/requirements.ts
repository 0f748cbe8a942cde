import { feature } from '../../../requirements/builders.js';
import { errorsDoc, factorsSpec, rateLimitsDoc } from '../../../requirements/sources.js';

const authentication = feature({ family: 'okta-factors', name: 'authentication', suite: 'suites/okta-factors/api' });
const input = feature({ family: 'okta-factors', name: 'input', suite: 'suites/okta-factors/api' });
const rateLimits = feature({ family: 'okta-factors', name: 'rate limits', suite: 'suites/okta-factors/api' });
const enrollment = feature({ family: 'okta-factors', name: 'enrollment', suite: 'suites/okta-factors/api' });
const access = feature({ family: 'okta-factors', name: 'access', suite: 'suites/okta-factors/api' });

/** The API as a whole (authentication, input, rate-limit headers, access) and what every Factors API operation shares. */
export const API_REQUIREMENTS = [
  authentication.must('API.AUTH.TOKEN_REQUIRED', 'api token',
    'A request with an invalid API token is refused with 401 E0000011; one without any Authorization header with 401 E0000011 or, as Okta falls back to session authentication, 403 E0000005; either changes nothing.',
    errorsDoc('E0000011')),
  authentication.must('API.AUTH.PERMISSION', 'permission',
    "A token whose administrator may only read can list a user's factors, but enrolling, unenrolling, activating, verifying, resending or resetting factors with it is refused with 403 E0000006 and changes nothing.",
    errorsDoc('E0000006')),
  input.must('API.INPUT.MALFORMED_JSON', 'malformed body',
    'A request body that is not well-formed JSON is refused with a 400 error object (E0000003) and changes nothing.',
    errorsDoc('E0000003')),
  rateLimits.must('API.RATE_LIMIT.HEADERS', 'headers',
    'Responses carry X-Rate-Limit-Limit, X-Rate-Limit-Remaining and X-Rate-Limit-Reset (UTC epoch seconds), consistent with one another.',
    rateLimitsDoc('§7 429 headers', 'check-your-rate-limits-with-okta-s-rate-limit-headers')),
  enrollment.must('FACTORS.ENROLL.UNKNOWN_TYPE', 'enroll',
    'Enrolling an unknown factorType or provider is refused with 400 E0000001 and enrolls nothing.',
    factorsSpec('§1 F2 enrollFactor', 'operation/enrollFactor')),
  enrollment.must('FACTORS.GET.UNKNOWN', 'get',
    'An unknown factor id is answered 404 E0000007.',
    factorsSpec('§1 (every operation may return 404 E0000007)', 'operation/getFactor')),
  access.must('FACTORS.ACCESS.OTHER_USER', 'get',
    "Another user's factor id, under this user's path, is answered 404 E0000007 for every operation, and the owner's factor is untouched.",
    factorsSpec('§1 (every operation may return 404 E0000007)', 'operation/getFactor')),
  input.must('API.METHOD.NOT_ALLOWED', 'method',
    'A method an endpoint does not support is answered 405 E0000022.',
    errorsDoc('E0000022')),
  input.should('API.INPUT.MEDIA_TYPE', 'media type',
    'A body sent with a Content-Type other than JSON is refused with E0000021 or E0000019 (the code of the only live recording; 400, or 415) and changes nothing.',
    errorsDoc('E0000021')),
  input.must('FACTORS.INPUT.WRONG_TYPES', 'bad input',
    'Body fields of the wrong JSON type, at enroll, activate and verify, are refused with a 400 error object (never a 5xx) and change nothing.',
    errorsDoc('E0000001')),
  access.must('FACTORS.USER.UNKNOWN', 'unknown user',
    "Every Factors API operation on an unknown user (list, enroll, get, activate, verify, questions, catalog, reset_factors) is answered 404 E0000007.",
    factorsSpec('§1 (every operation may return 404 E0000007)', 'operation/listFactors')),
  input.must('API.CONTENT_TYPE', 'content type',
    'Every JSON response, success or error, says so: Content-Type application/json (a charset parameter allowed).',
    factorsSpec('§1 (every operation answers application/json)', 'operation/listFactors')),
] as const;
