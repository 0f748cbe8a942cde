import type { AuthStrategy } from './strategy.js';

/** Okta's API token: `Authorization: SSWS <token>` on every request. */
export function sswsToken(token: string): AuthStrategy {
  return {
    scheme: 'SSWS',
    secrets: [token],
    authorize: () => ({ authorization: `SSWS ${token}` }),
  };
}
