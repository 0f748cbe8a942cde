import type { FamilyId } from './families.js';

/**
 * The variants a certification profile covers (factor type × provider × API), declared per family.
 * `features` are the catalog features (Allure feature) whose requirements prove the variant; a
 * combination that cannot exist on the protocol is listed as not applicable, with the reason.
 * A family with no entry here gets one variant per feature of its requirements (profiles.ts).
 */
export interface ApplicableVariant {
  readonly factorType: string;
  readonly provider: string;
  readonly api: string;
  readonly applicable: true;
  readonly features: readonly string[];
}

export interface NotApplicableVariant {
  readonly factorType: string;
  readonly provider: string;
  readonly api: string;
  readonly applicable: false;
  readonly reason: string;
}

export type Variant = ApplicableVariant | NotApplicableVariant;

const FACTORS_API = 'Factors API';
const AUTHN_API = 'Authentication API';

const factors = (factorType: string, provider: string, ...features: string[]): ApplicableVariant => ({
  factorType, provider, api: FACTORS_API, applicable: true, features,
});

/** Shared by every factor type of the Factors API: the catalog, lifecycle, errors and rate limits. */
const FACTORS_COMMON = ['authentication', 'input', 'rate limits', 'enrollment', 'access', 'catalog', 'lifecycle'];

/** Spec okta-factors-authn.md §1 ("Supported factors for providers") and §5.6 (Duo is Authn only). */
export const DECLARED_VARIANTS: Partial<Record<FamilyId, readonly Variant[]>> = {
  'okta-factors': [
    factors('(every factor type)', '(any)', ...FACTORS_COMMON),
    factors('token:software:totp', 'OKTA', 'token:software:totp'),
    factors('token:software:totp', 'GOOGLE', 'token:software:totp'),
    factors('sms', 'OKTA', 'sms', 'activation attempts'),
    factors('call', 'OKTA', 'call', 'activation attempts'),
    factors('email', 'OKTA', 'email', 'activation attempts'),
    factors('question', 'OKTA', 'question'),
    factors('push', 'OKTA', 'push'),
    factors('token:hotp', 'CUSTOM', 'token:hotp'),
    factors('token', 'SYMANTEC', 'token (SYMANTEC)'),
    factors('token', 'RSA', 'token (RSA)'),
    factors('token:hardware', 'YUBICO', 'token:hardware', 'YubiKey tokens'),
    factors('u2f', 'FIDO', 'u2f'),
    factors('webauthn', 'FIDO', 'webauthn'),
    {
      factorType: 'web', provider: 'DUO', api: FACTORS_API, applicable: false,
      reason: 'Duo (web/DUO) is enrolled and verified only through the Authentication API (spec §5.6); its checks are in okta-authn',
    },
    {
      factorType: 'token:software:totp', provider: 'SYMANTEC', api: FACTORS_API, applicable: false,
      reason: 'SYMANTEC provides only `token` (supported factors for providers, spec §1)',
    },
  ],
  'okta-authn': [
    { factorType: '(primary authentication)', provider: '(any)', api: AUTHN_API, applicable: true, features: ['transaction'] },
    { factorType: 'web', provider: 'DUO', api: AUTHN_API, applicable: true, features: ['web (Duo)'] },
  ],
};
