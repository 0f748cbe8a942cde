import { base32nopad } from '@scure/base';
import { isObject } from '../../mock-org/core/input.js';
import type { OrgApp } from '../../mock-org/core/org-routes.js';
import type { StoredFactor, StoredUser } from '../../mock-org/okta-factors/store.js';
import type { YUBIKEY_TOKENS } from '../../mock-org/okta-factors/yubikey/tokens.js';
import type { MockOrg } from '../../mock-org/org.js';
import { watchStored } from './watch-stored.js';

/**
 * What an Okta mock org stores that is a secret (its API token, user passwords, TOTP shared secrets, YubiKey AES keys
 * and private ids), collected as the orgs of a thread store it: no-secret-leak.test.ts runs the suites against the
 * embedded mock in process, so their orgs live in the run's suite worker, where its setup file (org-secrets-setup.ts)
 * watches them.
 */

/**
 * The mock's modules as the run's suites load them (dist/, or the sources): an org's state (YUBIKEY_TOKENS) and its
 * class are those of the module instance the suites' mock was made from.
 */
export interface MockModules {
  OrgApp: typeof OrgApp;
  MockOrg: typeof MockOrg;
  YUBIKEY_TOKENS: typeof YUBIKEY_TOKENS;
}

/** What a thread's orgs stored: how many orgs, and their secrets. */
export interface SeenOrgSecrets {
  orgs: number;
  secrets: string[];
}

export class OrgSecretWatch {
  readonly #mock: MockModules;
  readonly #orgs = new Set<MockOrg>();
  readonly #secrets = new Set<string>();

  constructor(mock: MockModules) {
    this.#mock = mock;
  }

  /**
   * Watches every Okta org this thread's mock apps serve from now on (an org is served before it is given anything:
   * drivers/mock/, the worker's mock host; its Duo account is the same org, served by the Duo app).
   */
  watchServedOrgs(): void {
    const watch = (org: unknown) => {
      if (org instanceof this.#mock.MockOrg) this.#watch(org);
    };
    const prototype = this.#mock.OrgApp.prototype;
    const add = prototype.add;
    prototype.add = function (this: OrgApp<unknown>, org: unknown) {
      watch(org);
      return add.call(this, org);
    };
  }

  /** Whatever an org is given to keep becomes a secret of this run. */
  #watch(org: MockOrg): void {
    if (this.#orgs.has(org)) return;
    this.#orgs.add(org);
    this.#secrets.add(org.apiToken);
    watchStored(org.store.users, (user: StoredUser) => {
      if (user.password) this.#secrets.add(user.password);
    });
    watchStored(org.store.factors, (factor: StoredFactor) => {
      const key = isObject(factor.secret) ? factor.secret.key : undefined;
      if (key instanceof Uint8Array && factor.factorType === 'token:software:totp') this.#secrets.add(base32nopad.encode(key));
    });
  }

  /** The orgs seen so far and their secrets, YubiKey seeds included (they stay in an org's token store: the API has no documented DELETE for them). */
  seen(): SeenOrgSecrets {
    for (const org of this.#orgs) {
      for (const token of this.#mock.YUBIKEY_TOKENS.of(org.scope).values()) {
        this.#secrets.add(Buffer.from(token.aesKey).toString('hex'));
        this.#secrets.add(Buffer.from(token.privateId).toString('hex'));
      }
    }
    return { orgs: this.#orgs.size, secrets: [...this.#secrets] };
  }
}
