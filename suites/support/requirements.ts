import type { Requirement, RequirementLevel } from '../../reports/check-meta.js';

/**
 * The requirement catalog: every protocol requirement a check proves, as data.
 * Ids are stable (reports and certification runs refer to them); `source` points at the
 * Okta documentation section the requirement comes from (spec tags as in shared/spec).
 */

const FACTORS_DOC = 'https://developer.okta.com/docs/reference/api/factors/';
const USER_FACTOR_SPEC = 'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserFactor/';
const ERRORS_DOC = 'https://developer.okta.com/docs/reference/error-codes/';

type Source = Requirement['source'];
const factorsDoc = (section: string, anchor: string): Source => ({ tag: 'F', section, url: `${FACTORS_DOC}#${anchor}` });
const factorsSpec = (section: string, operation: string): Source => ({ tag: 'S', section, url: `${USER_FACTOR_SPEC}#${operation}` });
const errorsDoc = (code: string): Source => ({ tag: 'E', section: code, url: `${ERRORS_DOC}#${code.toLowerCase()}` });

function req(
  id: string,
  level: RequirementLevel,
  family: string,
  feature: string,
  story: string,
  title: string,
  source: Source,
): Requirement {
  return { id, level, family, feature, story, title, source };
}

const FACTORS = 'Factors API';
const TOTP = 'token:software:totp';

export const REQUIREMENTS: readonly Requirement[] = [
  // The API as a whole
  req('API.AUTH.TOKEN_REQUIRED', 'MUST', 'API', 'authentication', 'api token',
    'A request without an API token, or with an invalid one, is refused with 401 E0000011 and changes nothing.',
    errorsDoc('E0000011')),
  req('API.INPUT.MALFORMED_JSON', 'MUST', 'API', 'input', 'malformed body',
    'A request body that is not well-formed JSON is refused with a 400 error object (E0000003) and changes nothing.',
    errorsDoc('E0000003')),

  // Factors: operations shared by every factor type
  req('FACTORS.ENROLL.UNKNOWN_TYPE', 'MUST', FACTORS, 'enrollment', 'enroll',
    'Enrolling an unknown factorType or provider is refused with 400 E0000001 and enrolls nothing.',
    factorsSpec('§1 F2 enrollFactor', 'operation/enrollFactor')),
  req('FACTORS.LIST.ENROLLED', 'MUST', FACTORS, 'enrollment', 'list',
    'Listing a user\'s factors returns every enrolled factor as a Factor object.',
    factorsDoc('§1 F1 List enrolled factors', 'list-enrolled-factors')),
  req('FACTORS.GET.FACTOR', 'MUST', FACTORS, 'enrollment', 'get',
    'Getting a factor by id returns that Factor object with its current status.',
    factorsDoc('§1 F5 Get factor', 'get-factor')),
  req('FACTORS.GET.UNKNOWN', 'MUST', FACTORS, 'enrollment', 'get',
    'An unknown factor id is answered 404 E0000007.',
    factorsSpec('§1 (every operation may return 404 E0000007)', 'operation/getFactor')),
  req('FACTORS.UNENROLL.DELETE', 'MUST', FACTORS, 'enrollment', 'unenroll',
    'Unenrolling a factor answers 204 No Content; afterwards the factor is gone (404 E0000007, absent from the list).',
    factorsDoc('§1 F6 Reset factor', 'reset-factor')),

  // token:software:totp (Okta Verify OTP and Google Authenticator)
  req('FACTORS.TOTP.ENROLL.PENDING', 'MUST', FACTORS, TOTP, 'enroll',
    'Enrolling token:software:totp (OKTA or GOOGLE) returns the factor PENDING_ACTIVATION with the TOTP activation object (timeStep, sharedSecret, encoding, keyLength, qrcode link).',
    factorsDoc('§2.5 Enroll TOTP factor', 'enroll-okta-verify-totp-factor')),
  req('FACTORS.TOTP.ENROLL.LINKS', 'MUST', FACTORS, TOTP, 'enroll',
    'A pending TOTP factor publishes `activate` (POST), `self` and `user` links, and no `verify` link.',
    factorsDoc('§3.3 links by status', 'enroll-okta-verify-totp-factor')),
  req('FACTORS.TOTP.ACTIVATE.GOOD_CODE', 'MUST', FACTORS, TOTP, 'activate',
    'Activating with the current passcode answers 200 with the factor ACTIVE, publishing `verify` and `self` (GET, DELETE), and the factor reads back ACTIVE.',
    factorsDoc('§2.5 Activate TOTP factor', 'activate-totp-factor')),
  req('FACTORS.TOTP.ACTIVATE.BAD_CODE', 'MUST', FACTORS, TOTP, 'activate',
    'Activating with a wrong passcode is refused with 403 E0000068 and the factor stays PENDING_ACTIVATION.',
    factorsDoc('§2.5 Activate TOTP factor', 'activate-totp-factor')),
  req('FACTORS.TOTP.VERIFY.GOOD_CODE', 'MUST', FACTORS, TOTP, 'verify',
    'Verifying an active factor with the current passcode answers 200 {factorResult: SUCCESS}.',
    factorsDoc('§2.5 Verify TOTP factor', 'verify-totp-factor')),
  req('FACTORS.TOTP.VERIFY.BAD_CODE', 'MUST', FACTORS, TOTP, 'verify',
    'Verifying with a wrong passcode is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.5 Verify TOTP factor', 'verify-totp-factor')),
  req('FACTORS.TOTP.VERIFY.REPLAY', 'MUST', FACTORS, TOTP, 'verify',
    'A passcode already accepted in its time window is not accepted again (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED).',
    factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
  req('FACTORS.TOTP.VERIFY.TIME_WINDOW', 'MUST', FACTORS, TOTP, 'verify',
    'A passcode from a time window long past is not accepted (403 E0000068/E0000083, or factorResult TIME_WINDOW_EXCEEDED).',
    factorsDoc('§3.4 TIME_WINDOW_EXCEEDED', 'factor-verify-result-object')),
];

const BY_ID = new Map(REQUIREMENTS.map((r) => [r.id, r]));

export function requirement(id: string): Requirement {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`requirement ${id} is not in the catalog (suites/support/requirements.ts)`);
  return found;
}
