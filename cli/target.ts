/**
 * Which target a run is aimed at, from the command line and the environment, and how to name it
 * in reports without giving away a secret.
 */
import type { TargetConfig } from '../drivers/contract.js';
import { duoTargetFromEnv, parseTargetConfig } from '../drivers/target-config.js';
import { UsageError } from './usage.js';

export interface TargetFlags {
  target?: string;
  token?: string;
  controlToken?: string;
  faults?: readonly string[];
}

/**
 * Flags win over the environment: `--target`/`OKTA_CLIENT_ORGURL` selects the http driver (and needs a token from
 * `--token`/`OKTA_CLIENT_TOKEN`), else `MFA_CONFORMANCE_TARGET` (a whole TargetConfig as JSON), else the embedded mock.
 * Throws UsageError for a combination that cannot mean anything.
 */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): TargetConfig {
  const target = resolveOktaTarget(flags, env);
  // A Duo account (MFA_CONFORMANCE_DUO or DUO_*) joins whichever target the run has, for the duo-auth suites.
  const duo = target.duo ?? duoTargetFromEnv(env);
  return duo ? { ...target, duo } : target;
}

function resolveOktaTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): TargetConfig {
  const faults = flags.faults ?? [];
  const baseUrl = flags.target ?? nonEmpty(env.OKTA_CLIENT_ORGURL);
  if (baseUrl !== undefined) {
    const token = flags.token ?? nonEmpty(env.OKTA_CLIENT_TOKEN);
    if (token === undefined) throw new UsageError('--target needs an API token: pass --token or set OKTA_CLIENT_TOKEN');
    if (faults.length > 0) throw new UsageError('--fault works only with the embedded mock org, not with --target');
    checkTargetUrl(baseUrl);
    const controlToken = flags.controlToken ?? nonEmpty(env.MFA_CONFORMANCE_CONTROL_TOKEN);
    const identityNow = identityNowFromEnv(env);
    return { kind: 'http', baseUrl, token, ...(controlToken !== undefined ? { controlToken } : {}), ...(identityNow ? { identityNow } : {}) };
  }
  if (flags.token !== undefined) throw new UsageError('--token needs --target (or OKTA_CLIENT_ORGURL)');
  if (flags.controlToken !== undefined) throw new UsageError('--control-token needs --target (or OKTA_CLIENT_ORGURL)');

  const fromEnv = targetFromJsonEnv(env);
  if (fromEnv?.kind === 'http') {
    if (faults.length > 0) throw new UsageError('--fault works only with the embedded mock org, not with an http target');
    return fromEnv;
  }
  const allFaults = [...new Set([...(fromEnv?.faults ?? []), ...faults])];
  return { kind: 'mock', ...(allFaults.length > 0 ? { faults: allFaults } : {}) };
}

/** The target as reports name it: the URL's origin and path, without credentials, query or fragment. */
export function describeTarget(target: TargetConfig): { target: string; driver: string } {
  if (target.kind === 'mock') {
    const faults = target.faults?.length ? ` (faults: ${target.faults.join(', ')})` : '';
    return { target: `embedded mock org${faults}`, driver: 'mock' };
  }
  const url = new URL(target.baseUrl);
  return { target: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, driver: target.kind };
}

/** The secrets a target carries, for redaction. */
export function targetSecrets(target: TargetConfig): string[] {
  const duo = target.duo ? [target.duo.skey, target.duo.adminSkey] : [];
  const identityNow = target.kind === 'http' && target.identityNow ? [target.identityNow.clientSecret] : [];
  return target.kind === 'http' ? [target.token, ...(target.controlToken ? [target.controlToken] : []), ...duo, ...identityNow] : duo;
}

function checkTargetUrl(baseUrl: string): void {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new UsageError('--target must be an absolute URL, e.g. https://example.okta.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--target must be an http(s) URL');
  if (url.username || url.password) throw new UsageError('--target must not carry credentials; use --token');
}

function targetFromJsonEnv(env: NodeJS.ProcessEnv): TargetConfig | undefined {
  const json = nonEmpty(env.MFA_CONFORMANCE_TARGET);
  if (json === undefined) return undefined;
  try {
    return parseTargetConfig(JSON.parse(json));
  } catch (error) {
    // the value may hold a token: name the variable, not its content
    const why = error instanceof SyntaxError ? 'is not valid JSON' : `is not a target config (${(error as Error).message})`;
    throw new UsageError(`MFA_CONFORMANCE_TARGET ${why}`);
  }
}

/** The IdentityNow tenant beside an Okta target, as the SailPoint SDK and CLI name it (SAIL_BASE_URL, SAIL_CLIENT_ID, SAIL_CLIENT_SECRET). */
function identityNowFromEnv(env: NodeJS.ProcessEnv): { baseUrl: string; clientId: string; clientSecret: string } | undefined {
  const baseUrl = nonEmpty(env.SAIL_BASE_URL);
  const clientId = nonEmpty(env.SAIL_CLIENT_ID);
  const clientSecret = nonEmpty(env.SAIL_CLIENT_SECRET);
  return baseUrl && clientId && clientSecret ? { baseUrl, clientId, clientSecret } : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
