import type { StoredFactor } from './store.js';

export interface Link {
  href: string;
  name?: string;
  type?: string;
  hints?: { allow: string[] };
}

export const link = (href: string, allow: string[], extra: Omit<Link, 'href' | 'hints'> = {}): Link => ({
  href,
  ...extra,
  hints: { allow },
});

export const userUrl = (baseUrl: string, userId: string) => `${baseUrl}/api/v1/users/${userId}`;
export const factorUrl = (baseUrl: string, factor: Pick<StoredFactor, 'id' | 'userId'>) =>
  `${userUrl(baseUrl, factor.userId)}/factors/${factor.id}`;

/** The `_links` every factor publishes in its status (spec §3.3, §4.1); kinds add their own. */
export function factorLinks(baseUrl: string, factor: StoredFactor): Record<string, Link | Link[]> {
  const self = factorUrl(baseUrl, factor);
  const user = link(userUrl(baseUrl, factor.userId), ['GET']);
  if (factor.status === 'PENDING_ACTIVATION') {
    return {
      activate: link(`${self}/lifecycle/activate`, ['POST']),
      self: link(self, ['GET']),
      user,
    };
  }
  return {
    verify: link(`${self}/verify`, ['POST']),
    self: link(self, ['GET', 'DELETE']),
    user,
  };
}

/** `verify` and `factor` links of a challenge or verify result. */
export function resultLinks(baseUrl: string, factor: StoredFactor): Record<string, Link> {
  const self = factorUrl(baseUrl, factor);
  return {
    verify: link(`${self}/verify`, ['POST']),
    factor: link(self, ['GET', 'DELETE']),
  };
}
