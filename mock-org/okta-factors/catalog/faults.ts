import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the factor catalog. */
export const CATALOG_FAULTS = [
  {
    id: 'catalog.lists-disabled',
    description: 'the catalog lists factors the policy disables (as OPTIONAL)',
    breaks: ['FACTORS.CATALOG.POLICY'],
  },
  {
    id: 'catalog.wrong-enrollment',
    description: 'the catalog shows REQUIRED factors as OPTIONAL',
    breaks: ['FACTORS.CATALOG.POLICY'],
  },
  {
    id: 'catalog.phones-missing',
    description: "the catalog's sms entry does not embed the user's existing phones",
    breaks: ['FACTORS.CATALOG.PHONES'],
  },
  {
    id: 'catalog.enrolled-not-setup',
    description: 'the catalog says NOT_SETUP for factors the user has enrolled',
    breaks: ['FACTORS.CATALOG.ENROLLED'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
