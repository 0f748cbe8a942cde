import type { OktaCredentials } from '../contract.js';
import type { AuthStrategy } from '../auth/strategy.js';
import { sswsToken } from '../auth/ssws.js';
import { serviceApp } from '../auth/oauth-service-app.js';

/** The authentication strategy for a real org's credentials (SSWS API token or OAuth 2.0 service app). */
export function oktaAuth(baseUrl: string, credentials: OktaCredentials): AuthStrategy {
  if (credentials.mode === 'SSWS') return sswsToken(credentials.token);
  return serviceApp({
    orgUrl: baseUrl,
    clientId: credentials.clientId,
    scopes: credentials.scopes,
    privateKey: credentials.privateKey,
    ...(credentials.keyId ? { keyId: credentials.keyId } : {}),
  });
}

/** The secrets credentials hold, for redaction. */
export function credentialSecrets(credentials: OktaCredentials): string[] {
  return credentials.mode === 'SSWS' ? [credentials.token] : [credentials.privateKey];
}
