import type { Requirement, RequirementLevel } from '../../../reports/check-meta.js';

/** Where requirements come from: Okta's reference pages and the management OpenAPI spec (tags as in shared/spec). */
const FACTORS_DOC = 'https://developer.okta.com/docs/reference/api/factors/';
const USER_FACTOR_SPEC = 'https://developer.okta.com/docs/api/openapi/okta-management/management/tag/UserFactor/';
const ERRORS_DOC = 'https://developer.okta.com/docs/reference/error-codes/';
const RATE_LIMITS_DOC = 'https://developer.okta.com/docs/reference/rl2-monitor/';
const AUTHN_DOC = 'https://developer.okta.com/docs/reference/api/authn/';

export type Source = Requirement['source'];

export const factorsDoc = (section: string, anchor: string): Source => ({ tag: 'F', section, url: `${FACTORS_DOC}#${anchor}` });
export const factorsSpec = (section: string, operation: string): Source => ({ tag: 'S', section, url: `${USER_FACTOR_SPEC}#${operation}` });
export const errorsDoc = (code: string): Source => ({ tag: 'E', section: code, url: `${ERRORS_DOC}#${code.toLowerCase()}` });
export const rateLimitsDoc = (section: string, anchor: string): Source => ({ tag: 'R', section, url: `${RATE_LIMITS_DOC}#${anchor}` });
export const authnDoc = (section: string, anchor: string): Source => ({ tag: 'A', section, url: `${AUTHN_DOC}#${anchor}` });

export function req(
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

export const FACTORS = 'Factors API';
