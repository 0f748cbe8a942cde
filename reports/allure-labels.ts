/**
 * How a conformance check labels itself for Allure, called by `check()` inside the test:
 * epic = API family, feature = factor kind or flow, story = operation, severity from MUST/SHOULD/MAY,
 * a tag and a documentation link per requirement, the HTTP exchanges as one attachment, and BLOCKED checks marked.
 */
import * as allure from 'allure-js-commons';
import { blockedText } from './blocked.js';
import { familyTitle, providersOf, type Requirement } from '../requirements/index.js';
import type { BlockedBy } from './check-meta.js';

const SEVERITY: Record<Requirement['level'], string> = { MUST: 'critical', SHOULD: 'normal', MAY: 'minor' };

/** The tag a BLOCKED check carries (it is a skipped test for vitest, so Allure shows it as skipped). */
const BLOCKED_TAG = 'BLOCKED';

export async function labelCheck(requirements: readonly Requirement[], driverKind: string): Promise<void> {
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
  await allure.parameter('driver', driverKind);
  await allure.parameter('factor type', main.feature);
  const providers = providersOf(main.family, main.feature);
  if (providers.length > 0) await allure.parameter('provider', providers.join(', '));
}

/** The label a check that had the org to itself carries (it ran alone: no other check's request during it). */
export const EXCLUSIVE_LABEL = 'orgUse';

/** Marks a check that held exclusive use of the org (it moved the clock, changed a policy, …). */
export async function labelExclusive(): Promise<void> {
  await allure.label(EXCLUSIVE_LABEL, 'exclusive');
}

/** Marks a check BLOCKED: a tag, a broken step naming the precondition, and a description saying what blocked it. */
export async function labelBlocked(blocked: BlockedBy): Promise<void> {
  await allure.tag(BLOCKED_TAG);
  await allure.logStep(`given ${blocked.precondition}`, allure.Status.BROKEN);
  await allure.description(`**${blockedText(blocked)}**\n\n${blocked.message}`);
}

/** The check's HTTP exchanges, already redacted, as one JSON attachment. */
export async function attachExchanges(exchanges: readonly unknown[]): Promise<void> {
  if (exchanges.length === 0) return;
  const noun = exchanges.length === 1 ? 'exchange' : 'exchanges';
  await allure.attachment(`HTTP ${noun} (${exchanges.length})`, JSON.stringify(exchanges, null, 2), 'application/json');
}

/** A schema failure's violations, one per line under the schema's name, as a text attachment people can read. */
export async function attachSchemaViolations(schema: string, violations: readonly string[]): Promise<void> {
  if (violations.length === 0) return;
  const text = [`Schema: ${schema}`, '', ...violations.map((v) => `- ${v}`), ''].join('\n');
  await allure.attachment(`Schema violations (${violations.length})`, text, 'text/plain');
}
