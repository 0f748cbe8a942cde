import { randomBytes } from 'node:crypto';
import { beforeEach, inject } from 'vitest';
import type { ApiClient, ApiResponse, DuoMobileCapability, TargetConfig } from '../../drivers/contract.js';
import { createIdentityNowDriver, identityNowUnavailable, IdentityNowDriver, type DuoDriver, type TenantIdentity, type IdentitySpec } from '../../drivers/index.js';
import { runningCheck } from '../support/running-check.js';
import { CheckFailure } from '../support/failure.js';
import { expectSchema, expectStatus } from '../support/expect.js';
import { given } from '../support/given.js';
import { currentDriver, useConnectedDriver } from '../support/target.js';
import type { RequirementId } from '../../requirements/index.js';

/**
 * The IdentityNow suites' target: the tenant (its API as `driver.api`, OAuth 2.0 bearer) beside the
 * Okta org its okta-verify configuration points at (that org's fixtures and push, clock and outbox).
 * Without a configured tenant every check of the file is skipped, saying why.
 */
export function useIdentityNowTarget(): void {
  // Collected without a run (the harness's own tests) there is no target yet: the hooks below only run with one.
  const target: TargetConfig | undefined = inject('target');
  const reason = target ? identityNowUnavailable(target) : undefined;
  if (reason) {
    beforeEach((ctx) => {
      ctx.task.meta.skipReason = reason;
      ctx.skip(reason);
    });
    return;
  }
  // The run's allow-list (--allow-target, allowTargets); MFA_CONFORMANCE_ALLOWED_TENANTS for a run started by vitest itself.
  const fromEnv = (process.env.MFA_CONFORMANCE_ALLOWED_TENANTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  useConnectedDriver((target, mockHost) =>
    createIdentityNowDriver(target, { ...(mockHost ? { mockHost } : {}), allowedHosts: [...(target.allowTargets ?? []), ...fromEnv] }),
  );
}

/** Skips the running check, saying why (outside a check: an error saying it). */
function skipRunningCheck(reason: string): never {
  const check = runningCheck();
  if (check) {
    check.task.meta.skipReason = reason;
    check.skip(reason);
  }
  throw new Error(reason);
}

/** The running file's tenant driver. */
export function tenant(): IdentityNowDriver {
  const driver = currentDriver();
  if (!(driver instanceof IdentityNowDriver)) throw new Error('no IdentityNow tenant: call useIdentityNowTarget() at the top of the suite file');
  return driver;
}

/** A fresh identity with its own client (the check works on its own user); skips where the tenant cannot make one. */
export async function newIdentity(spec: IdentitySpec = {}, by?: RequirementId): Promise<TenantIdentity> {
  const identities = tenant().identities;
  if (!identities) {
    const reason = 'the tenant offers no test hook to make identities (a real tenant): the check needs one of its own';
    skipRunningCheck(reason);
  }
  return given('a fresh tenant identity with its own client', () => identities.create(spec), by ? { by } : {});
}

export type DetailCode = '400.1 Bad Request Content' | '403 Forbidden' | '404 Not found' | '500.0 Internal Fault';

export interface ErrorResponseDto {
  detailCode?: string;
  trackingId?: string;
  messages?: { locale?: string | null; localeOrigin?: string | null; text?: string }[];
  causes?: unknown[];
}

/** An ErrorResponseDto of this status (and detailCode, where the docs name one); message wording is free. */
export function expectSailPointError(res: ApiResponse, status: number | number[], detailCode?: DetailCode): ErrorResponseDto {
  expectStatus(res, status);
  expectSchema('identitynow-mfa/error', res.body);
  const body = res.body as ErrorResponseDto;
  if (detailCode !== undefined && body.detailCode !== detailCode) {
    throw new CheckFailure('error-code', `detailCode ${String(body.detailCode)}, expected ${detailCode}`, detailCode, body.detailCode ?? null);
  }
  return body;
}

/** A 4xx ErrorResponseDto: where the docs name no code, any client error in SailPoint's shape is conformant. */
export function expectClientError(res: ApiResponse): ErrorResponseDto {
  expectStatus(res, [400, 403, 404, 405, 409, 422]);
  expectSchema('identitynow-mfa/error', res.body);
  return res.body as ErrorResponseDto;
}

/** 401 `{error}`. */
export function expectUnauthorized(res: ApiResponse): { error: string } {
  expectStatus(res, 401);
  expectSchema('identitynow-mfa/error#unauthorized', res.body);
  return res.body as { error: string };
}

export interface MfaConfig {
  mfaMethod?: string | null;
  enabled?: boolean;
  host?: string | null;
  accessKey?: string | null;
  identityAttribute?: string | null;
  configProperties?: Record<string, unknown> | null;
}

export const OKTA_CONFIG = '/v3/mfa/okta-verify/config';
export const DUO_CONFIG = '/v3/mfa/duo-web/config';

/** How the tenant names the Okta org: its host name when it is served over https, else its whole base URL (a local mock). */
export function oktaHost(driver: IdentityNowDriver): string {
  const url = new URL(driver.okta.baseUrl);
  return url.protocol === 'https:' && url.pathname === '/' ? url.host : driver.okta.baseUrl;
}

/** PUTs an okta-verify config and expects it taken (a precondition of the verify and test checks). */
export async function configureOkta(api: ApiClient, config: MfaConfig, by: RequirementId = 'IDN.CONFIG.OKTA.ROUND_TRIP'): Promise<MfaConfig> {
  return given('an okta-verify configuration', async () => {
    const res = await api.request<MfaConfig>('PUT', OKTA_CONFIG, { body: { mfaMethod: 'okta-verify', ...config } });
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/config', res.body);
    return res.body;
  }, { by });
}

/** The okta-verify config pointing at the driver's Okta org with its API token. */
export function oktaConfigFor(driver: IdentityNowDriver): MfaConfig {
  return { enabled: true, host: oktaHost(driver), accessKey: driver.oktaToken, identityAttribute: 'email' };
}

/**
 * The Duo account beside the tenant, with its virtual Duo Mobile (a mock's control protocol): the check skips,
 * saying why, where the run has none (a real tenant without a Duo test account, or Duo itself).
 */
export function duoAccount(): DuoDriver & { duoMobile: DuoMobileCapability } {
  const duo = tenant().duoAccount;
  if (duo?.duoMobile) return duo as DuoDriver & { duoMobile: DuoMobileCapability };
  const reason = duo
    ? 'the Duo account has no virtual Duo Mobile (Duo itself has no API for the device side): the check needs a push answered'
    : 'the run has no Duo account beside the tenant: the duo-web checks need one to point the configuration at';
  skipRunningCheck(reason);
}

/** The duo-web config pointing at the Duo account: its API host name, an akey, and the Auth API integration's keys. */
export function duoConfigFor(duo: DuoDriver, skey = duo.authIntegration.skey): MfaConfig {
  const akey = `a${randomBytes(20).toString('hex')}`;
  duo.registerSecret(akey);
  tenant().registerSecret(akey);
  tenant().registerSecret(skey);
  return { enabled: true, host: duo.authIntegration.host, accessKey: akey, identityAttribute: 'name', configProperties: { ikey: duo.authIntegration.ikey, skey } };
}

/** PUTs a duo-web config and expects it taken (a precondition of the Duo test and verify checks). */
export async function configureDuo(api: ApiClient, config: MfaConfig, by: RequirementId = 'IDN.CONFIG.DUO.ROUND_TRIP'): Promise<MfaConfig> {
  return given('a duo-web configuration', async () => {
    const res = await api.request<MfaConfig>('PUT', DUO_CONFIG, { body: { mfaMethod: 'duo-web', ...config } });
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/config#duo', res.body);
    return res.body;
  }, { by });
}
