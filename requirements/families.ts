/** The API families the harness checks; a family's title is the Allure epic of its requirements. */
const FAMILIES = {
  'okta-factors': { title: 'Okta Factors API' },
  'okta-authn': { title: 'Okta Authentication API' },
  'duo-auth': { title: 'Duo Auth API and Admin API' },
  'identitynow-mfa': { title: 'SailPoint IdentityNow MFA API' },
} as const;

export type FamilyId = keyof typeof FAMILIES;

/** Every registered family, in registry order (certification profiles are derived per family). */
export const FAMILY_IDS: readonly FamilyId[] = Object.keys(FAMILIES).filter((id): id is FamilyId => Object.hasOwn(FAMILIES, id));

export function familyTitle(family: FamilyId): string {
  return FAMILIES[family].title;
}
