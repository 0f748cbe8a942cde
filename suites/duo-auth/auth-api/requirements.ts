import { feature } from '../../../requirements/builders.js';
import { duoAuthApiDoc } from '../../../requirements/sources.js';

const authApi = feature({ family: 'duo-auth', name: 'Auth API endpoints', suite: 'suites/duo-auth/auth-api' });

/** The Auth API's own endpoints: ping, check, logo, enroll, enroll_status, preauth (spec §3). */
export const AUTH_API_REQUIREMENTS = [
  authApi.must('DUO.PING', 'ping',
    '/auth/v2/ping answers without credentials: stat OK and response.time, the server time in Unix seconds.',
    duoAuthApiDoc('§3 /ping', 'ping')),
  authApi.must('DUO.CHECK', 'check',
    '/auth/v2/check with a valid signature answers stat OK and response.time in Unix seconds, as JSON (Content-Type application/json).',
    duoAuthApiDoc('§3 /check', 'check')),
  authApi.must('DUO.LOGO', 'logo',
    '/auth/v2/logo answers the logo as image/png, or a Duo error object when there is none.',
    duoAuthApiDoc('§3 /logo', 'logo')),
  authApi.must('DUO.ENROLL.CREATE', 'enroll',
    '/auth/v2/enroll creates the user and answers activation_barcode, activation_code, expiration, user_id and username; the user then exists.',
    duoAuthApiDoc('§3.1 /enroll', 'enroll')),
  authApi.must('DUO.ENROLL.DUPLICATE', 'enroll',
    '/auth/v2/enroll with a username that exists answers 400 code 40002 and creates nothing.',
    duoAuthApiDoc('§2.2 40002', 'enroll')),
  authApi.must('DUO.ENROLL.STATUS', 'enroll_status',
    '/auth/v2/enroll_status answers waiting until Duo Mobile claims the activation code, then success; invalid for another user.',
    duoAuthApiDoc('§3.1 /enroll_status', 'enroll_status')),
  authApi.must('DUO.PREAUTH.AUTH', 'preauth',
    '/auth/v2/preauth for an enrolled active user answers result auth with the devices and their capabilities.',
    duoAuthApiDoc('§3.2 /preauth', 'preauth')),
  authApi.must('DUO.PREAUTH.ENROLL', 'preauth',
    '/auth/v2/preauth for an unknown user answers result enroll with an enroll_portal_url.',
    duoAuthApiDoc('§3.2 /preauth', 'preauth')),
  authApi.must('DUO.PREAUTH.STATUS', 'preauth',
    '/auth/v2/preauth answers allow for a user in bypass status and deny for a disabled one.',
    duoAuthApiDoc('§3.2 /preauth, §3.5', 'preauth')),
  authApi.must('DUO.PREAUTH.PARAMS', 'preauth',
    '/auth/v2/preauth without username or user_id answers 400 (40001 or 40002) in Duo\'s error envelope.',
    duoAuthApiDoc('§2.2 40001/40002', 'preauth')),
] as const;
