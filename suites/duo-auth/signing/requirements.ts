import { feature } from '../../../requirements/builders.js';
import { duoAuthApiDoc } from '../../../requirements/sources.js';

const signing = feature({ family: 'duo-auth', name: 'request signing', suite: 'suites/duo-auth/signing' });

/** Duo's HMAC request signing (spec §1, §2.2). */
export const SIGNING_REQUIREMENTS = [
  signing.must('DUO.SIGN.V2', 'sign',
    'A request signed with signature v2 (HMAC-SHA1 or HMAC-SHA512 over date, method, lower-cased host, path and the sorted, URL-encoded parameters of the query or form body) is accepted.',
    duoAuthApiDoc('§1.2 v2 canonical string', 'authentication')),
  signing.must('DUO.SIGN.V5', 'sign',
    'A request signed with signature v5 (HMAC-SHA512 adding the SHA-512 of the JSON body and of the X-Duo-* headers) is accepted.',
    duoAuthApiDoc('§1.4 v5 canonical string', 'authentication')),
  signing.must('DUO.SIGN.MISSING', 'refuse',
    'A signed endpoint called without credentials answers 401 with stat FAIL and code 40101.',
    duoAuthApiDoc('§2.2 40101', 'response-format')),
  signing.must('DUO.SIGN.IKEY', 'refuse',
    'A request whose integration key is unknown (or of another integration) answers 401 with code 40102.',
    duoAuthApiDoc('§2.2 40102', 'response-format')),
  signing.must('DUO.SIGN.TAMPERED', 'refuse',
    'A request whose method, host, path, parameters or body differ from what was signed, or signed with another secret key, answers 401 with code 40103 and changes nothing.',
    duoAuthApiDoc('§2.2 40103', 'authentication')),
  signing.must('DUO.SIGN.DATE', 'refuse',
    'A request without a date answers 401 code 40104; one whose date lies outside the allowed skew answers 401 (40105, or 40103).',
    duoAuthApiDoc('§1.5 Date, clock skew', 'authentication')),
] as const;
