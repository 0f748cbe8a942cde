import { feature } from '../../../requirements/builders.js';
import { factorsDoc, factorsSpec } from '../../../requirements/sources.js';

const catalog = feature({ family: 'okta-factors', name: 'catalog', suite: 'suites/okta-factors/catalog' });
const enrollment = feature({ family: 'okta-factors', name: 'enrollment', suite: 'suites/okta-factors/catalog' });

/** The factor catalog and the factor enrollment policy: spec §1 F3, §3.1. */
export const CATALOG_REQUIREMENTS = [
  catalog.must('FACTORS.CATALOG.POLICY', 'list supported factors',
    "The catalog lists the factors the org's policy lets the user enroll, each with its enrollment (REQUIRED or OPTIONAL) and an `enroll` link; a disabled factor is not listed.",
    factorsSpec('§1 F3 listSupportedFactors', 'operation/listSupportedFactors')),
  catalog.should('FACTORS.CATALOG.ENROLLED', 'list supported factors',
    'Once the user has enrolled a factor, its catalog entry no longer says NOT_SETUP.',
    factorsDoc('§1 F3 List factors to enroll', 'list-factors-to-enroll')),
  catalog.should('FACTORS.CATALOG.PHONES', 'list supported factors',
    "The catalog's sms entry embeds the phones the user already has (`_embedded.phones[]` with id, profile.phoneNumber and status).",
    factorsDoc('§2.2, §4.2 catalog phones', 'list-factors-to-enroll')),
  enrollment.should('FACTORS.ENROLL.DISABLED', 'enroll',
    "Enrolling a factor the org's policy disables is refused with an error object and enrolls nothing.",
    factorsSpec('§1 policy notes', 'operation/enrollFactor')),
] as const;
