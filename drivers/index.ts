import type { Driver, TargetConfig } from './contract.js';
import { HttpDriver } from './http-driver.js';
import { startMockDriver } from './mock-driver.js';

export * from './contract.js';
export type { HttpExchange } from './exchange.js';
export { HttpApiClient } from './http-client.js';
export { HttpDriver, MissingCapabilityError, TEST_USER_LOGIN_PREFIX, TEST_USER_MARKER } from './http-driver.js';
export { startMockDriver } from './mock-driver.js';
export { Redactor, REDACTED } from './redact.js';
export { targetFromEnv, parseTargetConfig } from './target-config.js';
export { HARNESS_VERSION, USER_AGENT } from './version.js';

/** The driver for a target: the embedded mock org, or any endpoint over HTTP. */
export async function createDriver(target: TargetConfig): Promise<Driver & HttpDriver> {
  if (target.kind === 'mock') return startMockDriver({ faults: target.faults ?? [] });
  return HttpDriver.connect({
    kind: 'http',
    baseUrl: target.baseUrl,
    token: target.token,
    ...(target.controlToken ? { controlToken: target.controlToken } : {}),
  });
}
