import type { RequirementId } from '../../../requirements/index.js';

/** Faults every message factor has, one per channel: `sms.accept-any-code`, `call.accept-any-code`, … */
const PER_CHANNEL_FAULTS = [
  'accept-any-code',
  'no-enroll-otp',
  'auto-activation-ignored',
  'resend-sends-nothing',
  'challenge-sends-nothing',
  'otp-reusable',
  'otp-never-expires',
  'no-throttle',
  'throttle-wrong-error',
  'throttle-never-resets',
  'no-resend-link',
] as const;
export type PerChannelFault = (typeof PER_CHANNEL_FAULTS)[number];

const DESCRIPTIONS: Record<PerChannelFault, (message: string) => string> = {
  'accept-any-code': (m) => `${m} factors: activation and verification accept any passcode`,
  'no-enroll-otp': (m) => `enrolling a ${m} factor sends no ${m}`,
  'auto-activation-ignored': (m) => `${m} factors: ?activate=true is ignored (enrolled pending, a code is sent)`,
  'resend-sends-nothing': (m) => `${m} factors: resend answers 200 but no ${m} goes out`,
  'challenge-sends-nothing': (m) => `${m} factors: a challenge answers CHALLENGE but no ${m} goes out`,
  'otp-reusable': (m) => `${m} factors: a passcode that verified can be used again`,
  'otp-never-expires': (m) => `${m} factors: passcodes never expire`,
  'no-throttle': (m) => `${m} factors: messages to one destination are not throttled`,
  'throttle-wrong-error': (m) => `${m} factors: the throttle's 429 carries another channel's error code`,
  'throttle-never-resets': (m) => `${m} factors: the throttle window lasts an hour`,
  'no-resend-link': (m) => `a pending ${m} factor publishes no resend link`,
};

/**
 * The faults every message channel has (sms, call, email), so that each channel's suite proves it
 * catches its own; `breaks` says, per fault, which of that channel's requirements it breaks.
 */
export function channelFaults<const Channel extends string>(
  channel: Channel,
  message: string,
  breaks: Record<PerChannelFault, readonly RequirementId[]>,
): { id: `${Channel}.${PerChannelFault}`; description: string; breaks: readonly RequirementId[] }[] {
  return PER_CHANNEL_FAULTS.map((fault) => ({ id: `${channel}.${fault}` as const, description: DESCRIPTIONS[fault](message), breaks: breaks[fault] }));
}
