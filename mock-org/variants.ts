import { OKTA_FACTORS_VARIANTS } from './okta-factors/variants.js';
import type { VariantDefinition } from './core/fault-definition.js';

/**
 * The catalog of `variant.*` switches, one line per family: real-org behaviours the protocol allows.
 * The opposite of a fault: with any one on, every suite must still pass (test/faults/variants.test.ts).
 */
export const VARIANT_CATALOG = [
  ...OKTA_FACTORS_VARIANTS,
  {
    id: 'variant.factors-policy-info-null',
    description: "Authentication transactions in MFA_CHALLENGE embed policy.factorsPolicyInfo: null even for a push factor, as live MFA_CHALLENGE recordings show.",
    // Only Authentication API transactions carry it (mock-org/okta-authn/present.ts); no other suite starts one.
    reaches: ['suites/okta-authn'],
  },
] as const satisfies readonly VariantDefinition[];

export type VariantId = (typeof VARIANT_CATALOG)[number]['id'];
