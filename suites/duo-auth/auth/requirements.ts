import { feature } from '../../../requirements/builders.js';
import { duoAuthApiDoc } from '../../../requirements/sources.js';

const auth = feature({ family: 'duo-auth', name: 'second factor', suite: 'suites/duo-auth/auth' });

/** /auth/v2/auth and /auth_status with each factor, read back in the authentication log (spec §3.3, §3.4, §4.6). */
export const AUTH_REQUIREMENTS = [
  auth.must('DUO.AUTH.PUSH.APPROVE', 'push',
    'An async push answers a txid; auth_status answers waiting/pushed until the user approves, then allow/allow; the log records success, user_approved, duo_push.',
    duoAuthApiDoc('§3.3 /auth, §3.4 /auth_status', 'auth')),
  auth.must('DUO.AUTH.PUSH.DENY', 'push',
    'A push the user denies ends deny/deny; the log records result denied.',
    duoAuthApiDoc('§3.4 /auth_status', 'auth_status')),
  auth.must('DUO.AUTH.PUSH.FRAUD', 'push',
    'A push the user reports as fraud ends deny/fraud; the log records result fraud, reason user_marked_fraud.',
    duoAuthApiDoc('§3.4 /auth_status', 'auth_status')),
  auth.must('DUO.AUTH.PUSH.TIMEOUT', 'push',
    'A push nobody answers ends deny/timeout once 60 seconds have passed; the log records denied, no_response.',
    duoAuthApiDoc('§3.4 timeout (D8)', 'auth_status')),
  auth.must('DUO.AUTH.NO_CAPABLE_DEVICE', 'push',
    'A push to a device without the push capability (not activated) answers 400 code 40002.',
    duoAuthApiDoc('§3.3 device (D7)', 'auth')),
  auth.must('DUO.AUTH.PHONE', 'phone',
    'A phone factor answers calling while waiting and allow once the user answers and approves; the log records phone_call, user_approved.',
    duoAuthApiDoc('§3.3 factor phone', 'auth')),
  auth.must('DUO.AUTH.SMS', 'sms',
    'factor sms answers deny/sent and delivers passcodes; one of them then authenticates once; the log records sms_passcode, valid_passcode.',
    duoAuthApiDoc('§3.3 factor sms', 'auth')),
  auth.must('DUO.AUTH.PASSCODE', 'passcode',
    "A hardware token's next code authenticates (allow, log hardware_token valid_passcode); a wrong code answers deny (log denied invalid_passcode).",
    duoAuthApiDoc('§3.3 factor passcode', 'auth')),
  auth.must('DUO.AUTH.STATUS_TXID', 'auth_status',
    '/auth/v2/auth_status with an unknown txid answers 400 (40002) in Duo\'s error envelope.',
    duoAuthApiDoc('§3.4 /auth_status', 'auth_status')),
] as const;
