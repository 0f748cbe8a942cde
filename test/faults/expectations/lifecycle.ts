import type { LIFECYCLE_FAULTS } from '../../../mock-org/okta-factors/lifecycle/faults.js';
import { SUITE, type FaultExpectation } from './types.js';

const CATALOG = 'suites/okta-factors/catalog/catalog.test.ts';
const LIFECYCLE = 'suites/okta-factors/lifecycle/lifecycle.test.ts';

export const LIFECYCLE_EXPECTATIONS: Record<(typeof LIFECYCLE_FAULTS)[number]['id'], FaultExpectation> = {
  'catalog.lists-disabled': { files: [CATALOG], failing: ['FACTORS.CATALOG.POLICY'] },
  'catalog.wrong-enrollment': { files: [CATALOG], failing: ['FACTORS.CATALOG.POLICY'] },
  'catalog.phones-missing': { files: [CATALOG], failing: ['FACTORS.CATALOG.PHONES'] },
  'lifecycle.reset-factors-noop': { files: [LIFECYCLE], failing: ['FACTORS.LIFECYCLE.RESET_FACTORS'] },
  'lifecycle.reenroll-replaces-active': { files: [LIFECYCLE], failing: ['FACTORS.LIFECYCLE.ENROLL_TWICE'] },
  'lifecycle.activate-active-allowed': { files: [LIFECYCLE], failing: ['FACTORS.LIFECYCLE.ACTIVATE_ACTIVE'] },
  'lifecycle.verify-pending-allowed': { files: [LIFECYCLE], failing: ['FACTORS.LIFECYCLE.VERIFY_PENDING'] },
  'errors.wrong-method-404': { files: [SUITE.common], failing: ['API.METHOD.NOT_ALLOWED'] },
  'errors.other-users-factor-visible': { files: [SUITE.common], failing: ['FACTORS.ACCESS.OTHER_USER'] },
  'input.wrong-type-500': { files: [SUITE.common, 'suites/okta-factors/email/email.test.ts'], failing: ['FACTORS.INPUT.WRONG_TYPES', 'FACTORS.EMAIL.ENROLL.INVALID_INPUT'] },
  'input.malformed-json-500': { files: [SUITE.common], failing: ['API.INPUT.MALFORMED_JSON'] },
  'input.media-type-500': { files: [SUITE.common], failing: ['API.INPUT.MEDIA_TYPE'] },
  'catalog.enrolled-not-setup': { files: [CATALOG], failing: ['FACTORS.CATALOG.ENROLLED'] },
  'lifecycle.disabled-enrollable': { files: [CATALOG], failing: ['FACTORS.ENROLL.DISABLED'] },
  'lifecycle.reenroll-refused': { files: [LIFECYCLE], failing: ['FACTORS.LIFECYCLE.REENROLL'] },
  'input.refused-enroll-persisted': { files: [SUITE.common], failing: ['FACTORS.ENROLL.UNKNOWN_TYPE'] },
};
