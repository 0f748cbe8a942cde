import type { MESSAGE_FAULTS } from '../../../mock-org/okta-factors/otp-activation/faults.js';
import { PER_CHANNEL_FAULTS, type MessageChannel, type PerChannelFault } from '../../../mock-org/okta-factors/otp-activation/message-otp.js';
import type { FaultExpectation } from './types.js';

/** The suites of the message factors and of the activation-attempt limit. */
export const MESSAGE_SUITES = {
  sms: 'suites/okta-factors/sms/sms.test.ts',
  call: 'suites/okta-factors/call/call.test.ts',
  email: 'suites/okta-factors/email/email.test.ts',
  activation: 'suites/okta-factors/otp-activation/otp-activation.test.ts',
} as const;

const KEY: Record<MessageChannel, string> = { sms: 'SMS', call: 'CALL', email: 'EMAIL' };

/** For each fault every channel has: the requirements (after FACTORS.<CHANNEL>.) whose checks catch it. */
const PER_CHANNEL: Record<PerChannelFault, (channel: MessageChannel) => string[]> = {
  'accept-any-code': () => ['ACTIVATE.BAD_CODE', 'VERIFY.BAD_CODE'],
  'no-enroll-otp': () => ['ENROLL.PENDING'],
  'auto-activation-ignored': () => ['ENROLL.AUTO_ACTIVATE'],
  'resend-sends-nothing': () => ['RESEND'],
  'challenge-sends-nothing': () => ['CHALLENGE', 'VERIFY.GOOD_CODE'],
  'otp-reusable': () => ['VERIFY.REPLAY'],
  'otp-never-expires': (channel) => (channel === 'email' ? ['LIFETIME.DEFAULT', 'LIFETIME.ENROLL', 'LIFETIME.CHALLENGE'] : ['OTP.EXPIRY']),
  'no-throttle': () => ['RATE_LIMIT'],
  'throttle-wrong-error': () => ['RATE_LIMIT'],
  'throttle-never-resets': () => ['RATE_LIMIT.RECOVERY'],
  'no-resend-link': () => ['ENROLL.LINKS'],
};

type PerChannelFaultId = `${MessageChannel}.${PerChannelFault}`;

function perChannelExpectations(): Record<PerChannelFaultId, FaultExpectation> {
  const out: Partial<Record<PerChannelFaultId, FaultExpectation>> = {};
  for (const channel of ['sms', 'call', 'email'] as const) {
    for (const fault of PER_CHANNEL_FAULTS) {
      out[`${channel}.${fault}`] = {
        files: [MESSAGE_SUITES[channel]],
        failing: PER_CHANNEL[fault](channel).map((rest) => `FACTORS.${KEY[channel]}.${rest}`),
      };
    }
  }
  return out as Record<PerChannelFaultId, FaultExpectation>;
}

const sms = (...failing: string[]): FaultExpectation => ({ files: [MESSAGE_SUITES.sms], failing: failing.map((r) => `FACTORS.SMS.${r}`) });
const call = (...failing: string[]): FaultExpectation => ({ files: [MESSAGE_SUITES.call], failing: failing.map((r) => `FACTORS.CALL.${r}`) });
const email = (...failing: string[]): FaultExpectation => ({ files: [MESSAGE_SUITES.email], failing: failing.map((r) => `FACTORS.EMAIL.${r}`) });
const activation = (...failing: string[]): FaultExpectation => ({
  files: [MESSAGE_SUITES.activation],
  failing: failing.map((r) => `FACTORS.OTP_ACTIVATION.${r}`),
});

export const MESSAGE_EXPECTATIONS: Record<(typeof MESSAGE_FAULTS)[number]['id'], FaultExpectation> = {
  ...perChannelExpectations(),
  'sms.second-phone-accepted': sms('ENROLL.EXISTING_PHONE'),
  'sms.update-phone-active': sms('ENROLL.UPDATE_PHONE_ACTIVE'),
  'sms.update-phone-ignored': sms('ENROLL.UPDATE_PHONE'),
  'sms.reuse-phone-refused': sms('ENROLL.REUSE_PHONE'),
  'sms.strict-e164': sms('ENROLL.PHONE_FORMAT'),
  'sms.accept-bad-number': sms('ENROLL.INVALID_PHONE'),
  'sms.resend-ignores-language': sms('RESEND.TEMPLATE'),
  'sms.unknown-template-error': sms('RESEND.TEMPLATE'),
  'sms.remove-recovery-unchecked': sms('UNENROLL.RECOVERY_PARAM'),
  'sms.challenge-no-phone': sms('CHALLENGE'),
  'call.second-phone-accepted': call('ENROLL.EXISTING_PHONE'),
  'call.extension-dropped': call('ENROLL.PENDING', 'CHALLENGE'),
  'call.long-extension-accepted': call('ENROLL.INVALID_PHONE'),
  'email.any-address': email('ENROLL.UNVERIFIED_ADDRESS'),
  'email.lifetime-ignored': email('LIFETIME.ENROLL', 'LIFETIME.CHALLENGE'),
  'email.default-lifetime-wrong': email('LIFETIME.DEFAULT'),
  'email.lifetime-unvalidated': email('LIFETIME.RANGE'),
  'otp-activation.unlimited': activation('RATE_LIMIT'),
  'otp-activation.totp-exempt': activation('RATE_LIMIT'),
  'otp-activation.wrong-error': activation('RATE_LIMIT'),
  'otp-activation.resend-allowed': activation('RESEND_REFUSED'),
  'otp-activation.never-recovers': activation('RECOVERY'),
};
