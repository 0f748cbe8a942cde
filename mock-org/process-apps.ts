import type { FastifyInstance } from 'fastify';
import { buildDuoApp, type DuoHostOrg } from './duo-auth/index.js';
import { buildIdentityNowApp, identityNowTenant, type IdentityNowTenant } from './identitynow-mfa/index.js';
import type { OrgApp, ServedOrg } from './core/org-routes.js';
import { MockOrg } from './org.js';
import { buildOktaApp } from './server.js';

/** An org served by an app of this process: its requests go through `routing` (or `app.inject` with `headers`). */
export interface ProcessServedOrg extends ServedOrg {
  readonly app: FastifyInstance;
  /** Resolves once the app takes requests. */
  readonly ready: Promise<void>;
}

/**
 * The app of this process for one API family, made on first use: every org of the family the process makes is
 * served by it, so that an org costs its handlers' closures rather than a fastify app (core/org-routes.ts).
 */
class ProcessApp<Org> {
  #made: { orgs: OrgApp<Org>; ready: Promise<void> } | undefined;

  constructor(private readonly build: () => OrgApp<Org>) {}

  serve(org: Org): ProcessServedOrg {
    if (this.#made === undefined) {
      const orgs = this.build();
      const ready = new Promise<void>((resolve, reject) => orgs.app.ready((error) => (error ? reject(error) : resolve())));
      this.#made = { orgs, ready };
    }
    const { orgs, ready } = this.#made;
    return { ...orgs.add(org), app: orgs.app, ready };
  }
}

const OKTA_WITH_CONTROL = new ProcessApp(() => buildOktaApp({ control: true }));
const OKTA_WITHOUT_CONTROL = new ProcessApp(() => buildOktaApp({ control: false }));
const IDENTITYNOW = new ProcessApp<IdentityNowTenant>(() => buildIdentityNowApp(identityNowTenant(new MockOrg()).tenant));
const DUO = new ProcessApp<DuoHostOrg>(() => buildDuoApp(new MockOrg()));

/** `org` served by this process's Okta app (with the control protocol or without). */
export function servedOktaOrg(org: MockOrg, options: { control: boolean }): ProcessServedOrg {
  return (options.control ? OKTA_WITH_CONTROL : OKTA_WITHOUT_CONTROL).serve(org);
}

/** `tenant` served by this process's IdentityNow app. */
export function servedIdentityNowTenant(tenant: IdentityNowTenant): ProcessServedOrg {
  return IDENTITYNOW.serve(tenant);
}

/** The Duo host of `org` served by this process's Duo app. */
export function servedDuoHost(org: DuoHostOrg): ProcessServedOrg {
  return DUO.serve(org);
}
