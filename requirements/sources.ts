import type { Source } from './types.js';

/** Where requirements come from: Okta's reference pages and the management OpenAPI spec (tags as in shared/spec). */
const FACTORS_DOC = 'https://developer.okta.com/docs/reference/api/factors/';
const USER_FACTOR_SPEC = 'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserFactor/';
const ERRORS_DOC = 'https://developer.okta.com/docs/reference/error-codes/';
const RATE_LIMITS_DOC = 'https://developer.okta.com/docs/reference/rl2-monitor/';
const AUTHN_DOC = 'https://developer.okta.com/docs/reference/api/authn/';

export const factorsDoc = (section: string, anchor: string): Source => ({ tag: 'F', section, url: `${FACTORS_DOC}#${anchor}` });
export const factorsSpec = (section: string, operation: string): Source => ({ tag: 'S', section, url: `${USER_FACTOR_SPEC}#${operation}` });
export const errorsDoc = (code: string): Source => ({ tag: 'E', section: code, url: `${ERRORS_DOC}#${code.toLowerCase()}` });
export const rateLimitsDoc = (section: string, anchor: string): Source => ({ tag: 'R', section, url: `${RATE_LIMITS_DOC}#${anchor}` });
export const authnDoc = (section: string, anchor: string): Source => ({ tag: 'A', section, url: `${AUTHN_DOC}#${anchor}` });
/** Traffic recorded against real orgs (test/fixtures/real/): where the docs are silent, what live Okta does. */
export const recorded = (section: string, url: string): Source => ({ tag: 'REC', section, url });

const U2F_RAW_MESSAGES = 'https://fidoalliance.org/specs/fido-u2f-v1.2-ps-20170411/fido-u2f-raw-message-formats-v1.2-ps-20170411.html';
const U2F_JS_API = 'https://fidoalliance.org/specs/fido-u2f-v1.2-ps-20170411/fido-u2f-javascript-api-v1.2-ps-20170411.html';
const WEBAUTHN = 'https://www.w3.org/TR/webauthn-3/';

export const u2fMessages = (section: string, anchor: string): Source => ({ tag: 'FIDO U2F', section, url: `${U2F_RAW_MESSAGES}#${anchor}` });
export const u2fJsApi = (section: string, anchor: string): Source => ({ tag: 'FIDO U2F', section, url: `${U2F_JS_API}#${anchor}` });
export const webauthnSpec = (section: string, anchor: string): Source => ({ tag: 'W3C WebAuthn', section, url: `${WEBAUTHN}#${anchor}` });

const DUO_AUTH_API = 'https://duo.com/docs/authapi';
const DUO_ADMIN_API = 'https://duo.com/docs/adminapi';

export const duoAuthApiDoc = (section: string, anchor: string): Source => ({ tag: 'DOCP', section, url: `${DUO_AUTH_API}#${anchor}` });
export const duoAdminApiDoc = (section: string, anchor: string): Source => ({ tag: 'DOCP', section, url: `${DUO_ADMIN_API}#${anchor}` });
/** SailPoint's published API v3 pages (the spec sheet's [S3]/[SEED]/[DA]/[DR] sources); `page` is the operation's page. */
const SAILPOINT_API = 'https://developer.sailpoint.com/docs/api/';
export const sailpointDoc = (section: string, page: string): Source => ({ tag: 'SailPoint', section, url: `${SAILPOINT_API}${page}` });
