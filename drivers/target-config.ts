import type {} from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { TARGET_PROFILES, type DuoTargetConfig, type IdentityNowTargetConfig, type OktaCredentials, type RunIdentity, type TargetConfig, type TargetProfile } from './contract.js';

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
  if (baseUrl && env.OKTA_CLIENT_AUTHORIZATIONMODE === 'PrivateKey') {
    return { kind: 'okta', baseUrl, credentials: oktaCredentialsFromEnv(env) };
  }
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
  const profile = parseProfile(v.profile);
  const allowTargets = v.allowTargets;
  if (allowTargets !== undefined && !(Array.isArray(allowTargets) && allowTargets.every((h) => typeof h === 'string'))) {
    throw new TypeError('target.allowTargets must be an array of host names');
  }
  return { ...parseTarget(v), ...(profile ? { profile } : {}), ...(allowTargets ? { allowTargets: allowTargets as string[] } : {}) };
}

function parseProfile(value: unknown): TargetProfile | undefined {
  if (value === undefined) return undefined;
  const known = TARGET_PROFILES.find((p) => p === value);
  if (!known) throw new TypeError(`target.profile must be one of ${TARGET_PROFILES.join(', ')}`);
  return known;
}

function parseTarget(v: Record<string, unknown>): TargetConfig {
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
      ...runOf(v.run),
    };
  }
  if (v.kind === 'okta') {
    if (typeof v.baseUrl !== 'string') throw new TypeError('an okta target needs a baseUrl string');
    const hook = v.telephonyHook as Record<string, unknown> | undefined;
    if (hook !== undefined && (typeof hook.port !== 'number' || typeof hook.secret !== 'string')) {
      throw new TypeError('target.telephonyHook needs a port number and a secret string');
    }
    return {
      kind: 'okta',
      baseUrl: v.baseUrl,
      credentials: parseCredentials(v.credentials),
      ...(typeof v.controlToken === 'string' ? { controlToken: v.controlToken } : {}),
      ...runOf(v.run),
      ...(v.duo !== undefined ? { duo: parseDuoTarget(v.duo) } : {}),
      ...(v.identityNow !== undefined ? { identityNow: parseIdentityNow(v.identityNow) } : {}),
      ...(hook ? { telephonyHook: { port: hook.port as number, secret: hook.secret as string, ...(typeof hook.host === 'string' ? { host: hook.host } : {}) } } : {}),
    };
  }
  throw new TypeError(`unknown target kind: ${String(v.kind)}`);
}

declare module 'vitest' {
  interface ProvidedContext {
    target: TargetConfig;
    /** The mock org host, when the global setup started one (embedded mock runs). */
    mockHost?: { url: string; adminToken: string };
    /**
     * Whether the run keeps what checks tell Allure (its results, or a blob report that carries them): false, the
     * checks make no labels and no attachments (suites/support/check.ts), nobody would read them. Unset: they do.
     */
    allureResults?: boolean;
  }
}

/** An IdentityNow tenant as the SailPoint SDK and CLI name it: SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET. */
export function identityNowFromEnv(env: NodeJS.ProcessEnv): IdentityNowTargetConfig | undefined {
  const { SAIL_BASE_URL: baseUrl, SAIL_CLIENT_ID: clientId, SAIL_CLIENT_SECRET: clientSecret } = env;
  return baseUrl && clientId && clientSecret ? { baseUrl, clientId, clientSecret } : undefined;
}

function parseIdentityNow(value: unknown): IdentityNowTargetConfig {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  if (typeof v.baseUrl !== 'string' || typeof v.clientId !== 'string' || typeof v.clientSecret !== 'string') {
    throw new TypeError('target.identityNow needs baseUrl, clientId and clientSecret strings');
  }
  return { baseUrl: v.baseUrl, clientId: v.clientId, clientSecret: v.clientSecret };
}

/**
 * An OAuth 2.0 service app's credentials from the environment, as Okta's SDKs name them:
 * `OKTA_CLIENT_CLIENTID`, `OKTA_CLIENT_SCOPES` (space-separated), `OKTA_CLIENT_PRIVATEKEY` (the key itself, PEM or JWK,
 * or the path of a file holding it) and `OKTA_CLIENT_KEYID` (Node) or `OKTA_CLIENT_PRIVATEKEYID` (Go).
 */
export function oktaCredentialsFromEnv(env: NodeJS.ProcessEnv): OktaCredentials {
  const clientId = env.OKTA_CLIENT_CLIENTID;
  const key = env.OKTA_CLIENT_PRIVATEKEY;
  if (!clientId || !key) throw new TypeError('OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey needs OKTA_CLIENT_CLIENTID and OKTA_CLIENT_PRIVATEKEY');
  const keyId = env.OKTA_CLIENT_KEYID || env.OKTA_CLIENT_PRIVATEKEYID;
  return {
    mode: 'PrivateKey',
    clientId,
    scopes: (env.OKTA_CLIENT_SCOPES || 'okta.users.manage').split(/[\s,]+/).filter(Boolean),
    privateKey: readKey(key),
    ...(keyId ? { keyId } : {}),
  };
}

/** A key given inline (PEM or JWK) or as the path of a file that holds it. */
function readKey(value: string): string {
  const inline = value.trim().startsWith('-----BEGIN') || value.trim().startsWith('{');
  if (inline) return value;
  if (!existsSync(value)) throw new TypeError('the private key is neither a PEM or JWK value nor the path of a readable file');
  return readFileSync(value, 'utf8');
}

function parseCredentials(value: unknown): OktaCredentials {
  if (typeof value !== 'object' || value === null) throw new TypeError('an okta target needs credentials');
  const c = value as Record<string, unknown>;
  if (c.mode === 'SSWS' && typeof c.token === 'string') return { mode: 'SSWS', token: c.token };
  if (c.mode === 'PrivateKey' && typeof c.clientId === 'string' && typeof c.privateKey === 'string' && Array.isArray(c.scopes)) {
    return {
      mode: 'PrivateKey',
      clientId: c.clientId,
      scopes: c.scopes.filter((s): s is string => typeof s === 'string'),
      privateKey: c.privateKey,
      ...(typeof c.keyId === 'string' ? { keyId: c.keyId } : {}),
    };
  }
  throw new TypeError('credentials must be {mode: "SSWS", token} or {mode: "PrivateKey", clientId, scopes, privateKey}');
}

function runOf(value: unknown): { run?: RunIdentity } {
  if (typeof value !== 'object' || value === null) return {};
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string') return {};
  return {
    run: {
      id: r.id,
      ...(typeof r.journal === 'string' ? { journal: r.journal } : {}),
      ...(typeof r.stopFile === 'string' ? { stopFile: r.stopFile } : {}),
    },
  };
}
