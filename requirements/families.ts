/** The API families the harness checks; a family's title is the Allure epic of its requirements. */
const FAMILIES = {
  'okta-factors': { title: 'Okta Factors API' },
  'okta-authn': { title: 'Okta Authentication API' },
  'identitynow-mfa': { title: 'SailPoint IdentityNow MFA API' },
} as const;

export type FamilyId = keyof typeof FAMILIES;

export function familyTitle(family: FamilyId): string {
  return FAMILIES[family].title;
}
