import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VARIANT_CATALOG } from '../../mock-org/index.js';
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
/** Every suite folder: a variant is a behaviour of the whole org. */
const SUITE_FOLDERS = ['suites/okta-factors', 'suites/okta-authn'];
/**
 * The Authentication API is documented for Classic only ([A]); its suites have no Identity Engine profile yet,
 * so an Identity Engine variant runs the Factors API's suites.
 */
const IDENTITY_ENGINE_FOLDERS = ['suites/okta-factors'];

const collector = new OutcomeCollector();

beforeAll(async () => {
  const suites = (await Promise.all(SUITE_FOLDERS.map(suiteFiles))).flat();
  const identityEngineSuites = (await Promise.all(IDENTITY_ENGINE_FOLDERS.map(suiteFiles))).flat();
  const plan = VARIANTS.map((v) =>
    'profile' in v ? { id: v.id, suites: identityEngineSuites, profile: v.profile } : { id: v.id, suites },
  );
  const files = await writeWrappers(RUN_DIR, plan, collector);
  await runNested(files, collector);
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
