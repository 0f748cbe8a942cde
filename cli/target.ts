/**
 * Which target a run is aimed at, from the command line and the environment, and how to name it
 * in reports without giving away a secret.
 */
import type { OktaCredentials, TargetConfig } from '../drivers/contract.js';
import { duoTargetFromEnv, identityNowFromEnv, oktaCredentialsFromEnv, parseTargetConfig } from '../drivers/target-config.js';
import { credentialSecrets } from '../drivers/okta/credentials.js';
import { UsageError } from './usage.js';

export interface TargetFlags {
  target?: string;
  token?: string;
  controlToken?: string;
  faults?: readonly string[];
  /** `okta` (a real org: OAuth, engine detection, telephony hook) or `http` (any endpoint); default by host and mode. */
  driver?: string;
  /** OAuth 2.0 service app: client id, scopes, private key file, key id (or their OKTA_CLIENT_* variables). */
  clientId?: string;
  scopes?: string;
  privateKeyFile?: string;
  keyId?: string;
  /** Port of the harness's telephony inline hook (its secret: MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET). */
  telephonyHookPort?: number;
}

/** Hosts of Okta's own cells: a target there is a real org, reached by the okta driver unless told otherwise. */
const OKTA_DOMAINS = /\.(okta|oktapreview|okta-emea|okta-gov|okta-miltest|trex-govcloud)\.com$|\.okta\.mil$/i;

/**
 * Flags win over the environment: `--target`/`OKTA_CLIENT_ORGURL` selects the http driver (and needs a token from
 * `--token`/`OKTA_CLIENT_TOKEN`), else `MFA_CONFORMANCE_TARGET` (a whole TargetConfig as JSON), else the embedded mock.
 * Throws UsageError for a combination that cannot mean anything.
 */
export function resolveTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): TargetConfig {
  const target = resolveOktaTarget(flags, env);
  // A Duo account (MFA_CONFORMANCE_DUO or DUO_*) joins whichever target the run has, for the duo-auth suites.
  const duo = target.duo ?? duoTargetFromEnv(env);
  const withDuo = duo ? { ...target, duo } : target;
  // An IdentityNow tenant (SAIL_*) joins a real or http Okta target, whose org its okta-verify configuration may use.
  const identityNow = withDuo.kind === 'mock' ? undefined : (withDuo.identityNow ?? identityNowFromEnv(env));
  return identityNow && withDuo.kind !== 'mock' ? { ...withDuo, identityNow } : withDuo;
}

function resolveOktaTarget(flags: TargetFlags, env: NodeJS.ProcessEnv): TargetConfig {
  const faults = flags.faults ?? [];
  const baseUrl = flags.target ?? nonEmpty(env.OKTA_CLIENT_ORGURL);
  if (baseUrl !== undefined) {
    if (faults.length > 0) throw new UsageError('--fault works only with the embedded mock org, not with --target');
    checkTargetUrl(baseUrl);
    const controlToken = flags.controlToken ?? nonEmpty(env.MFA_CONFORMANCE_CONTROL_TOKEN);
    const credentials = credentialsOf(flags, env);
    const hookSecret = nonEmpty(env.MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET);
    if (flags.telephonyHookPort !== undefined && hookSecret === undefined) {
      throw new UsageError('--telephony-hook-port needs MFA_CONFORMANCE_TELEPHONY_HOOK_SECRET (the Authorization value the hook is configured with)');
    }
    const driver = flags.driver ?? (credentials.mode === 'PrivateKey' || flags.telephonyHookPort !== undefined || OKTA_DOMAINS.test(new URL(baseUrl).hostname) ? 'okta' : 'http');
    if (driver !== 'okta' && driver !== 'http') throw new UsageError('--driver must be okta or http');
    if (driver === 'http') {
      if (credentials.mode !== 'SSWS') throw new UsageError('--driver http takes an SSWS token only; an OAuth 2.0 service app needs --driver okta');
      return { kind: 'http', baseUrl, token: credentials.token, ...(controlToken !== undefined ? { controlToken } : {}) };
    }
    return {
      kind: 'okta',
      baseUrl,
      credentials,
      ...(controlToken !== undefined ? { controlToken } : {}),
      ...(flags.telephonyHookPort !== undefined && hookSecret !== undefined ? { telephonyHook: { port: flags.telephonyHookPort, secret: hookSecret } } : {}),
    };
  }
  if (flags.token !== undefined) throw new UsageError('--token needs --target (or OKTA_CLIENT_ORGURL)');
  if (flags.clientId !== undefined) throw new UsageError('--client-id needs --target (or OKTA_CLIENT_ORGURL)');
  if (flags.controlToken !== undefined) throw new UsageError('--control-token needs --target (or OKTA_CLIENT_ORGURL)');

  const fromEnv = targetFromJsonEnv(env);
  if (fromEnv !== undefined && fromEnv.kind !== 'mock') {
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
  if (target.kind === 'mock') return target.duo ? [target.duo.skey, target.duo.adminSkey] : [];
  const own = target.kind === 'http' ? [target.token] : [...credentialSecrets(target.credentials), ...(target.telephonyHook ? [target.telephonyHook.secret] : [])];
  const duo = target.duo ? [target.duo.skey, target.duo.adminSkey] : [];
  const identityNow = target.identityNow ? [target.identityNow.clientSecret] : [];
  return [...own, ...(target.controlToken ? [target.controlToken] : []), ...duo, ...identityNow];
}

/** SSWS from --token/OKTA_CLIENT_TOKEN, or a service app when a client id is given or OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey. */
function credentialsOf(flags: TargetFlags, env: NodeJS.ProcessEnv): OktaCredentials {
  const mode = nonEmpty(env.OKTA_CLIENT_AUTHORIZATIONMODE) ?? 'SSWS';
  if (flags.clientId !== undefined || (flags.token === undefined && mode === 'PrivateKey')) {
    const merged: NodeJS.ProcessEnv = {
      ...env,
      ...(flags.clientId !== undefined ? { OKTA_CLIENT_CLIENTID: flags.clientId } : {}),
      ...(flags.scopes !== undefined ? { OKTA_CLIENT_SCOPES: flags.scopes } : {}),
      ...(flags.privateKeyFile !== undefined ? { OKTA_CLIENT_PRIVATEKEY: flags.privateKeyFile } : {}),
      ...(flags.keyId !== undefined ? { OKTA_CLIENT_KEYID: flags.keyId } : {}),
    };
    try {
      return oktaCredentialsFromEnv(merged);
    } catch (error) {
      throw new UsageError(`OAuth 2.0 service app: ${(error as Error).message} (or --client-id and --private-key FILE)`);
    }
  }
  if (mode !== 'SSWS' && mode !== 'PrivateKey') throw new UsageError('OKTA_CLIENT_AUTHORIZATIONMODE must be SSWS or PrivateKey');
  const token = flags.token ?? nonEmpty(env.OKTA_CLIENT_TOKEN);
  if (token === undefined) throw new UsageError('--target needs credentials: --token (or OKTA_CLIENT_TOKEN), or an OAuth 2.0 service app (--client-id, --private-key)');
  return { mode: 'SSWS', token };
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


function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
