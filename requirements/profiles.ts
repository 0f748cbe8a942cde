import { FAMILY_IDS, familyTitle, type FamilyId } from './families.js';
import { DECLARED_VARIANTS, type Variant } from './profile-variants.js';
import type { Requirement, RequirementLevel } from './types.js';

/**
 * Certification profiles as data: a named set of requirements, each with the level it has within the profile
 * (MUST: certification is refused unless it passes; SHOULD: reported, not required), and the variants covered.
 * Every registered family gets `<family>-core` (its MUST requirements) and `<family>-full` (all of them, at their
 * catalog level); `everything` is the whole catalog. A new family gets its profiles by registering (families.ts).
 */
export interface ProfileRequirement {
  readonly id: string;
  readonly level: RequirementLevel;
}

export interface Profile {
  readonly name: string;
  readonly title: string;
  readonly families: readonly FamilyId[];
  readonly requirements: readonly ProfileRequirement[];
  readonly variants: readonly Variant[];
  /** The suite folders whose checks prove these requirements (what `certify` runs). */
  readonly suites: readonly string[];
}

export const EVERYTHING_PROFILE = 'everything';

function profileOf(name: string, title: string, requirements: readonly Requirement[], families: readonly FamilyId[]): Profile {
  return {
    name,
    title,
    families,
    requirements: requirements.map((r) => ({ id: r.id, level: r.level })),
    variants: families.flatMap((family) => variantsOf(family, requirements)),
    suites: [...new Set(requirements.map((r) => r.suite))],
  };
}

/** The declared variants of a family, else one per feature of its requirements. */
function variantsOf(family: FamilyId, requirements: readonly Requirement[]): readonly Variant[] {
  const declared = DECLARED_VARIANTS[family];
  if (declared) return declared;
  const features = [...new Set(requirements.filter((r) => r.family === family).map((r) => r.feature))];
  return features.map((feature) => ({ factorType: feature, provider: '(any)', api: familyTitle(family), applicable: true, features: [feature] }));
}

/** Every profile over this catalog (the harness's own, or a test's): per family core and full, then everything. */
export function buildProfiles(catalog: readonly Requirement[]): Profile[] {
  const profiles: Profile[] = [];
  for (const family of FAMILY_IDS) {
    const own = catalog.filter((r) => r.family === family);
    if (own.length === 0) continue;
    const title = familyTitle(family);
    profiles.push(profileOf(`${family}-core`, `${title}: every MUST requirement`, own.filter((r) => r.level === 'MUST'), [family]));
    profiles.push(profileOf(`${family}-full`, `${title}: every requirement (MUST and SHOULD)`, own, [family]));
  }
  const families = FAMILY_IDS.filter((family) => catalog.some((r) => r.family === family));
  profiles.push(profileOf(EVERYTHING_PROFILE, 'Every requirement of every family', catalog, families));
  return profiles;
}

/** The providers the declared variants of a family name for one feature (`OKTA`, `GOOGLE` for TOTP), if any. */
export function providersOf(family: FamilyId, feature: string): string[] {
  const variants = DECLARED_VARIANTS[family] ?? [];
  return [...new Set(variants.flatMap((v) => (v.applicable && v.features.includes(feature) && !v.provider.startsWith('(') ? [v.provider] : [])))];
}
