import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VariantDefinition } from '../../mock-org/core/fault-definition.js';
import { VARIANT_CATALOG } from '../../mock-org/variants.js';
import { OutcomeCollector, runDir, runNested, suiteFiles, writeWrappers } from './nested-run.js';

/**
 * The opposite of fault detection: a check must not bite where the protocol lets a real org differ.
 * With each `variant.*` of the mock switched on (a conformant real-org behaviour: recorded traffic,
 * Okta's catalog or the Identity Engine guide shows it), every suite file runs against an embedded
 * mock org, the driver reporting the variant's profile, and every check must pass or skip with its
 * reason: none may fail, none may be blocked.
 */

const RUN_DIR = runDir('variants');
/** `MFA_VARIANTS=variant.questions-20,variant.error` runs only the variants whose id starts with one of these. */
const ONLY = process.env.MFA_VARIANTS?.split(',').filter(Boolean);
const VARIANTS = VARIANT_CATALOG.filter((v) => !ONLY || ONLY.some((prefix) => v.id.startsWith(prefix)));
/** Every suite folder: a variant is a behaviour of the whole org, unless it names the suites it `reaches`. */
const SUITE_FOLDERS = ['suites/okta-factors', 'suites/okta-authn'];
/**
 * The Authentication API is documented for Classic only ([A]); its suites have no Identity Engine profile yet,
 * so an Identity Engine variant runs the Factors API's suites.
 */
const IDENTITY_ENGINE_FOLDERS = ['suites/okta-factors'];

const collector = new OutcomeCollector();

/** The suite files under `folders` that a variant reaches (its `reaches`, when it declares them). */
async function filesReached(variant: VariantDefinition, folders: readonly string[]): Promise<string[]> {
  const files = (await Promise.all(folders.map(suiteFiles))).flat();
  const reaches = variant.reaches;
  if (!reaches) return files;
  return files.filter((file) => reaches.some((prefix) => file === prefix || file.startsWith(`${prefix}/`)));
}

beforeAll(async () => {
  const plan = await Promise.all(
    VARIANTS.map(async (v: VariantDefinition) =>
      v.profile
        ? { id: v.id, suites: await filesReached(v, IDENTITY_ENGINE_FOLDERS), profile: v.profile }
        : { id: v.id, suites: await filesReached(v, SUITE_FOLDERS) },
    ),
  );
  await runNested(await writeWrappers(RUN_DIR, plan, collector), collector);
}, 900_000);

afterAll(async () => {
  await rm(RUN_DIR, { recursive: true, force: true });
});

test('every variant is named variant.* and described', () => {
  expect(new Set(VARIANT_CATALOG.map((v) => v.id)).size, 'variant ids are unique').toBe(VARIANT_CATALOG.length);
  for (const variant of VARIANT_CATALOG) {
    expect(variant.id).toMatch(/^variant\.[a-z0-9-]+$/);
    expect(variant.description.length, `${variant.id}: description`).toBeGreaterThan(20);
  }
});

test('a variant that names the suites it reaches names suite files that exist', async () => {
  for (const variant of VARIANT_CATALOG as readonly VariantDefinition[]) {
    if (!variant.reaches) continue;
    expect(variant.reaches.length, `${variant.id}: reaches`).toBeGreaterThan(0);
    for (const prefix of variant.reaches) {
      expect(await filesReached({ ...variant, reaches: [prefix] }, SUITE_FOLDERS), `${variant.id}: suite files under ${prefix}`).not.toEqual([]);
    }
  }
});

describe.each(VARIANTS.map((v) => v.id))('variant %s', (id) => {
  test('every suite still passes (nothing fails, nothing is blocked)', () => {
    const outcome = collector.outcomes.get(id);
    expect(outcome, `no result for variant ${id}`).toBeDefined();
    expect(outcome?.moduleErrors, 'suite files loaded and ran').toEqual([]);
    expect(outcome?.ranChecks, 'checks ran').toBeGreaterThan(0);
    const failed = [...(outcome?.failed.values() ?? [])].flat();
    const blocked = [...(outcome?.blocked.values() ?? [])].flat();
    expect({ failed: [...new Set(failed)], blocked: [...new Set(blocked)] }, `checks that bit on ${id}`).toEqual({ failed: [], blocked: [] });
  });
});
