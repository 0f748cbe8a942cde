/**
 * Faults of the factors whose passcode travels by message (sms, call, email) and of the
 * activation-attempt limit the OTP factors share. The faults every message factor has come once
 * per channel (`sms.accept-any-code`, `call.accept-any-code`, `email.accept-any-code`, …), so
 * each channel's suite proves it catches its own; mock-org/okta-factors/otp-activation/message-otp.ts lists them.
 */
const perChannel = <const Suffix extends string>(suffix: Suffix, description: (message: string) => string) =>
  [
    { id: `sms.${suffix}`, description: description('SMS') },
    { id: `call.${suffix}`, description: description('voice call') },
    { id: `email.${suffix}`, description: description('email') },
  ] as const;

export const MESSAGE_FAULTS = [
  ...perChannel('accept-any-code', (m) => `${m} factors: activation and verification accept any passcode`),
  ...perChannel('no-enroll-otp', (m) => `enrolling a ${m} factor sends no ${m}`),
  ...perChannel('auto-activation-ignored', (m) => `${m} factors: ?activate=true is ignored (enrolled pending, a code is sent)`),
  ...perChannel('resend-sends-nothing', (m) => `${m} factors: resend answers 200 but no ${m} goes out`),
  ...perChannel('challenge-sends-nothing', (m) => `${m} factors: a challenge answers CHALLENGE but no ${m} goes out`),
  ...perChannel('otp-reusable', (m) => `${m} factors: a passcode that verified can be used again`),
  ...perChannel('otp-never-expires', (m) => `${m} factors: passcodes never expire`),
  ...perChannel('no-throttle', (m) => `${m} factors: messages to one destination are not throttled`),
  ...perChannel('throttle-wrong-error', (m) => `${m} factors: the throttle's 429 carries another channel's error code`),
  ...perChannel('throttle-never-resets', (m) => `${m} factors: the throttle window lasts an hour`),
  ...perChannel('no-resend-link', (m) => `a pending ${m} factor publishes no resend link`),

  { id: 'sms.second-phone-accepted', description: 'a second sms factor with another number is enrolled beside an active one' },
  { id: 'sms.update-phone-active', description: 'updatePhone=true changes the number of an active sms factor' },
  { id: 'sms.update-phone-ignored', description: 'updatePhone=true keeps the old number of a pending sms factor' },
  { id: 'sms.reuse-phone-refused', description: 'enrolling sms without a number is refused even though the user has a phone' },
  { id: 'sms.strict-e164', description: 'sms numbers in the documented grouped form (+1-555-415-1337) are refused' },
  { id: 'sms.accept-bad-number', description: 'any text is accepted as an sms phone number' },
  { id: 'sms.resend-ignores-language', description: 'a resent SMS ignores Accept-Language (rendered in English)' },
  { id: 'sms.unknown-template-error', description: 'an unknown templateId is refused instead of falling back to the default template' },
  { id: 'sms.remove-recovery-unchecked', description: 'DELETE with a removeRecoveryEnrollment that is not a boolean unenrolls anyway' },
  { id: 'sms.challenge-no-phone', description: 'the sms CHALLENGE result has no profile.phoneNumber' },

  { id: 'call.second-phone-accepted', description: 'a second call factor is enrolled beside an active one' },
  { id: 'call.extension-dropped', description: 'the call factor drops profile.phoneExtension' },
  { id: 'call.long-extension-accepted', description: 'a phoneExtension longer than 15 characters is accepted' },

  { id: 'email.any-address', description: 'an email factor can be enrolled for any address, not only the verified ones of the user' },
  { id: 'email.lifetime-ignored', description: 'tokenLifetimeSeconds is ignored: email codes always live 300 s' },
  { id: 'email.default-lifetime-wrong', description: 'email codes live 600 s by default instead of 300 s' },
  { id: 'email.lifetime-unvalidated', description: 'a tokenLifetimeSeconds out of range or not an integer falls back to the default instead of 400' },

  { id: 'otp-activation.unlimited', description: 'OTP factor activation attempts are not limited' },
  { id: 'otp-activation.totp-exempt', description: 'token:software:totp activation attempts are not counted' },
  { id: 'otp-activation.wrong-error', description: 'too many activation attempts are answered 403 E0000068 instead of 429 E0000047' },
  { id: 'otp-activation.resend-allowed', description: 'resend still works once the activation attempts are used up' },
  { id: 'otp-activation.never-recovers', description: 'the activation-attempt window lasts a day instead of five minutes' },
] as const;
