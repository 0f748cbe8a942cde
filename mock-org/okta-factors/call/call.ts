import { rateLimited, smsRecentlySent, validationFailed } from '../../core/errors.js';
import type { StoredFactor } from '../store.js';
import { messageFactorKind, PHONE_OTP_LIFETIME_MS } from '../otp-activation/message-otp.js';
import { phoneDigits, readPhoneExtension, readPhoneNumber } from '../otp-activation/phone.js';

/**
 * call / OKTA (spec §2.3): a voice call reads the code out. A user has one voice-capable phone:
 * while a call factor is active, enrolling another (any number) is refused with "A factor of this
 * type is already set up."; a pending one is replaced.
 */
const SUBJECT = 'factorEnrollRequest';
/** The documented limit of `phoneExtension`; the `call.long-extension-accepted` fault lifts it. */
const EXTENSION_MAX_LENGTH = 15;

const phoneOf = (factor: StoredFactor) => String(factor.profile.phoneNumber ?? '');

function callProfile(factor: StoredFactor): Record<string, unknown> {
  const { phoneNumber, phoneExtension } = factor.profile;
  return { phoneNumber, ...(phoneExtension !== undefined ? { phoneExtension } : {}) };
}

export const callFactor = messageFactorKind({
  channel: 'call',
  idPrefix: 'clf',

  enrollProfile(ctx, request, existing) {
    const number = readPhoneNumber(request.profile);
    if (number === undefined) throw validationFailed(SUBJECT, ['profile.phoneNumber: The field cannot be left blank']);
    const extension = readPhoneExtension(request.profile, ctx.faults.has('call.long-extension-accepted') ? 1000 : EXTENSION_MAX_LENGTH);
    if (existing.some((f) => f.status === 'ACTIVE') && !ctx.faults.has('call.second-phone-accepted')) {
      throw validationFailed(SUBJECT, ['A factor of this type is already set up.']);
    }
    const keepExtension = extension !== undefined && !ctx.faults.has('call.extension-dropped');
    return { profile: { phoneNumber: number, ...(keepExtension ? { phoneExtension: extension } : {}) } };
  },

  destination: phoneOf,
  destinationKey: (factor) => phoneDigits(phoneOf(factor)),
  // One call per phone every 30 s. [F] shows 429 E0000047 here; the catalog also has E0000133
  // ("A phone call was recently made"). The mock answers as [F] shows; the checks accept both.
  throttle: { windowMs: 30_000, error: rateLimited, wrongError: smsRecentlySent },
  lifetimeMs: () => PHONE_OTP_LIFETIME_MS,
  challengeProfile: (_ctx, factor) => callProfile(factor),
});
