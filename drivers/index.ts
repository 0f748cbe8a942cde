import { sswsToken } from './auth/ssws.js';
import type { TargetConfig } from './contract.js';
import { HttpDriver } from './http-driver.js';
import { connectMockDriver, type MockHostAccess } from './mock/driver.js';

export * from './contract.js';
export type { AuthStrategy, OutgoingRequest } from './auth/strategy.js';
export { sswsToken } from './auth/ssws.js';
export { ControlClient, ControlError } from './control/client.js';
export type { HttpExchange } from './exchange.js';
export { HttpApiClient } from './http-client.js';
export { HttpDriver } from './http-driver.js';
export { TEST_USER_LOGIN_PREFIX, TEST_USER_MARKER } from './okta/fixtures.js';
export { connectMockDriver, type MockHostAccess } from './mock/driver.js';
export { Redactor, REDACTED } from './redact.js';
export { targetFromEnv, parseTargetConfig } from './target-config.js';
export { HARNESS_VERSION, USER_AGENT } from './version.js';

/**
 * The driver for a target: an embedded mock org (on `mockHost` when the suites' global setup
 * started one, else on a host of its own), or any endpoint over HTTP.
 */
export async function createDriver(target: TargetConfig, options: { mockHost?: MockHostAccess } = {}): Promise<HttpDriver> {
  if (target.kind === 'mock') {
    return connectMockDriver({
      faults: target.faults ?? [],
      ...(target.profile ? { profile: target.profile } : {}),
      ...(options.mockHost ? { host: options.mockHost } : {}),
    });
  }
  return HttpDriver.connect({
    kind: 'http',
    baseUrl: target.baseUrl,
    auth: sswsToken(target.token),
    ...(target.profile ? { profile: target.profile } : {}),
    ...(target.controlToken ? { controlAuth: sswsToken(target.controlToken) } : {}),
  });
}
