import { feature } from '../../../requirements/builders.js';
import { duoAdminApiDoc } from '../../../requirements/sources.js';

const log = feature({ family: 'duo-auth', name: 'authentication log', suite: 'suites/duo-auth/auth-log' });

/** /admin/v2/logs/authentication (spec §4.6). */
export const AUTH_LOG_REQUIREMENTS = [
  log.must('DUO.LOG.PAGING', 'list',
    'With limit, the log answers at most that many entries and metadata.next_offset; asking with it answers the following entries, none twice.',
    duoAdminApiDoc('§4.6 next_offset', 'authentication-logs')),
  log.must('DUO.LOG.TIME_RANGE', 'list',
    'The log answers only entries between mintime and maxtime (Unix ms); without mintime it answers 400.',
    duoAdminApiDoc('§4.6 mintime, maxtime', 'authentication-logs')),
] as const;
