import type { Routes } from '../core/org-routes.js';
import { RIGHTS, requireRight } from './auth.js';
import { badRequest, internalFault } from './errors.js';
import { isObject, nullableString, objectBody, oneOf, optionalBoolean } from './input.js';
import { duoAccountOf } from './duo-config.js';
import { testDuoAccount } from './duo-account.js';
import { testOktaOrg } from './okta-org.js';
import { isSecretProperty, mask, presentConfig, unsetConfig } from './present.js';
import type { IdentityNowTenant, MfaConfig } from './tenant.js';

const CONFIG_METHODS = ['okta-verify', 'duo-web'] as const;
type ConfigMethod = (typeof CONFIG_METHODS)[number];

/** MFA Configuration (spec §4): C1–C4 and C7–C8; KBA questions (C5, C6) are in kba-routes.ts. */
export function registerConfigRoutes(app: Routes, tenant: IdentityNowTenant): void {
  const faults = tenant.host.faults;
  const stored = (method: ConfigMethod): MfaConfig => tenant.configs.get(method) ?? unsetConfig(method);
  const present = (config: MfaConfig) => presentConfig(config, faults.has('identitynow-mfa.access-key-in-clear'));

  for (const method of CONFIG_METHODS) {
    app.get(`/mfa/${method}/config`, async (request) => {
      requireRight(tenant, request, RIGHTS.configRead);
      return present(stored(method));
    });

    app.put(`/mfa/${method}/config`, async (request) => {
      requireRight(tenant, request, RIGHTS.configManage);
      let next: MfaConfig;
      try {
        next = applyConfig(stored(method), method, request.body);
      } catch (error) {
        if (faults.has('identitynow-mfa.bad-body-500')) throw internalFault();
        throw error;
      }
      if (next.accessKey) tenant.noteSecret(next.accessKey);
      for (const [name, value] of Object.entries(next.configProperties ?? {})) if (isSecretProperty(name) && typeof value === 'string') tenant.noteSecret(value);
      if (!faults.has('identitynow-mfa.config-not-persisted')) tenant.configs.set(method, next);
      return present(next);
    });
  }

  // C7: 200 with SUCCESS or FAILED (§9 item 10): the provider is asked with the configured keys.
  app.get<{ Params: { method: string } }>('/mfa/:method/test', async (request) => {
    requireRight(tenant, request, RIGHTS.configRead);
    const method = configMethod(tenant, request.params.method);
    const config = stored(method);
    if (!config.enabled) return { state: 'FAILED', error: 'MFA Method is disabled.' };
    if (faults.has('identitynow-mfa.test-always-fails')) return { state: 'FAILED', error: 'The provider could not be reached.' };
    if (!config.host || !config.accessKey) return { state: 'FAILED', error: 'The configuration has no host or access key.' };
    if (method === 'duo-web') {
      const account = duoAccountOf(config);
      if (!account) return { state: 'FAILED', error: 'The configuration has no Duo integration key (configProperties.ikey) or secret key (configProperties.skey).' };
      if (faults.has('identitynow-mfa.duo-test-never-calls-duo')) return { state: 'SUCCESS', error: null };
      const error = await testDuoAccount(tenant.network, account, tenant.now());
      return error === null ? { state: 'SUCCESS', error: null } : { state: 'FAILED', error };
    }
    if (faults.has('identitynow-mfa.test-never-calls-okta')) return { state: 'SUCCESS', error: null };
    const error = await testOktaOrg(tenant.network.local, config.host, config.accessKey);
    return error === null ? { state: 'SUCCESS', error: null } : { state: 'FAILED', error };
  });

  // C8: 200 with the removed config, masked (the unset shape when there was none), §9 item 4.
  app.delete<{ Params: { method: string } }>('/mfa/:method/delete', async (request) => {
    requireRight(tenant, request, RIGHTS.configManage);
    const method = configMethod(tenant, request.params.method);
    const removed = stored(method);
    if (!faults.has('identitynow-mfa.delete-keeps-config')) tenant.configs.delete(method);
    return present(removed);
  });
}

/** `{method}` of C7/C8: an unknown value is 400 naming it (§9 item 3). */
function configMethod(tenant: IdentityNowTenant, value: string): ConfigMethod {
  if (tenant.host.faults.has('identitynow-mfa.unknown-method-500') && !(CONFIG_METHODS as readonly string[]).includes(value)) throw internalFault();
  return oneOf(value, CONFIG_METHODS, 'method');
}

/**
 * The PUT body over the stored config (§9 items 6, 7): no field is required; wrong types and a
 * mfaMethod of another method are 400; enabling needs a host and a key. A missing accessKey, or the
 * stored key's own mask sent back, keeps the stored key; null clears it.
 */
function applyConfig(current: MfaConfig, method: ConfigMethod, body: unknown): MfaConfig {
  const input = objectBody(body);
  const mfaMethod = nullableString(input, 'mfaMethod');
  if (typeof mfaMethod === 'string' && mfaMethod !== method) throw badRequest(`mfaMethod must be ${method} on this path; got ${mfaMethod.slice(0, 40)}`);
  const enabled = optionalBoolean(input, 'enabled') ?? false;
  const host = nullableString(input, 'host');
  const identityAttribute = nullableString(input, 'identityAttribute');
  const accessKey = keptSecret(nullableString(input, 'accessKey'), current.accessKey);
  const next: MfaConfig = {
    mfaMethod: method,
    enabled,
    host: host ?? null,
    accessKey,
    identityAttribute: identityAttribute ?? null,
  };
  if (method === 'duo-web') {
    const properties = input.configProperties;
    if (properties !== undefined && properties !== null && !isObject(properties)) throw badRequest('configProperties must be an object or null');
    next.configProperties = properties === undefined || properties === null ? null : duoProperties(properties, current.configProperties ?? null);
  }
  if (enabled && (!next.host || !next.accessKey)) throw badRequest('an enabled method needs a host and an accessKey');
  return next;
}

function keptSecret(given: string | null | undefined, stored: string | null): string | null {
  if (given === undefined) return stored;
  if (given !== null && stored !== null && given === mask(stored)) return stored;
  return given;
}

function duoProperties(given: Record<string, unknown>, stored: Record<string, unknown> | null): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(given).map(([key, value]) => {
      const before = stored?.[key];
      return [key, typeof value === 'string' && typeof before === 'string' && value === mask(before) ? before : value];
    }),
  );
}
