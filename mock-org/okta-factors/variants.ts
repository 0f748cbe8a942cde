import type { VariantDefinition } from '../core/fault-definition.js';

/**
 * Benign real-org behaviours of the Factors API: each is conformant (recorded traffic, Okta's error
 * catalog or the Identity Engine upgrade guide shows a real org doing it), so every suite must pass
 * with it on. Switched like faults, listed by the control protocol's `faults` operation.
 */
export const OKTA_FACTORS_VARIANTS = [
  {
    // The mock itself lists the 19 questions live Classic and Identity Engine orgs list (terraform-provider-okta recordings).
    id: 'variant.questions-20',
    description: "GET …/factors/questions lists the documented table's 20 questions, first_kiss_location included, instead of the 19 live orgs list.",
    // Only these suites request …/factors/questions.
    reaches: ['suites/okta-factors/question', 'suites/okta-factors/api'],
  },
  {
    id: 'variant.catalog-without-status',
    description: 'Factor catalog entries carry neither status nor enrollment, as both documented examples ([S] SupportedFactorResults) show them.',
    // Only these suites request …/factors/catalog.
    reaches: ['suites/okta-factors/catalog', 'suites/okta-factors/api'],
  },
  {
    id: 'variant.invalid-session-without-header',
    description: 'A request without any Authorization header falls back to session authentication: 403 E0000005 "Invalid session" (okta-powershell-cli issue 86).',
  },
  {
    id: 'variant.media-type-e0000019',
    description: 'A body that is not JSON by its Content-Type is answered 400 E0000019, the code of the only live recording of that summary.',
  },
  {
    id: 'variant.verify-inactive-410',
    description: "Verify of a factor that is not ACTIVE is answered 410 E0000154 \"Invalid factor id, it is not currently active.\" (Okta's error catalog).",
    // The Factors API's verify route only (the Authentication API verifies through transactions).
    reaches: ['suites/okta-factors'],
  },
  {
    id: 'variant.verify-inactive-423',
    description: "Verify of a factor that is not ACTIVE is answered 423 E0000180 \"Factor id is currently not active.\" (Okta's error catalog).",
    // The Factors API's verify route only (the Authentication API verifies through transactions).
    reaches: ['suites/okta-factors'],
  },
  {
    id: 'variant.identity-engine',
    description: 'Identity Engine: a new user has an ACTIVE email factor for the verified primary email from the start, and a push enrollment also enrolls token:software:totp (OKTA) and signed_nonce.',
    profile: 'identity-engine',
  },
  {
    id: 'variant.extra-properties',
    description: 'Every JSON resource carries undocumented extra properties and an extra link relation, as newer orgs add fields.',
  },
  {
    id: 'variant.error-wording',
    description: 'Error objects word errorSummary and errorCauses differently and use another errorId format.',
  },
  {
    id: 'variant.reversed-key-order',
    description: 'Every JSON object comes with its keys in reverse order.',
  },
  {
    id: 'variant.extra-headers',
    description: 'Responses carry the headers a real org adds (X-Okta-Request-Id, Strict-Transport-Security, Content-Security-Policy-Report-Only, Cache-Control, Vary, Set-Cookie …).',
  },
] as const satisfies readonly VariantDefinition[];
