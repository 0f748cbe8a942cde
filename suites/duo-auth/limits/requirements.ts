import { feature } from '../../../requirements/builders.js';
import { duoAdminApiDoc, duoAuthApiDoc } from '../../../requirements/sources.js';

const limits = feature({ family: 'duo-auth', name: 'lockout and rate limits', suite: 'suites/duo-auth/limits' });

/** Lockout after failed attempts, and rate limiting (spec §3.5, §2.3). */
export const LIMIT_REQUIREMENTS = [
  limits.must('DUO.LOCKOUT', 'lockout',
    "After 10 consecutive failed attempts the user is locked out: its status reads 'locked out', /auth answers deny/locked_out even with a good code, and the log records locked_out.",
    duoAuthApiDoc('§3.5 lockout (D17)', 'auth')),
  limits.must('DUO.RATE_LIMIT', 'rate limit',
    'Past its rate limit an endpoint answers 429 with stat FAIL and code 42901, and answers again once the window has passed.',
    duoAdminApiDoc('§2.3 rate limiting', 'rate-limits')),
] as const;
