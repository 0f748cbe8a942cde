import type {} from 'vitest';
import { TARGET_PROFILES, type TargetConfig, type TargetProfile } from './contract.js';

/**
 * Reads the target from the environment, the way Okta's SDKs do:
 * `OKTA_CLIENT_ORGURL` + `OKTA_CLIENT_TOKEN` (+ `MFA_CONFORMANCE_CONTROL_TOKEN`) select the http driver;
 * `MFA_CONFORMANCE_TARGET` may carry a whole TargetConfig as JSON (the CLI uses it);
 * with neither, the embedded mock org.
 */
export function targetFromEnv(env: NodeJS.ProcessEnv): TargetConfig {
  const json = env.MFA_CONFORMANCE_TARGET;
  if (json) return parseTargetConfig(JSON.parse(json));
  const baseUrl = env.OKTA_CLIENT_ORGURL;
  const token = env.OKTA_CLIENT_TOKEN;
  if (baseUrl && token) {
    const controlToken = env.MFA_CONFORMANCE_CONTROL_TOKEN;
    return { kind: 'http', baseUrl, token, ...(controlToken ? { controlToken } : {}) };
  }
  return { kind: 'mock' };
}

export function parseTargetConfig(value: unknown): TargetConfig {
  if (typeof value !== 'object' || value === null) throw new TypeError('target config must be an object');
  const v = value as Record<string, unknown>;
  const profile = parseProfile(v.profile);
  return { ...parseTarget(v), ...(profile ? { profile } : {}) };
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
    return { kind: 'mock', ...(faults ? { faults: faults as string[] } : {}) };
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
