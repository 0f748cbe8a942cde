import { test } from 'vitest';
import type { ApiClient, Capability, Driver, TestUser } from '../../drivers/contract.js';
import { failurePrefix } from '../../reports/allure-categories.js';
import { attachExchanges, labelBlocked, labelCheck } from '../../reports/allure-labels.js';
import { blockedText } from '../../reports/blocked.js';
import type { BlockedBy } from '../../reports/check-meta.js';
import { failureKindOf, isSkipSignal } from './failure.js';
import { given, PreconditionFailed } from './given.js';
import { redactError } from './redact-error.js';
import type { RequirementId } from './requirement-id.js';
import { requirement } from './requirements.js';
import { currentDriver } from './target.js';

export interface CheckContext {
  driver: Driver;
  api: ApiClient;
  /** A fresh test user (each check works on its own). */
  newUser(): Promise<TestUser>;
}

export interface CheckOptions {
  /** Driver capabilities the check cannot run without; when one is missing the check is skipped, saying which. */
  needs?: Capability[];
}

/**
 * Declares a conformance check: a vitest test that names the requirement(s) it proves,
 * labels itself for Allure, attaches its HTTP exchanges (redacted), and skips with a
 * reason when the target lacks a capability it needs. When a precondition (`given`) fails
 * the check is skipped as BLOCKED (`meta.blocked`); a failure carries its kind (`meta.failureKind`).
 */
export function check(
  requirementIds: RequirementId | RequirementId[],
  name: string,
  body: (ctx: CheckContext) => Promise<void>,
  options: CheckOptions = {},
): void {
  const ids = [requirementIds].flat();
  const requirements = ids.map(requirement); // fails at collection time for an id not in the catalog
  test(`${name} [${ids.join(', ')}]`, { meta: { requirements: ids } }, async (ctx) => {
    const driver = currentDriver();
    await labelCheck(requirements, driver.kind);

    const missing = (options.needs ?? []).filter((capability) => !driver.has(capability));
    if (missing.length > 0) {
      const reason = `target lacks the ${missing.map((c) => `'${c}'`).join(', ')} capability (driver: ${driver.kind})`;
      ctx.task.meta.skipReason = reason;
      ctx.skip(reason);
    }

    const first = driver.api.exchanges.length;
    let blocked: BlockedBy | undefined;
    try {
      await body({ driver, api: driver.api, newUser: () => given('a fresh test user', () => driver.createUser()) });
    } catch (error) {
      if (isSkipSignal(error)) throw error;
      // A precondition that relies on this check's own requirement is what the check tests: that is a FAIL.
      if (error instanceof PreconditionFailed && !(error.by !== undefined && ids.includes(error.by))) {
        blocked = blockedBy(driver, error);
      } else {
        const failure = error instanceof PreconditionFailed ? error.cause : error;
        const kind = failureKindOf(failure);
        ctx.task.meta.failureKind = kind;
        if (failure instanceof Error) failure.message = `${failurePrefix(kind)}${failure.message}`;
        throw redactError(driver, failure);
      }
    } finally {
      const exchanges = driver.api.exchanges.slice(first);
      ctx.task.meta.httpRequests = exchanges.length;
      // Exchanges were redacted when recorded; redact again for secrets registered since.
      await attachExchanges(exchanges.map((exchange) => driver.redactJson(exchange)));
    }
    if (blocked) {
      ctx.task.meta.blocked = blocked;
      await labelBlocked(blocked);
      ctx.skip(`${blockedText(blocked)}: ${blocked.message}`);
    }
  });
}

function blockedBy(driver: Driver, error: PreconditionFailed): BlockedBy {
  if (error.by !== undefined) requirement(error.by); // a precondition must name a requirement of the catalog
  const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
  const message = driver.redactText(`${failurePrefix(failureKindOf(error.cause))}${cause}`).split('\n', 1)[0] ?? '';
  return {
    precondition: error.precondition,
    ...(error.by !== undefined ? { by: error.by } : {}),
    message: message.trim(),
  };
}
