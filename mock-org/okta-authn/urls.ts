/** Authentication API URLs, for the links the mock publishes (clients follow them, never build them). */
const AUTHN_PATH = '/api/v1/authn';

export const authnUrl = (baseUrl: string, path = '') => `${baseUrl}${AUTHN_PATH}${path}`;
export const authnFactorUrl = (baseUrl: string, factorId: string, path = '') => authnUrl(baseUrl, `/factors/${factorId}${path}`);

/** `/api/v1/authn` and everything under it, and nothing else (`/api/v1/authnx` is not an Authn path). */
export function isAuthnPath(url: string): boolean {
  return /^\/api\/v1\/authn(?:[/?#]|$)/.test(url);
}
