import type { Routes } from '../../core/org-routes.js';
import type { OrgScope } from '../../core/org-state.js';
import type { ControlInput } from '../../../schemas/control/operations.js';
import { AUTHN_POLICIES } from './policies.js';

/**
 * The control protocol's password and sign-on policy operations (`GET/POST password-policy`, `GET/POST sign-on-policy`):
 * what the Authentication API applies at sign-in, password change and recovery. Requests were validated by their schemas.
 */
export function registerAuthnPolicyControlRoutes(app: Routes, org: { scope: OrgScope }): void {
  const policies = () => AUTHN_POLICIES.of(org.scope);
  app.get('/__control/v1/password-policy', async () => policies().password);
  app.post<{ Body: ControlInput<'setPasswordPolicy'> }>('/__control/v1/password-policy', async (request) => policies().setPassword(request.body));
  app.get('/__control/v1/sign-on-policy', async () => policies().signOn);
  app.post<{ Body: ControlInput<'setSignOnPolicy'> }>('/__control/v1/sign-on-policy', async (request) => policies().setSignOn(request.body));
}
