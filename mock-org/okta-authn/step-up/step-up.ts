import type { Routes } from '../../core/org-routes.js';
import { authenticationFailed } from '../../core/errors.js';
import type { JsonObject } from '../../core/input.js';
import { oktaId } from '../../core/ids.js';
import { OrgState } from '../../core/org-state.js';
import { link } from '../../okta-factors/links.js';
import type { StoredUser } from '../../okta-factors/store.js';
import type { ControlInput } from '../../../schemas/control/operations.js';
import type { AuthnContext, AuthnOrg } from '../flow.js';
import { primaryAuthentication, type PrimaryOutcome } from '../transaction/primary.js';
import { AUTHN_TRANSACTIONS } from '../transactions.js';
import { authnUrl } from '../urls.js';

/**
 * Step-up (spec §5.8): a protected (SAML) app sends a user without an Okta session to the sign-in page with a
 * stateToken; get-state answers UNAUTHENTICATED (type SESSION_STEP_UP, the target app, the authentication protocol,
 * next `authenticate`), and A1 with that stateToken and the user's credentials goes on as primary authentication.
 * No API starts one, so the control protocol does (`POST authn/step-up`), as the app's redirect would.
 */

/** The app a step-up transaction is for, by stateToken. */
const STEP_UP_APPS = new OrgState(() => new Map<string, { id: string; label: string }>(), (apps) => apps.clear());

/** The user of a transaction nobody has signed in to yet: never stored, never presented. */
export const NOBODY: StoredUser = {
  id: '',
  status: 'ACTIVE',
  created: '',
  activated: null,
  statusChanged: null,
  lastUpdated: '',
  passwordChanged: null,
  profile: { login: '', email: '', firstName: '', lastName: '' },
  password: null,
};

export function registerStepUpControlRoute(app: Routes, org: AuthnOrg): void {
  app.post<{ Body: ControlInput<'startStepUp'> }>('/__control/v1/authn/step-up', async (request) => {
    const transaction = AUTHN_TRANSACTIONS.of(org.scope).start('', 'UNAUTHENTICATED', org.clock.now());
    STEP_UP_APPS.of(org.scope).set(transaction.stateToken, { id: oktaId('0oa'), label: request.body.appLabel ?? 'Protected app' });
    return { stateToken: transaction.stateToken };
  });
}

/** UNAUTHENTICATED as get-state answers it. */
export function presentUnauthenticated(ctx: AuthnContext, head: Record<string, unknown>): Record<string, unknown> {
  const app = STEP_UP_APPS.of(ctx.org.scope).get(ctx.transaction.stateToken) ?? { id: '', label: 'Protected app' };
  const post = (href: string, name?: string) => ({ ...(name !== undefined ? { name } : {}), ...link(href, ['POST']) });
  return {
    ...head,
    type: 'SESSION_STEP_UP',
    _embedded: {
      target: { type: 'APP', name: 'protected_app', label: app.label, _links: {} },
      authentication: { protocol: 'SAML2.0', issuer: { id: app.id, name: app.label, uri: `${ctx.baseUrl}/app/${app.id}` } },
    },
    _links: { next: post(authnUrl(ctx.baseUrl), 'authenticate'), cancel: post(authnUrl(ctx.baseUrl, '/cancel')) },
  };
}

/**
 * A1 with an UNAUTHENTICATED stateToken and credentials: primary authentication, whose outcome the transaction takes
 * (its stateToken stays). Wrong credentials are 401 E0000004 and leave it UNAUTHENTICATED.
 */
export function stepUpAuthentication(ctx: AuthnContext, body: JsonObject): PrimaryOutcome {
  const { stateToken: _token, ...credentials } = body;
  if (ctx.org.faults.has('authn.step-up-ignores-password')) {
    const user = typeof credentials.username === 'string' ? ctx.org.store.findUser(credentials.username) : undefined;
    if (!user) throw authenticationFailed();
    return { user, status: ctx.org.store.factorsOf(user.id).some((f) => f.status === 'ACTIVE') ? 'MFA_REQUIRED' : 'SUCCESS', extras: {} };
  }
  return primaryAuthentication(ctx.org, credentials);
}

/** The step-up's SUCCESS `next`: back to the app (`original`, GET), which the mock, having no apps, does not serve. */
export function originalLink(ctx: AuthnContext): Record<string, unknown> {
  return { next: { name: 'original', ...link(`${ctx.baseUrl}/login/step-up/redirect?stateToken=${ctx.transaction.stateToken}`, ['GET']) } };
}
