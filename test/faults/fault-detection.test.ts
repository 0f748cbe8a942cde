import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FAULT_CATALOG, type FaultId } from '../../mock-org/faults.js';
import { isRequirementId, requirement, REQUIREMENTS, type RequirementId } from '../../requirements/index.js';
import { OutcomeCollector, runDir, runNested, suiteFiles, writeWrappers, type SwitchPlan } from './nested-run.js';

/**
 * Every check must be able to fail: with each fault of the mock org switched on, the suite
 * files of the requirements it `breaks` (each requirement knows its suite folder) run against an
 * embedded mock org with that fault, and must fail on every requirement it names. Requirements
 * that fail beyond those are reported as an annotation of the fault's test, not as a failure.
 * (The opposite direction, variants.test.ts: with a conformant real-org behaviour on, nothing fails.)
 *
 * Only the checks that name one of the fault's requirements run (the others are registered skipped:
 * they cannot prove this fault is caught).
 *
 * How, quickly: one nested vitest run (nested-run.ts), one wrapper file per suite file with a describe per
 * fault that runs it, each fault's org its own, in its worker (the mock driver's in-process org).
 */

const RUN_DIR = runDir('faults');

/** `MFA_FAULTS=sms.,call.` runs only the faults whose id starts with one of these (while working on an area). */
const ONLY = process.env.MFA_FAULTS?.split(',').filter(Boolean);
/** `MFA_FAULT_SHARD=2/3` runs every third fault from the second (CI machines side by side; each fault whole on one). */
const SHARD = faultShard(process.env.MFA_FAULT_SHARD);
const FAULTS = FAULT_CATALOG.map((f) => f.id)
  .filter((id) => !ONLY || ONLY.some((prefix) => id.startsWith(prefix)))
  .filter((_id, index) => index % SHARD.count === SHARD.index - 1);
const BREAKS = new Map<FaultId, readonly RequirementId[]>(FAULT_CATALOG.map((f) => [f.id, f.breaks]));

const breaksOf = (fault: FaultId): readonly RequirementId[] => BREAKS.get(fault) ?? [];

/** The suite files that must notice a fault: those of every requirement it breaks. */
async function filesCatching(fault: FaultId): Promise<string[]> {
  const folders = new Set(breaksOf(fault).map((id) => requirement(id).suite));
  const files = await Promise.all([...folders].map(suiteFiles));
  return files.flat();
}

const collector = new OutcomeCollector();

/**
 * The control: the same suite files and checks as the faults above, in the same nested run, with no fault on. They
 * must all pass, so that a check failing under a fault is that fault's doing, not the nested run's (a harness that broke
 * every check would otherwise "prove" every fault caught).
 */
const NO_FAULT = 'no fault (control)';

beforeAll(async () => {
  const plan: SwitchPlan[] = await Promise.all(FAULTS.map(async (id) => ({ id, suites: await filesCatching(id), runOnly: breaksOf(id) })));
  const controlSuites = [...new Set(plan.flatMap((p) => p.suites))].sort();
  const controlRequirements = [...new Set(plan.flatMap((p) => p.runOnly ?? []))];
  plan.push({ id: NO_FAULT, switches: [], suites: controlSuites, runOnly: controlRequirements });
  await runNested(await writeWrappers(RUN_DIR, plan, collector), collector);
}, 600_000);

afterAll(async () => {
  await rm(RUN_DIR, { recursive: true, force: true });
});

test('every fault names the requirements it breaks, each in the catalog, with a suite file to catch it', async () => {
  expect(new Set(FAULT_CATALOG.map((f) => f.id)).size, 'fault ids are unique').toBe(FAULT_CATALOG.length);
  for (const fault of FAULT_CATALOG) {
    expect(fault.breaks.length, `${fault.id}: breaks`).toBeGreaterThan(0);
    // Ids are checked by the compiler too; this catches a catalog built around the types.
    expect(fault.breaks.filter((id) => !isRequirementId(id)), `${fault.id}: unknown requirements`).toEqual([]);
    expect(await filesCatching(fault.id), `${fault.id}: suite files`).not.toEqual([]);
  }
});

test('every requirement has a fault that makes its checks fail (a check that cannot fail proves nothing)', () => {
  const caught = new Set<string>(FAULT_CATALOG.flatMap((f) => f.breaks));
  expect(REQUIREMENTS.map((r) => r.id).filter((id) => !caught.has(id))).toEqual([]);
});

test('with no fault on, the same checks pass in the same nested run (a failure under a fault is the fault\'s doing)', () => {
  const outcome = collector.outcomes.get(NO_FAULT);
  expect(outcome, 'no result for the control').toBeDefined();
  expect(outcome?.moduleErrors, 'suite files loaded and ran').toEqual([]);
  expect(outcome?.ranChecks, 'checks ran').toBeGreaterThan(0);
  const failed = [...(outcome?.failed.values() ?? [])].flat();
  const blocked = [...(outcome?.blocked.values() ?? [])].flat();
  expect({ failed: [...new Set(failed)], blocked: [...new Set(blocked)] }, 'checks that failed or were blocked with no fault on').toEqual({ failed: [], blocked: [] });
});

describe.each(FAULTS)('fault %s', (id) => {
  test('makes the suites fail on the requirements it breaks', async ({ annotate }) => {
    const outcome = collector.outcomes.get(id);
    expect(outcome, `no result for fault ${id}`).toBeDefined();
    expect(outcome?.moduleErrors, 'suite files loaded and ran').toEqual([]);
    expect(outcome?.ranChecks, 'checks ran').toBeGreaterThan(0);
    const caught = [...(outcome?.failed.keys() ?? [])];
    const breaks = breaksOf(id);
    const blocked = [...(outcome?.blocked.keys() ?? [])].filter((requirement) => !caught.includes(requirement));
    expect(caught, `requirements failed with ${id} on; checks that caught it: ${[...(outcome?.failed.values() ?? [])].flat().join('; ')}; blocked: ${blocked.join(', ') || 'none'}`)
      .toEqual(expect.arrayContaining([...breaks]));
    const extra = caught.filter((r) => !breaks.some((named) => named === r));
    if (extra.length > 0) await annotate(`${id} also fails ${extra.join(', ')}, which its \`breaks\` does not name`, 'notice');
  });
});

function faultShard(value: string | undefined): { index: number; count: number } {
  if (value === undefined || value === '') return { index: 1, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index < 1 || index > count) throw new Error(`MFA_FAULT_SHARD must be I/N with 1 <= I <= N, got ${value}`);
  return { index, count };
}
