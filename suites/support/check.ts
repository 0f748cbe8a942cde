import * as allure from 'allure-js-commons';
import { test } from 'vitest';
import type { ApiClient, Capability, Driver, DriverWith, TestUser } from '../../drivers/contract.js';
import { missingCapabilities, offers } from '../../drivers/contract.js';
import type { HttpExchange } from '../../drivers/exchange.js';
import { familyTitle, requirement, type Requirement, type RequirementId } from '../../requirements/index.js';
import { redactError } from './redact-error.js';
import { currentDriver } from './target.js';

/** What a check's body receives; `N`, the capabilities it declared it needs, are present on its driver. */
export interface CheckContext<N extends Capability = never> {
  driver: DriverWith<N>;
  api: ApiClient;
  /** A fresh test user (each check works on its own). */
  newUser(): Promise<TestUser>;
}

export interface CheckOptions<N extends Capability = never> {
  /** Driver capabilities the check cannot run without; when one is missing the check is skipped, saying which. */
  needs?: readonly N[];
}

const SEVERITY: Record<Requirement['level'], string> = { MUST: 'critical', SHOULD: 'normal', MAY: 'minor' };

/**
 * Declares a conformance check: a vitest test that names the requirement(s) it proves,
 * labels itself for Allure, attaches every HTTP exchange (redacted), and skips with a
 * reason when the target lacks a capability it needs.
 */
export function check<N extends Capability = never>(
  requirementIds: RequirementId | RequirementId[],
  name: string,
  body: (ctx: CheckContext<N>) => Promise<void>,
  options: CheckOptions<N> = {},
): void {
  const ids = [requirementIds].flat();
  const requirements = ids.map(requirement);
  test(`${name} [${ids.join(', ')}]`, { meta: { requirements: ids } }, async (ctx) => {
    const driver = currentDriver();
    await labelForAllure(requirements, driver);

    const needs = options.needs ?? [];
    if (!offers(driver, needs)) {
      const missing = missingCapabilities(driver, needs);
      const reason = `target lacks the ${missing.map((c) => `'${c}'`).join(', ')} capability (driver: ${driver.kind})`;
      ctx.task.meta.skipReason = reason;
      ctx.skip(reason);
      return;
    }

    const first = driver.api.exchanges.length;
    try {
      await body({ driver, api: driver.api, newUser: () => driver.fixtures.createUser() });
    } catch (error) {
      throw redactError(driver, error);
    } finally {
      const exchanges = driver.api.exchanges.slice(first);
      ctx.task.meta.httpRequests = exchanges.length;
      await attachExchanges(driver, exchanges);
    }
  });
}

async function labelForAllure(requirements: Requirement[], driver: Driver): Promise<void> {
  const [main] = requirements;
  if (!main) return;
  await allure.epic(familyTitle(main.family));
  await allure.feature(main.feature);
  await allure.story(main.story);
  await allure.severity(requirements.some((r) => r.level === 'MUST') ? SEVERITY.MUST : SEVERITY[main.level]);
  for (const r of requirements) {
    await allure.tag(r.id);
    await allure.link(r.source.url, `${r.id} (${r.source.tag} ${r.source.section})`);
  }
  await allure.parameter('driver', driver.kind);
}

async function attachExchanges(driver: Driver, exchanges: readonly HttpExchange[]): Promise<void> {
  for (const [index, exchange] of exchanges.entries()) {
    const path = new URL(exchange.request.url).pathname;
    // Exchanges were redacted when recorded; redact again for secrets registered since.
    const content = JSON.stringify(driver.redactJson(exchange), null, 2);
    await allure.attachment(`${index + 1}. ${exchange.request.method} ${path} → ${exchange.response.status}`, content, 'application/json');
  }
}
