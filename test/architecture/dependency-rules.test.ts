import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The project's dependency rules (.dependency-cruiser.mjs, `npm run deps`) refuse what DESIGN.md's arrows forbid:
 * proven on a small tree laid out like the project (test/fixtures/architecture/) with one forbidden import per rule
 * next to allowed ones, and then on the project itself.
 */
const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtureRoot = join(repositoryRoot, 'test/fixtures/architecture');

let options: ICruiseOptions;

beforeAll(async () => {
  options = await extractDepcruiseOptions(join(repositoryRoot, '.dependency-cruiser.mjs'));
});

async function cruiseTree(root: string): Promise<ICruiseResult> {
  const transpileOptions = { tsConfig: extractTSConfig(join(repositoryRoot, 'tsconfig.json')) };
  const result = await cruise(['.'], { ...options, baseDir: root }, {}, transpileOptions);
  if (typeof result.output === 'string') throw new Error(`dependency-cruiser gave a report, not a result: ${result.output}`);
  return result.output;
}

/** The fixture tree cruised once, for every test that reads it. */
let fixtureCruise: Promise<ICruiseResult> | undefined;
function cruiseFixture(): Promise<ICruiseResult> {
  fixtureCruise ??= cruiseTree(fixtureRoot);
  return fixtureCruise;
}

function violationsOf(result: ICruiseResult): string[] {
  return result.summary.violations.map(describeViolation).sort();
}

function describeViolation(violation: IViolation): string {
  return `${violation.rule.name}: ${violation.from} → ${violation.to}`;
}

describe('the dependency rules', () => {
  it('refuse each forbidden arrow in a tree laid out like the project, and only those', async () => {
    expect(violationsOf(await cruiseFixture())).toEqual(
      [
        'suites-not-to-mock-org: suites/okta-factors/totp/checks.ts → mock-org/okta-factors/totp/totp.ts',
        'mock-org-not-to-virtual-authenticators: mock-org/okta-factors/totp/totp.ts → virtual-authenticators/otp/totp.ts',
        'no-circular: mock-org/okta-factors/kind.ts → mock-org/okta-factors/registry.ts',
        'drivers-to-mock-org-only-from-mock-driver: drivers/http-driver.ts → mock-org/core/clock.ts',
        'drivers-not-to-harness: drivers/http-driver.ts → reports/summary.ts',
        'mock-org-not-to-harness: mock-org/core/host.ts → drivers/contract.ts',
        'mock-org-core-knows-no-family: mock-org/core/host.ts → mock-org/okta-factors/registry.ts',
        'virtual-authenticators-standalone: virtual-authenticators/otp/totp.ts → schemas/index.ts',
        'schemas-standalone: schemas/index.ts → drivers/contract.ts',
        'requirements-standalone: requirements/profiles.ts → drivers/contract.ts',
        'kind-requirements-only-requirements: suites/okta-factors/totp/requirements.ts → schemas/index.ts',
        'reports-not-to-suites-mock-org-cli: reports/summary.ts → cli/main.ts',
      ].sort(),
    );
  });

  it('count a cycle that runs through a type-only import', async () => {
    const result = await cruiseFixture();
    const kind = result.modules.find((module) => module.source === 'mock-org/okta-factors/kind.ts');
    const toRegistry = kind?.dependencies.find((dependency) => dependency.resolved === 'mock-org/okta-factors/registry.ts');
    // kind.ts reaches registry.ts only by `import type`, and that edge is the one refused.
    expect(toRegistry?.dependencyTypes).toContain('type-only');
    expect(toRegistry?.circular).toBe(true);
    expect(toRegistry?.rules?.map((rule) => rule.name)).toEqual(['no-circular']);
  });

  // Fails until the mock's cycles are broken and the requirement catalog has moved out of suites/support/.
  it('pass on the project itself', async () => {
    expect(violationsOf(await cruiseTree(repositoryRoot))).toEqual([]);
  });
});
