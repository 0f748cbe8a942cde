import { webAuthnError } from './errors.js';

/**
 * Multi-label public suffixes an RP ID must not be. The browser consults the whole Public Suffix List; this package
 * carries no copy of it, so single-label suffixes ("com") and these common ones are refused, and anything else that is
 * a label-aligned suffix of the host is taken as registrable.
 */
const KNOWN_MULTI_LABEL_PUBLIC_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.jp', 'ne.jp', 'co.nz', 'com.br', 'co.in',
  'com.cn', 'com.mx', 'co.za', 'github.io', 'gitlab.io', 'herokuapp.com', 'appspot.com', 'vercel.app', 'netlify.app',
  'pages.dev', 'workers.dev', 'cloudfront.net', 'azurewebsites.net', 'amazonaws.com',
]);

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

function isPotentiallyTrustworthy(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname.endsWith('.localhost'));
}

/** The caller's serialized origin (scheme://host[:port], no path) and the RP ID the ceremony is for. */
export interface CeremonyScope {
  origin: string;
  rpId: string;
}

/**
 * The RP ID a browser would use for this origin and requested RP ID (the origin's host when none is given), or the
 * SecurityError it would throw: not a secure context, an IP address, or an RP ID that is not a registrable suffix of
 * the origin's host.
 */
export function resolveCeremonyScope(origin: string, requestedRpId: string | undefined): CeremonyScope {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`Not an origin: "${origin}"`);
  }
  if (!isPotentiallyTrustworthy(url)) {
    throw webAuthnError('SecurityError', `${url.origin} is not a secure context (https, or http://localhost)`);
  }
  const host = url.hostname.toLowerCase();
  if (isIpAddress(host)) throw webAuthnError('SecurityError', `An IP address (${host}) cannot be an RP ID`);
  const rpId = (requestedRpId ?? host).toLowerCase();
  if (rpId === host) return { origin: url.origin, rpId };
  const isLabelAlignedSuffix = host.endsWith(`.${rpId}`);
  const isPublicSuffix = !rpId.includes('.') || KNOWN_MULTI_LABEL_PUBLIC_SUFFIXES.has(rpId);
  if (!isLabelAlignedSuffix || isPublicSuffix) {
    throw webAuthnError('SecurityError', `The RP ID "${rpId}" is not a registrable domain suffix of "${host}"`);
  }
  return { origin: url.origin, rpId };
}
