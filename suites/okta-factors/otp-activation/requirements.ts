import { feature } from '../../../requirements/builders.js';
import { factorsSpec } from '../../../requirements/sources.js';

const activationAttempts = feature({ family: 'okta-factors', name: 'activation attempts', suite: 'suites/okta-factors/otp-activation' });

/** The activation-attempt limit every OTP factor shares. */
export const OTP_ACTIVATION_REQUIREMENTS = [
  activationAttempts.must('FACTORS.OTP_ACTIVATION.RATE_LIMIT', 'activate',
    'A user gets five activation attempts of OTP factors (sms, call, email, token:software:totp) per five minutes; the sixth is refused with 429 E0000047 and X-Rate-Limit-* headers, even with the right passcode, and the factor stays pending.',
    factorsSpec('§7 activation attempts', 'operation/activateFactor')),
  activationAttempts.must('FACTORS.OTP_ACTIVATION.RESEND_REFUSED', 'resend',
    'Once the activation attempts are used up, resend is refused for the sms, call or email factor (a 4xx error object) and nothing is sent.',
    factorsSpec('§3.3, §7 activation attempts', 'operation/resendEnrollFactor')),
  activationAttempts.must('FACTORS.OTP_ACTIVATION.RECOVERY', 'activate',
    'Five minutes after the attempts were used up, the factor can be activated (sms, call, email after a resend).',
    factorsSpec('§7 activation attempts', 'operation/activateFactor')),
  activationAttempts.must('FACTORS.OTP_ACTIVATION.PER_USER', 'activate',
    "The five attempts are the user's, across their factors: three wrong codes on one pending factor and two on another use them up, so the sixth is refused (429 E0000047) on either, even with the right code; another user's activation is not affected.",
    factorsSpec('§7 activation attempts (per user)', 'operation/activateFactor')),
] as const;
