import type { FamilyId } from './families.js';
import type { Requirement, RequirementLevel, Source } from './types.js';

/** What the requirements of one feature share: their family, Allure feature and suite folder. */
interface FeatureSpec<Family extends FamilyId> {
  family: Family;
  /** Allure feature: the factor type or flow, e.g. `token:software:totp`. */
  name: string;
  /** The suite folder whose files check these requirements, in the family's folder: `suites/okta-factors/totp`. */
  suite: `suites/${NoInfer<Family>}/${string}`;
}

type Declare = <const Id extends string>(id: Id, story: string, title: string, source: Source) => Requirement<Id>;

/** Declares the requirements of one feature, one call per level: `totp.must(id, story, title, source)`. */
interface FeatureRequirements {
  must: Declare;
  should: Declare;
  may: Declare;
}

export function feature<const Family extends FamilyId>(spec: FeatureSpec<Family>): FeatureRequirements {
  const at =
    (level: RequirementLevel): Declare =>
    (id, story, title, source) => ({ id, level, family: spec.family, feature: spec.name, story, title, source, suite: spec.suite });
  return { must: at('MUST'), should: at('SHOULD'), may: at('MAY') };
}
