import type { Requirement } from '../../../reports/check-meta.js';
import { errorsDoc, rateLimitsDoc, req } from './source.js';

/** The API as a whole: authentication, input, rate-limit headers. */
export const API_REQUIREMENTS: readonly Requirement[] = [
  req('API.AUTH.TOKEN_REQUIRED', 'MUST', 'API', 'authentication', 'api token',
    'A request without an API token, or with an invalid one, is refused with 401 E0000011 and changes nothing.',
    errorsDoc('E0000011')),
  req('API.AUTH.PERMISSION', 'MUST', 'API', 'authentication', 'permission',
    "A token whose administrator may only read can list a user's factors, but enrolling or unenrolling with it is refused with 403 E0000006 and changes nothing.",
    errorsDoc('E0000006')),
  req('API.INPUT.MALFORMED_JSON', 'MUST', 'API', 'input', 'malformed body',
    'A request body that is not well-formed JSON is refused with a 400 error object (E0000003) and changes nothing.',
    errorsDoc('E0000003')),
  req('API.RATE_LIMIT.HEADERS', 'MUST', 'API', 'rate limits', 'headers',
    'Responses carry X-Rate-Limit-Limit, X-Rate-Limit-Remaining and X-Rate-Limit-Reset (UTC epoch seconds), consistent with one another.',
    rateLimitsDoc('§7 429 headers', 'check-your-rate-limits-with-okta-s-rate-limit-headers')),
];
