import { sswsToken } from './auth/ssws.js';
import type { TargetConfig } from './contract.js';
import { HttpDriver } from './http-driver.js';
import { connectDuoDriver } from './duo/connect.js';
import type { DuoDriver } from './duo/driver.js';
import { IdentityNowDriver } from './identitynow/driver.js';
import { connectMockDriver, connectMockIdentityNow, type MockHostAccess } from './mock/driver.js';
import { connectOktaDriver } from './okta/driver.js';

export * from './contract.js';
export type { AuthStrategy, OutgoingRequest } from './auth/strategy.js';
export { sswsToken } from './auth/ssws.js';
export { duoHmac, type DuoHmacOptions, type DuoSignatureVersion } from './auth/duo-hmac.js';
export { DuoDriver } from './duo/driver.js';
export { connectDuoDriver, connectMockDuoDriver } from './duo/connect.js';
export { DUO_TEST_USER_PREFIX } from './duo/fixtures.js';
export { ControlClient, ControlError } from './control/client.js';
export type { HttpExchange } from './exchange.js';
export { HttpApiClient } from './http-client.js';
export { HttpDriver } from './http-driver.js';
export { TEST_USER_LOGIN_PREFIX, TEST_USER_MARKER } from './okta/fixtures.js';
export { serviceApp, TokenRequestError } from './auth/oauth-service-app.js';
export { connectMockDriver, type MockHostAccess } from './mock/driver.js';
export { IdentityNowDriver } from './identitynow/driver.js';
export type { IdentitiesCapability, IdentitySpec, TenantIdentity } from './identitynow/driver.js';
export { oauthClientCredentials } from './auth/client-credentials.js';
export { Redactor, REDACTED } from './redact.js';
export { targetFromEnv, parseTargetConfig } from './target-config.js';
export { HARNESS_VERSION, USER_AGENT } from './version.js';

/**
 * The driver for a target: an embedded mock org (on `mockHost` when one is given, else in this
 * process without a socket), or any endpoint over HTTP.
 */
export async function createDriver(target: TargetConfig, options: { mockHost?: MockHostAccess } = {}): Promise<HttpDriver> {
  if (target.kind === 'mock') {
    return connectMockDriver({
      faults: target.faults ?? [],
      ...(target.profile ? { profile: target.profile } : {}),
      ...(options.mockHost ? { host: options.mockHost } : {}),
    });
  }
  if (target.kind === 'okta') return connectOktaDriver(target);
  return HttpDriver.connect({
    kind: 'http',
    baseUrl: target.baseUrl,
    auth: sswsToken(target.token),
    ...(target.profile ? { profile: target.profile } : {}),
    ...(target.controlToken ? { controlAuth: sswsToken(target.controlToken) } : {}),
    pacing: true,
    ...(target.run ? { run: target.run } : {}),
  });
}

/**
 * The IdentityNow driver for a target, or why there is none: the embedded mock's tenant (beside a fresh
 * org on `mockHost`, or with that org and its Duo account in this process), or the `identityNow` tenant of an http target, whose Okta org is the target itself.
 */
export async function createIdentityNowDriver(
  target: TargetConfig,
  options: { mockHost?: MockHostAccess; allowedHosts?: readonly string[] } = {},
): Promise<IdentityNowDriver> {
  if (target.kind === 'mock') {
    return connectMockIdentityNow({ faults: target.faults ?? [], ...(options.mockHost ? { host: options.mockHost } : {}) });
  }
  if (!target.identityNow) throw new Error('no IdentityNow tenant is configured (SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET)');
  // The tenant's okta-verify configuration holds an Okta API token (SSWS): a service app's access token will not do.
  const apiToken = target.kind === 'http' ? target.token : target.credentials.mode === 'SSWS' ? target.credentials.token : undefined;
  if (apiToken === undefined) throw new Error('the IdentityNow suites need the Okta org as an API token (SSWS), which the tenant\'s okta-verify configuration holds');
  const okta = await createDriver(target);
  okta.registerSecret(target.identityNow.clientSecret);
  // The tenant's test hooks answer to the org's control token, where the target serves the control protocol.
  const controlToken = okta.clock ? (target.controlToken ?? apiToken) : undefined;
  let duoAccount: DuoDriver | undefined;
  try {
    // The run's Duo account (MFA_CONFORMANCE_DUO, DUO_*), where it has one: what a duo-web configuration points at.
    duoAccount = target.duo ? await connectDuoDriver(target.duo, { ...(options.allowedHosts ? { allowHosts: options.allowedHosts } : {}) }) : undefined;
    return await IdentityNowDriver.connect({
      kind: 'http',
      tenant: target.identityNow,
      okta,
      oktaToken: apiToken,
      ...(controlToken ? { controlToken } : {}),
      ...(duoAccount ? { duoAccount } : {}),
      ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    });
  } catch (error) {
    await duoAccount?.close();
    await okta.close();
    throw error;
  }
}

/** Why a target has no IdentityNow tenant for the suites (undefined: it has one). */
export function identityNowUnavailable(target: TargetConfig): string | undefined {
  if (target.kind === 'mock' || target.identityNow) return undefined;
  return 'no IdentityNow tenant is configured: set SAIL_BASE_URL, SAIL_CLIENT_ID and SAIL_CLIENT_SECRET (or the target\'s identityNow section)';
}
