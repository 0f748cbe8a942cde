import { inject, test, type TestContext } from 'vitest';
import { getCurrentSuite } from 'vitest/suite';
import type { ApiClient, Capability, Driver, DriverWith, FixturesPort, OfferedFactor, TargetProfile, TestUser } from '../../drivers/contract.js';
import { missingCapabilities, offers, readsChannel } from '../../drivers/contract.js';
import { inCheckScope } from '../../drivers/check-scope.js';
import type { HttpExchange } from '../../drivers/exchange.js';
import type { OrgUse } from '../../drivers/org-lock.js';
import { failurePrefix } from '../../reports/allure-categories.js';
import { attachExchanges, attachSchemaViolations, labelBlocked, labelCheck, labelExclusive } from '../../reports/allure-labels.js';
import { blockedText } from '../../reports/blocked.js';
import type { BlockedBy } from '../../reports/check-meta.js';
import { requirement, type RequirementId } from '../../requirements/index.js';
import type { TransitionCellId } from '../../requirements/authn-transitions.js';
import { CheckFailure, failureKindOf, isSkipSignal } from './failure.js';
import { given, PreconditionFailed } from './given.js';
import { redactError } from './redact-error.js';
import { runningChecks } from './running-check.js';
import { checkRuns, currentDriver } from './target.js';

/** What a check's body receives; `N`, the capabilities it declared it needs, are present on its driver. */
export interface CheckContext<N extends Capability = never> {
  driver: Driver & DriverWith<N, FixturesPort>;
  api: ApiClient;
  /** A fresh test user (each check works on its own): a precondition. */
  newUser(): Promise<TestUser>;
}

export interface CheckOptions<N extends Capability = never> {
  /** Driver capabilities the check cannot run without; when one is missing the check is skipped, saying which. */
  needs?: readonly N[];
  /** The cells of the Authentication API's transition table the check exercises (requirements/authn-transitions.ts). */
  cells?: readonly TransitionCellId[];
  /**
   * Profiles (engines) on which the check does not apply, each with the reason (a documented difference,
   * e.g. Identity Engine enrolls the primary email on its own): there the check is skipped, saying why.
   */
  notOn?: Partial<Record<TargetProfile, string>>;
  /**
   * The factor type (and provider; absent: any) the check cannot run without: on a target whose factor catalog
   * does not list it the check is skipped, saying so. Default: what its suite file declared (checksNeedFactor).
   */
  needsFactor?: FactorNeed;
  /**
   * Why the check needs the org to itself: org-wide state it changes that other checks would see, where its `needs`
   * do not say so (a check that needs `clock` or `policy` has the org to itself anyway). Default: what its suite
   * file declared (checksNeedExclusiveOrg).
   */
  exclusive?: string;
}

/** A factor type the org must offer; without a provider any provider of the type will do. */
export interface FactorNeed {
  factorType: string;
  provider?: string;
}

/** What each suite file declared its checks need, by the file's path (suite files share this module in a worker). */
const factorNeedOfFile = new Map<string, FactorNeed>();

/** Call once at the top of a suite file that tests one factor kind: every check in it needs the org to offer it. */
export function checksNeedFactor(need: FactorNeed): void {
  factorNeedOfFile.set(getCurrentSuite().file.filepath, need);
}

/** Why each suite file's checks need the org to themselves, by the file's path (checksNeedExclusiveOrg). */
const exclusiveOfFile = new Map<string, string>();

/**
 * Call once at the top of a suite file whose checks all change org-wide state that other checks would see (a
 * tenant-wide configuration): they never run concurrently with another check, however the run is configured.
 */
export function checksNeedExclusiveOrg(why: string): void {
  exclusiveOfFile.set(getCurrentSuite().file.filepath, why);
}

/**
 * The capabilities whose use changes the whole org (the clock moves for every check, a policy applies to every
 * user): a check that needs one holds exclusive use of the org. The drivers refuse these changes in a check that
 * holds only shared use (drivers/check-scope.ts), so a check that forgot to say so fails loudly, in every run.
 */
const ORG_WIDE_CAPABILITIES: readonly Capability[] = ['clock', 'policy'];

function orgUseOf(needs: readonly Capability[], exclusive: string | undefined): OrgUse {
  return exclusive !== undefined || needs.some((name) => ORG_WIDE_CAPABILITIES.includes(name)) ? 'exclusive' : 'shared';
}

/**
 * Whether vitest runs the test with no other test of its worker at once: neither it nor a describe() it is in runs
 * concurrently (vitest runs a worker's files one at a time, and a file's sequential tasks one after another).
 */
function runsAlone(test: TestContext['task']): boolean {
  if (test.concurrent === true) return false;
  for (let suite = test.suite; suite; suite = suite.suite) if (suite.concurrent === true) return false;
  return true;
}

/** Why a check needing `need` cannot run on a target offering `offered`; undefined when it can (or nobody knows). */
function factorMissing(need: FactorNeed | undefined, offered: readonly OfferedFactor[] | undefined): string | undefined {
  if (!need || !offered) return undefined;
  if (offered.some((f) => f.factorType === need.factorType && (need.provider === undefined || f.provider === need.provider))) return undefined;
  const what = need.provider ? `${need.factorType} / ${need.provider}` : need.factorType;
  return `target does not offer the ${what} factor (not in a fresh test user's factor catalog)`;
}

/**
 * Declares a conformance check: a vitest test that names the requirement(s) it proves,
 * labels itself for Allure, attaches its HTTP exchanges (redacted), and skips with a
 * reason when the target lacks a capability it needs. When a precondition (`given`) fails
 * the check is skipped as BLOCKED (`meta.blocked`); a failure carries its kind (`meta.failureKind`).
 */
export function check<N extends Capability = never>(
  requirementIds: RequirementId | RequirementId[],
  name: string,
  body: (ctx: CheckContext<N>) => Promise<void>,
  options: CheckOptions<N> = {},
): void {
  checkOn(currentDriver, requirementIds, name, (driver) =>
    body({ driver, api: driver.api, newUser: () => given('a fresh test user', () => driver.fixtures.createUser()) }), options);
}

/**
 * `check` for any family's driver: `driverOf` is the running suite file's driver, `run` the check's body with the
 * driver narrowed to the capabilities it declared (the duo-auth suites build their own context on it).
 */
export function checkOn<D extends Driver<FixturesPort>, N extends Capability = never>(
  driverOf: () => D,
  requirementIds: RequirementId | RequirementId[],
  name: string,
  run: (driver: D & DriverWith<N, FixturesPort>) => Promise<void>,
  options: CheckOptions<N> & { unavailable?: () => string | undefined } = {},
): void {
  const ids: RequirementId[] = [requirementIds].flat();
  const requirements = ids.map(requirement);
  const title = `${name} [${ids.join(', ')}]`;
  const meta = { requirements: ids, ...(options.cells ? { transitions: [...options.cells] } : {}) };
  const needs = options.needs ?? [];
  if (!checkRuns(ids)) {
    test.skip(title, { meta: { ...meta, skipReason: 'not a requirement the fault under test breaks' } }, () => undefined);
    return;
  }
  test(title, { meta }, async (ctx) => {
    // A family whose target the run does not name (no Duo account, …): skipped with the reason.
    const unavailable = options.unavailable?.();
    if (unavailable !== undefined) {
      ctx.task.meta.skipReason = unavailable;
      ctx.skip(unavailable);
      return;
    }
    const driver = driverOf();
    const use = orgUseOf(needs, options.exclusive ?? exclusiveOfFile.get(ctx.task.file.filepath));
    const allure = inject('allureResults') !== false;
    if (allure) {
      await labelCheck(requirements, driver.kind);
      if (use === 'exclusive') await labelExclusive();
    }

    if (!offers(driver, needs)) {
      const missing = missingCapabilities(driver, needs);
      const reason = `target lacks the ${missing.map((c) => `'${c}'`).join(', ')} capability (driver: ${driver.kind})`;
      ctx.task.meta.skipReason = reason;
      ctx.skip(reason);
      return;
    }

    const factorNeed = options.needsFactor ?? factorNeedOfFile.get(ctx.task.file.filepath);
    const noAdapter = (needs as readonly Capability[]).includes('outbox') ? channelUnread(driver, factorNeed) : undefined;
    if (noAdapter !== undefined) {
      ctx.task.meta.skipReason = noAdapter;
      ctx.skip(noAdapter);
      return;
    }
    // Read once per driver, before the check takes its use of the org: checks waiting on the same first read never
    // hold the org while they wait for it.
    const lacking = factorMissing(factorNeed, await driver.offeredFactors?.());
    if (lacking !== undefined) {
      ctx.task.meta.skipReason = lacking;
      ctx.skip(lacking);
      return;
    }

    const notHere = driver.profile && options.notOn?.[driver.profile];
    if (notHere !== undefined) {
      const reason = `not on a ${driver.profile} target: ${notHere}`;
      ctx.task.meta.skipReason = reason;
      ctx.skip(reason);
      return;
    }

    // From here the check uses the org: shared with other checks, or alone (then no request of another check is
    // sent until it ends). Its exchanges are those its driver's client records in this check's own async context.
    const recorded = new Set<HttpExchange>();
    const alone = runsAlone(ctx.task);
    await inCheckScope(use, recorded, () => runningChecks.run(ctx, alone, () => runChecked(ctx, driver, recorded, allure)), alone);
  });

  /** `allure`: the run keeps Allure results (else the check makes no labels or attachments nobody reads). */
  async function runChecked(ctx: TestContext, driver: D & DriverWith<N, FixturesPort>, recorded: Set<HttpExchange>, allure: boolean): Promise<void> {
    const first = driver.api.exchanges.length;
    let blocked: BlockedBy | undefined;
    try {
      await run(driver);
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
        if (allure && failure instanceof CheckFailure && kind === 'schema' && Array.isArray(failure.actual)) {
          await attachSchemaViolations(String(failure.expected), failure.actual.map((issue) => driver.redactText(String(issue))));
        }
        throw redactError(driver, failure);
      }
    } finally {
      // `delete` keeps each once (a client that logs other clients' exchanges may have copied one twice).
      const exchanges = driver.api.exchanges.slice(first).filter((exchange) => recorded.delete(exchange));
      ctx.task.meta.httpRequests = exchanges.length;
      // Exchanges were redacted when recorded; redact again for secrets registered since.
      if (allure) await attachExchanges(exchanges.map((exchange) => driver.redactJson(exchange)));
    }
    if (blocked) {
      ctx.task.meta.blocked = blocked;
      if (allure) await labelBlocked(blocked);
      ctx.skip(`${blockedText(blocked)}: ${blocked.message}`);
    }
  }
}

/** Why the codes of the check's message factor cannot be read (a telephony hook but no email adapter); undefined when they can. */
function channelUnread(driver: Driver<FixturesPort>, need: FactorNeed | undefined): string | undefined {
  const channel = need?.factorType;
  if (!driver.outbox || (channel !== 'sms' && channel !== 'call' && channel !== 'email') || readsChannel(driver.outbox, channel)) return undefined;
  return `no ${channel} adapter: the target delivers only ${(driver.outbox.channels ?? []).join(' and ')} codes to the harness`;
}

function blockedBy(driver: Driver<FixturesPort>, error: PreconditionFailed): BlockedBy {
  const cause = error.cause instanceof Error ? error.cause.message : String(error.cause);
  const message = driver.redactText(`${failurePrefix(failureKindOf(error.cause))}${cause}`).split('\n', 1)[0] ?? '';
  return {
    precondition: error.precondition,
    ...(error.by !== undefined ? { by: error.by } : {}),
    message: message.trim(),
  };
}
