import { feature } from '../../../requirements/builders.js';
import { duoAdminApiDoc } from '../../../requirements/sources.js';

const bypass = feature({ family: 'duo-auth', name: 'bypass codes', suite: 'suites/duo-auth/bypass-codes' });

/** Bypass codes (spec §4.4, §3.5). */
export const BYPASS_CODE_REQUIREMENTS = [
  bypass.must('DUO.BYPASS.CREATE', 'create',
    'Creating bypass codes answers the codes (9-digit strings) once; listing them answers metadata only, never a code.',
    duoAdminApiDoc('§4.4 bypass codes', 'create-bypass-codes-for-user')),
  bypass.must('DUO.BYPASS.SINGLE_USE', 'use',
    'A bypass code with reuse_count 1 authenticates once (log bypass_code, valid_passcode) and is refused the second time.',
    duoAdminApiDoc('§3.5 bypass codes', 'create-bypass-codes-for-user')),
  bypass.must('DUO.BYPASS.EXPIRY', 'use',
    'A bypass code created with valid_secs is refused once that time has passed.',
    duoAdminApiDoc('§4.4 valid_secs', 'create-bypass-codes-for-user')),
  bypass.must('DUO.BYPASS.LIMITS', 'create',
    'count above 10, or count together with codes, answers 400 code 40002 and creates nothing.',
    duoAdminApiDoc('§4.4 count', 'create-bypass-codes-for-user')),
] as const;
