import type {} from 'vitest';
import type { DuoTargetConfig, TargetConfig } from './contract.js';

/**
 * Reads the target from the environment, the way Okta's SDKs do:
 * `OKTA_CLIENT_ORGURL` + `OKTA_CLIENT_TOKEN` (+ `MFA_CONFORMANCE_CONTROL_TOKEN`) select the http driver;
 * `MFA_CONFORMANCE_TARGET` may carry a whole TargetConfig as JSON (the CLI uses it);
 * with neither, the embedded mock org.
 */
export function targetFromEnv(env: NodeJS.ProcessEnv): TargetConfig {
  const target = oktaTargetFromEnv(env);
  const duo = target.duo ?? duoTargetFromEnv(env);
  return duo ? { ...target, duo } : target;
}

/**
 * A Duo account from the environment: `MFA_CONFORMANCE_DUO` (the `duo` object `mfa-conformance mock` prints, as
 * JSON), or Duo's own `DUO_IKEY`, `DUO_SKEY`, `DUO_HOST` with `DUO_ADMIN_IKEY`, `DUO_ADMIN_SKEY` (reached at
 * https://DUO_HOST).
 */
export function duoTargetFromEnv(env: NodeJS.ProcessEnv): DuoTargetConfig | undefined {
  const json = env.MFA_CONFORMANCE_DUO;
  if (json) return parseDuoTarget(JSON.parse(json));
  const { DUO_IKEY: ikey, DUO_SKEY: skey, DUO_HOST: host, DUO_ADMIN_IKEY: adminIkey, DUO_ADMIN_SKEY: adminSkey } = env;
  if (!ikey || !skey || !host || !adminIkey || !adminSkey) return undefined;
  return { url: `https://${host}`, host, ikey, skey, adminIkey, adminSkey };
}

function parseDuoTarget(value: unknown): DuoTargetConfig {
  if (typeof value !== 'object' || value === null) throw new TypeError('the Duo target must be an object');
  const v = value as Record<string, unknown>;
  const fields = ['url', 'host', 'ikey', 'skey', 'adminIkey', 'adminSkey'] as const;
  const missing = fields.filter((name) => typeof v[name] !== 'string' || v[name] === '');
  if (missing.length > 0) throw new TypeError(`the Duo target needs ${missing.join(', ')}`);
  return { url: String(v.url), host: String(v.host), ikey: String(v.ikey), skey: String(v.skey), adminIkey: String(v.adminIkey), adminSkey: String(v.adminSkey) };
}

function oktaTargetFromEnv(env: NodeJS.ProcessEnv): TargetConfig {
  const json = env.MFA_CONFORMANCE_TARGET;
  if (json) return parseTargetConfig(JSON.parse(json));
  const baseUrl = env.OKTA_CLIENT_ORGURL;
  const token = env.OKTA_CLIENT_TOKEN;
  if (baseUrl && token) {
    const controlToken = env.MFA_CONFORMANCE_CONTROL_TOKEN;
    const identityNow = identityNowFromEnv(env);
    return { kind: 'http', baseUrl, token, ...(controlToken ? { controlToken } : {}), ...(identityNow ? { identityNow } : {}) };
  }
  return { kind: 'mock' };
}

export function parseTargetConfig(value: unknown): TargetConfig {
  if (typeof value !== 'object' || value === null) throw new TypeError('target config must be an object');
  const v = value as Record<string, unknown>;
  if (v.kind === 'mock') {
    const faults = v.faults;
    if (faults !== undefined && !(Array.isArray(faults) && faults.every((f) => typeof f === 'string'))) {
      throw new TypeError('target.faults must be an array of fault ids');
    }
    return { kind: 'mock', ...(faults ? { faults: faults as string[] } : {}), ...(v.duo !== undefined ? { duo: parseDuoTarget(v.duo) } : {}) };
  }
  if (v.kind === 'http') {
    if (typeof v.baseUrl !== 'string' || typeof v.token !== 'string') {
      throw new TypeError('an http target needs baseUrl and token strings');
    }
    return {
      kind: 'http',
      baseUrl: v.baseUrl,
      token: v.token,
      ...(typeof v.controlToken === 'string' ? { controlToken: v.controlToken } : {}),
      ...(v.duo !== undefined ? { duo: parseDuoTarget(v.duo) } : {}),
      ...(v.identityNow !== undefined ? { identityNow: parseIdentityNow(v.identityNow) } : {}),
    };
  }
  throw new TypeError(`unknown target kind: ${String(v.kind)}`);
}

declare module 'vitest' {
  interface ProvidedContext {
    target: TargetConfig;
    /** The mock org host, when the global setup started one (embedded mock runs). */
    mockHost?: { url: string; adminToken: string };
  }
}

/** An IdentityNow tenant as the SailPoint SDK and CLI name it: SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET. */
function identityNowFromEnv(env: NodeJS.ProcessEnv): { baseUrl: string; clientId: string; clientSecret: string } | undefined {
  const { SAIL_BASE_URL: baseUrl, SAIL_CLIENT_ID: clientId, SAIL_CLIENT_SECRET: clientSecret } = env;
  return baseUrl && clientId && clientSecret ? { baseUrl, clientId, clientSecret } : undefined;
}

function parseIdentityNow(value: unknown): { baseUrl: string; clientId: string; clientSecret: string } {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (typeof v.baseUrl !== 'string' || typeof v.clientId !== 'string' || typeof v.clientSecret !== 'string') {
    throw new TypeError('target.identityNow needs baseUrl, clientId and clientSecret strings');
  }
  return { baseUrl: v.baseUrl, clientId: v.clientId, clientSecret: v.clientSecret };
}
