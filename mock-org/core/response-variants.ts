import { randomBytes } from 'node:crypto';
import { isObject, type JsonObject } from './input.js';

/**
 * Conformant ways a real org's JSON may differ from the documented examples, applied to a response
 * body by the `variant.*` switches (mock-org/variants.ts): key order, undocumented extras, error wording.
 */

/** Every object with its keys in reverse order, however deep. */
export function reverseKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeyOrder);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, v]) => [key, reverseKeyOrder(v)]));
}

/** A resource (an object with an id, links, an error code or a factor result) gets undocumented extras; maps and profiles stay as they are. */
function isResource(value: JsonObject): boolean {
  return 'id' in value || '_links' in value || 'errorCode' in value || 'factorResult' in value;
}

/** Undocumented properties on every resource, and an undocumented link relation wherever there are links. */
export function withUndocumentedExtras(value: unknown, baseUrl: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withUndocumentedExtras(v, baseUrl));
  if (!isObject(value)) return value;
  const copy: JsonObject = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withUndocumentedExtras(v, baseUrl)]));
  if (!isResource(value)) return copy;
  copy.undocumentedFlag = true;
  copy.undocumentedDetails = { since: '2026.08.1', tags: ['extra'] };
  if (isObject(copy._links)) copy._links = { ...copy._links, undocumentedRelation: { href: `${baseUrl}/api/v1/undocumented`, hints: { allow: ['GET'] } } };
  return copy;
}

/** The same error (status, code, link) in other words, with another errorId format. */
export function rewordedError(body: JsonObject): JsonObject {
  const causes = Array.isArray(body.errorCauses) ? body.errorCauses : [];
  return {
    ...body,
    errorSummary: `Request refused (${String(body.errorCode)}); see the error causes for details.`,
    errorId: `err-${randomBytes(9).toString('hex')}`,
    errorCauses: causes.map((_cause, i) => ({ errorSummary: `Cause ${i + 1} of the refusal, in the org's own words.`, reason: 'reworded' })),
  };
}

/** Headers a live org adds to every answer (recorded in okta-sdk-python and terraform-provider-okta cassettes). */
export function realOrgHeaders(): Record<string, string> {
  return {
    'x-okta-request-id': randomBytes(14).toString('base64url'),
    'strict-transport-security': 'max-age=315360000; includeSubDomains',
    'content-security-policy-report-only': "default-src 'self'",
    'cache-control': 'no-cache, no-store',
    pragma: 'no-cache',
    expires: '0',
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'accept-ch': 'Sec-CH-UA-Platform-Version',
    'set-cookie': 'JSESSIONID=variant; Path=/; Secure; HttpOnly',
  };
}
