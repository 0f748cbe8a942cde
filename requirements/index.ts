/**
 * The requirement catalog as typed data: every requirement's id, level, family, feature, story,
 * title, doc source and suite folder. Checks (`check(id, …)`) and faults (`breaks: [id, …]`) name
 * requirements by `RequirementId`, so an unknown id does not compile.
 */
export type { Requirement, RequirementLevel, Source } from './types.js';
export { familyTitle, FAMILY_IDS, type FamilyId } from './families.js';
export { REQUIREMENTS, isRequirementId, requirement, type RequirementId } from './catalog.js';
export { buildProfiles, EVERYTHING_PROFILE, providersOf, type Profile, type ProfileRequirement } from './profiles.js';
export type { Variant } from './profile-variants.js';
