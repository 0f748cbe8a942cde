/**
 * Safe by default: a run against anything but the embedded mock needs its host allowed explicitly
 * (`--allow-target HOST` or `allowTargets` in the config file), and a host that looks like production needs
 * `--allow-production` as well. Checked before any request is sent.
 *
 * "Looks like production" (spec §5.2): every Okta cell host except `*.oktapreview.com` is production (`*.okta.com`,
 * `*.okta-emea.com`, the government clouds, and the free `integrator-…`/`trial-…` orgs, which live on okta.com);
 * an `-admin` host is the Admin Console, never an API base, and is refused outright. Any other host that is not
 * loopback, a private address, or under `.test`, `.example`, `.invalid`, `.localhost`, `.local`, `.internal` is treated as
 * production too (a custom domain may hide an Okta org).
 */
import { isIP } from 'node:net';
import { UsageError } from './usage.js';

export interface SafetyOptions {
  allowTargets: readonly string[];
  allowProduction: boolean;
}

export function checkTargetAllowed(baseUrl: string, options: SafetyOptions): void {
  const host = new URL(baseUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (/-admin\./.test(host)) {
    throw new UsageError(`${host} is the Admin Console host, not the API: use the org URL without -admin (e.g. https://${host.replace('-admin.', '.')})`);
  }
  const allowed = options.allowTargets.map((h) => h.toLowerCase().trim()).some((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1))));
  if (!allowed) {
    throw new UsageError(`refusing to write to ${host}: it is not an allowed target; pass --allow-target ${host} (or list it in allowTargets in the config file) if this org may be written to`);
  }
  if (looksLikeProduction(host) && !options.allowProduction) {
    throw new UsageError(`refusing to write to ${host}: it looks like a production org; pass --allow-production as well if it is a dedicated test org`);
  }
}

export function looksLikeProduction(host: string): boolean {
  if (host.endsWith('.oktapreview.com')) return false;
  if (host === 'localhost' || /\.(test|example|invalid|localhost|local|internal)$/.test(host)) return false;
  if (isIP(host) !== 0) return !isPrivateAddress(host);
  return true;
}

function isPrivateAddress(ip: string): boolean {
  return (
    /^(127\.|10\.|192\.168\.|169\.254\.)/.test(ip) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(ip) ||
    ip === '::1' ||
    /^f[cd]/i.test(ip)
  );
}
