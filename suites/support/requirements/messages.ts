import type { Requirement } from '../../../reports/check-meta.js';
import { FACTORS, factorsDoc, factorsSpec, req } from './source.js';

/**
 * The factors whose passcode travels by message (sms, call, email; spec §2.2–§2.4, §3, §7) and
 * the activation-attempt limit of every OTP factor. What the three channels share is stated once
 * per channel below (FACTORS.SMS.…, FACTORS.CALL.…, FACTORS.EMAIL.…); what only one has follows.
 */
type Channel = 'sms' | 'call' | 'email';

interface ChannelWords {
  key: 'SMS' | 'CALL' | 'EMAIL';
  /** What carries the code: "an SMS", "a voice call", "an email". */
  message: string;
  /** Where it goes: "the phone number", "the address". */
  destination: string;
  section: string;
  /** Anchor suffix of the [F] sections: enroll-okta-<x>-factor, activate-<x>-factor, verify-<x>-factor. */
  anchor: string;
  /** The documented 429 of a second message in the window. */
  throttle: string;
}

const WORDS: Record<Channel, ChannelWords> = {
  sms: { key: 'SMS', message: 'an SMS', destination: 'the phone number', section: '§2.2', anchor: 'sms', throttle: 'within 30 s is refused with 429 E0000109' },
  call: {
    key: 'CALL', message: 'a voice call', destination: 'the phone number', section: '§2.3', anchor: 'call',
    throttle: 'within 30 s is refused with 429 E0000047 (the catalog also has E0000133; either is accepted)',
  },
  email: { key: 'EMAIL', message: 'an email', destination: 'the address', section: '§2.4', anchor: 'email', throttle: 'within 5 s is refused with 429 E0000118' },
};

function shared(channel: Channel): Requirement[] {
  const w = WORDS[channel];
  const id = (rest: string) => `FACTORS.${w.key}.${rest}`;
  const enrollDoc = factorsDoc(`${w.section} Enroll`, `enroll-okta-${w.anchor}-factor`);
  const activateDoc = factorsDoc(`${w.section} Activate`, `activate-${w.anchor}-factor`);
  const verifyDoc = factorsDoc(`${w.section} Verify`, `verify-${w.anchor}-factor`);
  return [
    req(id('ENROLL.PENDING'), 'MUST', FACTORS, channel, 'enroll',
      `Enrolling ${channel} returns the factor PENDING_ACTIVATION with its profile, sends ${w.message} with a passcode to ${w.destination}, and the factor reads back and is listed.`,
      enrollDoc),
    req(id('ENROLL.LINKS'), 'MUST', FACTORS, channel, 'enroll',
      `A pending ${channel} factor publishes \`activate\` (POST), \`resend\` (an array whose link is named "${channel}"), \`self\` (not DELETE) and \`user\`, and no \`verify\`.`,
      enrollDoc),
    req(id('ENROLL.AUTO_ACTIVATE'), 'MUST', FACTORS, channel, 'enroll',
      `Enrolling ${channel} with ?activate=true returns the factor ACTIVE and sends no activation message.`,
      enrollDoc),
    req(id('ACTIVATE.GOOD_CODE'), 'MUST', FACTORS, channel, 'activate',
      `Activating with the passcode ${w.message} carried answers 200 with the factor ACTIVE, and it reads back ACTIVE.`,
      activateDoc),
    req(id('ACTIVATE.BAD_CODE'), 'MUST', FACTORS, channel, 'activate',
      'Activating with a wrong passcode is refused with 403 E0000068 and the factor stays PENDING_ACTIVATION.',
      activateDoc),
    req(id('RESEND'), 'MUST', FACTORS, channel, 'resend',
      `Following the \`resend\` link of a pending factor (body: the factor) answers 200 with the factor and sends ${w.message} with a new passcode, which activates it.`,
      factorsDoc(`${w.section} Resend`, `enroll-okta-${w.anchor}-factor`)),
    req(id('CHALLENGE'), 'MUST', FACTORS, channel, 'challenge',
      `Verifying an active factor without a passCode answers 200 {factorResult: CHALLENGE} with \`verify\` and \`factor\` links${channel === 'email' ? '' : ' and the profile'}, and sends ${w.message} with a new passcode.`,
      verifyDoc),
    req(id('VERIFY.GOOD_CODE'), 'MUST', FACTORS, channel, 'verify',
      'Verifying with the passcode of the latest challenge answers 200 {factorResult: SUCCESS}.',
      verifyDoc),
    req(id('VERIFY.BAD_CODE'), 'MUST', FACTORS, channel, 'verify',
      'Verifying with a wrong passcode is refused with 403 E0000068; the factor stays ACTIVE.',
      verifyDoc),
    req(id('VERIFY.REPLAY'), 'MUST', FACTORS, channel, 'verify',
      'A passcode that verified is not accepted a second time (403 E0000068/E0000082, or factorResult PASSCODE_REPLAYED).',
      factorsDoc('§3.4 PASSCODE_REPLAYED', 'factor-verify-result-object')),
    req(id('RATE_LIMIT'), 'MUST', FACTORS, channel, 'rate limit',
      `A second message to ${w.destination} ${w.throttle} and X-Rate-Limit-* headers, whether it is a resend or a challenge.`,
      factorsDoc('§7 Rate limits', `enroll-okta-${w.anchor}-factor`)),
    req(id('RATE_LIMIT.RECOVERY'), 'MUST', FACTORS, channel, 'rate limit',
      'Once the throttle window has passed, the same destination can be sent a message again.',
      factorsDoc('§7 Rate limits', `enroll-okta-${w.anchor}-factor`)),
  ];
}

const phoneExpiry = (channel: 'sms' | 'call', key: string, section: string): Requirement =>
  req(`FACTORS.${key}.OTP.EXPIRY`, 'SHOULD', FACTORS, channel, 'verify',
    'A passcode is not valid forever: one 30 minutes old is refused (the lifetime itself is undocumented).',
    factorsDoc(`${section}; §11 (lifetime undocumented)`, `verify-${channel}-factor`));

const SMS_ONLY: Requirement[] = [
  req('FACTORS.SMS.ENROLL.PHONE_FORMAT', 'SHOULD', FACTORS, 'sms', 'enroll',
    'A phone number in the form of the documented examples (+1-555-415-1337) is accepted.',
    factorsDoc('§2.13 SMS profile', 'sms-profile')),
  req('FACTORS.SMS.ENROLL.INVALID_PHONE', 'MUST', FACTORS, 'sms', 'enroll',
    'A phoneNumber that is not a phone number (text, too many digits, the wrong JSON type, blank, or missing with no phone to reuse) is refused with 400 E0000001 (or E0000098); nothing is enrolled and no SMS is sent.',
    factorsSpec('§1 F2 enrollFactor, §2.13', 'operation/enrollFactor')),
  req('FACTORS.SMS.ENROLL.EXISTING_PHONE', 'MUST', FACTORS, 'sms', 'enroll',
    'A user has one mobile phone: enrolling sms with a different number while an active sms factor exists is refused with 400 E0000001, and the factor keeps its number.',
    factorsDoc('§2.2 Existing phone', 'enroll-okta-sms-factor')),
  req('FACTORS.SMS.ENROLL.REUSE_PHONE', 'SHOULD', FACTORS, 'sms', 'enroll',
    'Enrolling sms without a phoneNumber uses the existing phone number.',
    factorsDoc('§2.2 Enroll by using existing phone number', 'enroll-okta-sms-factor-by-using-existing-phone-number')),
  req('FACTORS.SMS.ENROLL.UPDATE_PHONE', 'MUST', FACTORS, 'sms', 'enroll',
    'Enrolling with ?updatePhone=true and another number while the sms factor is PENDING_ACTIVATION replaces its number (one sms factor, still pending), and the new number receives the passcode.',
    factorsDoc('§2.2 Enroll by updating phone number', 'enroll-okta-sms-factor-by-updating-phone-number')),
  req('FACTORS.SMS.ENROLL.UPDATE_PHONE_ACTIVE', 'MUST', FACTORS, 'sms', 'enroll',
    'The number of an ACTIVE sms factor cannot be changed with ?updatePhone=true (refused with 400 E0000001, or ignored): it keeps its number and nothing is sent to the other one.',
    factorsDoc('§2.2 Enroll by updating phone number', 'enroll-okta-sms-factor-by-updating-phone-number')),
  req('FACTORS.SMS.RESEND.TEMPLATE', 'SHOULD', FACTORS, 'sms', 'resend',
    'A resend with a templateId that matches no template uses the default template (not an error), and honours Accept-Language.',
    factorsDoc('§2.2 Resend using a custom template', 'resend-sms-as-part-of-enrollment-using-a-custom-template')),
  phoneExpiry('sms', 'SMS', '§2.2'),
  req('FACTORS.SMS.UNENROLL.RECOVERY_PARAM', 'SHOULD', FACTORS, 'sms', 'unenroll',
    'Unenroll takes the boolean removeRecoveryEnrollment (204); a value that is not a boolean is refused with 400 and the factor stays.',
    factorsSpec('§1 F6 unenrollFactor', 'operation/unenrollFactor')),
];

const CALL_ONLY: Requirement[] = [
  req('FACTORS.CALL.ENROLL.INVALID_PHONE', 'MUST', FACTORS, 'call', 'enroll',
    'A call enrollment whose phoneNumber is not a phone number, or whose phoneExtension is longer than 15 characters or of the wrong JSON type, is refused with 400; nothing is enrolled and no call is made.',
    factorsDoc('§2.13 Call profile', 'call-profile')),
  req('FACTORS.CALL.ENROLL.EXISTING_PHONE', 'MUST', FACTORS, 'call', 'enroll',
    'A user has one voice-call phone: enrolling call with a different number while an active call factor exists is refused with 400 E0000001, and the factor keeps its number.',
    factorsDoc('§2.3 Existing phone', 'enroll-okta-call-factor')),
  phoneExpiry('call', 'CALL', '§2.3'),
];

const EMAIL_ONLY: Requirement[] = [
  req('FACTORS.EMAIL.ENROLL.UNVERIFIED_ADDRESS', 'MUST', FACTORS, 'email', 'enroll',
    "Enrolling an email address that is not one of the user's verified addresses is refused with 400 E0000001; nothing is enrolled and no email is sent.",
    factorsDoc('§2.4 Enroll Okta email factor', 'enroll-okta-email-factor')),
  req('FACTORS.EMAIL.ENROLL.INVALID_INPUT', 'MUST', FACTORS, 'email', 'enroll',
    'An email enrollment whose profile.email is missing, longer than 100 characters or of the wrong JSON type is refused with 400 E0000001; nothing is enrolled.',
    factorsDoc('§2.13 Email profile', 'email-profile')),
  req('FACTORS.EMAIL.LIFETIME.DEFAULT', 'MUST', FACTORS, 'email', 'lifetime',
    'Without tokenLifetimeSeconds an email passcode lives 300 s: accepted just before, refused after.',
    factorsDoc('§2.4, §7 tokenLifetimeSeconds', 'enroll-okta-email-factor')),
  req('FACTORS.EMAIL.LIFETIME.ENROLL', 'MUST', FACTORS, 'email', 'lifetime',
    'The passcode of an enrollment with ?tokenLifetimeSeconds=N is accepted just before N seconds and refused after.',
    factorsDoc('§2.4, §7 tokenLifetimeSeconds', 'enroll-okta-email-factor')),
  req('FACTORS.EMAIL.LIFETIME.CHALLENGE', 'MUST', FACTORS, 'email', 'lifetime',
    'The passcode of a challenge with ?tokenLifetimeSeconds=N is accepted just before N seconds and refused after.',
    factorsDoc('§2.4, §7 tokenLifetimeSeconds', 'verify-email-factor')),
  req('FACTORS.EMAIL.LIFETIME.RANGE', 'MUST', FACTORS, 'email', 'lifetime',
    'A tokenLifetimeSeconds outside 1..86400 or not an integer is refused with 400 E0000001, on enroll (nothing enrolled) and on challenge (no email sent).',
    factorsSpec('§1 F2, F9 tokenLifetimeSeconds', 'operation/enrollFactor')),
];

const ACTIVATION: Requirement[] = [
  req('FACTORS.OTP_ACTIVATION.RATE_LIMIT', 'MUST', FACTORS, 'activation attempts', 'activate',
    'A user gets five activation attempts of OTP factors (sms, call, email, token:software:totp) per five minutes; the sixth is refused with 429 E0000047 and X-Rate-Limit-* headers, even with the right passcode, and the factor stays pending.',
    factorsSpec('§7 activation attempts', 'operation/activateFactor')),
  req('FACTORS.OTP_ACTIVATION.RESEND_REFUSED', 'MUST', FACTORS, 'activation attempts', 'resend',
    'Once the activation attempts are used up, resend is refused for the sms, call or email factor (a 4xx error object) and nothing is sent.',
    factorsSpec('§3.3, §7 activation attempts', 'operation/resendEnrollFactor')),
  req('FACTORS.OTP_ACTIVATION.RECOVERY', 'MUST', FACTORS, 'activation attempts', 'activate',
    'Five minutes after the attempts were used up, the factor can be activated (sms, call, email after a resend).',
    factorsSpec('§7 activation attempts', 'operation/activateFactor')),
];

export const MESSAGE_REQUIREMENTS: readonly Requirement[] = [
  ...shared('sms'),
  ...SMS_ONLY,
  ...shared('call'),
  ...CALL_ONLY,
  ...shared('email'),
  ...EMAIL_ONLY,
  ...ACTIVATION,
];
