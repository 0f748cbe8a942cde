import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the API as a whole (authentication, errors, input, rate-limit headers) and of the operations every factor shares. */
export const API_FAULTS = [
  {
    id: 'auth.accept-missing-token',
    description: 'requests without an API token are served instead of answered 401 E0000011',
    breaks: ['API.AUTH.TOKEN_REQUIRED'],
  },
  {
    id: 'auth.read-only-can-write',
    description: "a read-only administrator's token may enroll and change factors",
    breaks: ['API.AUTH.PERMISSION'],
  },
  {
    id: 'errors.drop-error-causes',
    description: 'error objects are returned without `errorCauses`',
    breaks: ['API.AUTH.TOKEN_REQUIRED', 'FACTORS.GET.UNKNOWN', 'FACTORS.ENROLL.UNKNOWN_TYPE'],
  },
  {
    id: 'ratelimit.drop-headers',
    description: 'responses carry no X-Rate-Limit-* headers',
    breaks: ['API.RATE_LIMIT.HEADERS'],
  },
  {
    id: 'errors.unknown-user-empty-list',
    description: "an unknown user's factor list answers 200 [] instead of 404",
    breaks: ['FACTORS.USER.UNKNOWN'],
  },
  {
    id: 'api.content-type-text',
    description: 'successful JSON answers say Content-Type text/plain',
    breaks: ['API.CONTENT_TYPE'],
  },
  {
    id: 'factors.update-not-persisted',
    description: 'PUT of a factor answers with the change but the stored factor stays as it was',
    breaks: ['FACTORS.QUESTION.UPDATE'],
  },
  {
    id: 'factors.activate-not-persisted',
    description: 'activation answers ACTIVE but the stored factor stays PENDING_ACTIVATION',
    breaks: ['FACTORS.TOTP.ACTIVATE.GOOD_CODE', 'FACTORS.TOTP.VERIFY.GOOD_CODE', 'FACTORS.GET.FACTOR', 'FACTORS.LIST.ENROLLED', 'FACTORS.SMS.ACTIVATE.GOOD_CODE', 'FACTORS.CALL.ACTIVATE.GOOD_CODE', 'FACTORS.EMAIL.ACTIVATE.GOOD_CODE'],
  },
  {
    id: 'factors.bad-code-wrong-error',
    description: 'a wrong passcode is answered 401 E0000004 instead of 403 E0000068',
    breaks: ['FACTORS.TOTP.ACTIVATE.BAD_CODE', 'FACTORS.TOTP.VERIFY.BAD_CODE'],
  },
  {
    id: 'factors.drop-links',
    description: 'factor objects are returned without `_links`',
    breaks: ['FACTORS.TOTP.ENROLL.PENDING'],
  },
  {
    id: 'factors.unenroll-not-persisted',
    description: 'unenroll answers 204 but the factor stays enrolled',
    breaks: ['FACTORS.UNENROLL.DELETE'],
  },
  {
    id: 'factors.enroll-wrong-status',
    description: 'a TOTP factor is enrolled ACTIVE instead of PENDING_ACTIVATION',
    breaks: ['FACTORS.TOTP.ENROLL.PENDING'],
  },
  {
    id: 'errors.wrong-method-404',
    description: 'a wrong method on a known path is answered 404 instead of 405 E0000022',
    breaks: ['API.METHOD.NOT_ALLOWED'],
  },
  {
    id: 'errors.other-users-factor-visible',
    description: "another user's factor is served under this user's path",
    breaks: ['FACTORS.ACCESS.OTHER_USER'],
  },
  {
    id: 'input.wrong-type-500',
    description: 'a body field of the wrong JSON type is answered 500',
    breaks: ['FACTORS.INPUT.WRONG_TYPES', 'FACTORS.EMAIL.ENROLL.INVALID_INPUT'],
  },
  {
    id: 'input.refused-enroll-persisted',
    description: 'an enrollment refused for its provider is stored anyway',
    breaks: ['FACTORS.ENROLL.UNKNOWN_TYPE'],
  },
  {
    id: 'input.malformed-json-500',
    description: 'a body that is not well-formed JSON is answered 500',
    breaks: ['API.INPUT.MALFORMED_JSON'],
  },
  {
    id: 'input.media-type-500',
    description: 'a body with a non-JSON Content-Type is answered 500',
    breaks: ['API.INPUT.MEDIA_TYPE'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
