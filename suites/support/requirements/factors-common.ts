import type { Requirement } from '../../../reports/check-meta.js';
import { FACTORS, factorsDoc, factorsSpec, req } from './source.js';

/** Operations every factor type shares. */
export const FACTORS_COMMON_REQUIREMENTS: readonly Requirement[] = [
  req('FACTORS.ENROLL.UNKNOWN_TYPE', 'MUST', FACTORS, 'enrollment', 'enroll',
    'Enrolling an unknown factorType or provider is refused with 400 E0000001 and enrolls nothing.',
    factorsSpec('§1 F2 enrollFactor', 'operation/enrollFactor')),
  req('FACTORS.LIST.ENROLLED', 'MUST', FACTORS, 'enrollment', 'list',
    "Listing a user's factors returns every enrolled factor as a Factor object.",
    factorsDoc('§1 F1 List enrolled factors', 'list-enrolled-factors')),
  req('FACTORS.GET.FACTOR', 'MUST', FACTORS, 'enrollment', 'get',
    'Getting a factor by id returns that Factor object with its current status.',
    factorsDoc('§1 F5 Get factor', 'get-factor')),
  req('FACTORS.GET.UNKNOWN', 'MUST', FACTORS, 'enrollment', 'get',
    'An unknown factor id is answered 404 E0000007.',
    factorsSpec('§1 (every operation may return 404 E0000007)', 'operation/getFactor')),
  req('FACTORS.UNENROLL.DELETE', 'MUST', FACTORS, 'enrollment', 'unenroll',
    'Unenrolling a factor answers 204 No Content; afterwards the factor is gone (404 E0000007, absent from the list).',
    factorsDoc('§1 F6 Reset factor', 'reset-factor')),
];
