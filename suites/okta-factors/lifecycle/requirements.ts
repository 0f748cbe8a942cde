import { feature } from '../../../requirements/builders.js';
import { factorsDoc, factorsSpec } from '../../../requirements/sources.js';

const lifecycle = feature({ family: 'okta-factors', name: 'lifecycle', suite: 'suites/okta-factors/lifecycle' });

/** The factor lifecycle, and what is legal in which status: spec §1 (F15), §3. */
export const LIFECYCLE_REQUIREMENTS = [
  lifecycle.must('FACTORS.LIFECYCLE.RESET_FACTORS', 'reset factors',
    "Resetting a user's factors answers 200; afterwards none of the factors enrolled before is left (an Identity Engine org may keep the email it enrolled itself) and the user is still ACTIVE.",
    factorsSpec('§1 F15 resetFactors', 'operation/resetFactors')),
  lifecycle.must('FACTORS.LIFECYCLE.RESET_FACTORS_LINK', 'reset factors',
    "A user publishes the `resetFactors` link (POST …/lifecycle/reset_factors) exactly while it has at least one factor: not before its first enrollment, and not after its factors are reset (an Identity Engine user's own email factor counts).",
    factorsSpec('§1 F15 "the link exists only while the user has ≥1 factor"', 'operation/resetFactors')),
  lifecycle.must('FACTORS.LIFECYCLE.REENROLL', 'enroll',
    'After a factor is unenrolled the user can enroll the same type again, as a new factor pending activation.',
    factorsDoc('§3.2 transitions (DELETE → enroll a new one)', 'reset-factor')),
  lifecycle.should('FACTORS.LIFECYCLE.ENROLL_TWICE', 'enroll',
    'Enrolling a factor type (and provider) the user already has ACTIVE is refused with a 4xx error object (the docs name no code), and the factors stay exactly as they were.',
    factorsDoc('§2.3 "A factor of this type is already set up."', 'enroll-okta-call-factor')),
  lifecycle.should('FACTORS.LIFECYCLE.ACTIVATE_ACTIVE', 'activate',
    'Activating a factor that is already ACTIVE is refused with a 4xx error object (an active factor publishes no `activate` link).',
    factorsDoc('§3.3 operation legality by status', 'activate-factor')),
  lifecycle.should('FACTORS.LIFECYCLE.VERIFY_PENDING', 'verify',
    'Verifying a factor that is still PENDING_ACTIVATION is refused with a 4xx error object, and it stays pending (a pending factor publishes no `verify` link).',
    factorsDoc('§3.3 operation legality by status', 'verify-factor')),
  lifecycle.must('FACTORS.LIFECYCLE.INACTIVE_USER', 'user status',
    "On a deactivated user, enrolling, activating, verifying and unenrolling factors are refused with a 4xx error object, and the user's factors stay as they were.",
    factorsSpec('§1 "A factor cannot be unenrolled from a deactivated user"', 'operation/unenrollFactor')),
  lifecycle.must('FACTORS.LIFECYCLE.ACTIVATE_QUERY', 'enroll',
    '`?activate=true` auto-activates only sms, call, email and token:hotp: a token:software:totp or push enrollment with it is left PENDING_ACTIVATION (or refused), never ACTIVE.',
    factorsSpec('§1 F2 activate (sms, call, email, token:hotp only)', 'operation/enrollFactor')),
] as const;
