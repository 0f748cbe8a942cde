import type { Routes } from '../../core/org-routes.js';
import type { FactorServices } from '../kind.js';
import { findUserOr404 } from '../users.js';

type UserParams = { Params: { userId: string } };

/**
 * `POST /api/v1/users/{id}/lifecycle/reset_factors` (spec §1 F15): every factor of the user goes
 * back to unenrolled; the user stays as they were. Answers 200 with an empty object.
 */
export function registerLifecycleRoutes(app: Routes, org: FactorServices): void {
  app.post<UserParams>('/api/v1/users/:userId/lifecycle/reset_factors', async (request) => {
    const user = findUserOr404(org.store, request.params.userId);
    if (!org.faults.has('lifecycle.reset-factors-noop')) {
      for (const factor of org.store.factorsOf(user.id)) org.store.factors.delete(factor.id);
    }
    return {};
  });
}
