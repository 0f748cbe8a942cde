import { rateLimited, smsRecentlySent, validationFailed } from '../../core/errors.js';
import type { OutboxMessage } from '../../core/outbox.js';
import type { StoredFactor } from '../store.js';
import type { FactorContext } from '../kind.js';
import { messageFactorKind, PHONE_OTP_LIFETIME_MS } from '../otp-activation/message-otp.js';
import { phoneDigits, readPhoneNumber, samePhone } from '../otp-activation/phone.js';

/**
 * sms / OKTA (spec §2.2). A user has one mobile phone: enrolling may omit the number (or repeat
 * it) to reuse the phone of the user's sms factor; a different number is refused while that
 * factor exists, unless `?updatePhone=true` and the factor is still pending. An active factor
 * never changes its number (reset and re-enroll instead): `updatePhone` does not help then, and
 * the mock refuses rather than ignores it ([F] and [S] differ on which; the checks accept both).
 */
const SUBJECT = 'factorEnrollRequest';

const phoneOf = (factor: StoredFactor) => String(factor.profile.phoneNumber ?? '');

export const smsFactor = messageFactorKind({
  channel: 'sms',
  idPrefix: 'mbl',

  enrollProfile(ctx, request, existing) {
    const requested = readPhoneNumber(request.profile, {
      acceptAny: ctx.faults.has('sms.accept-bad-number'),
      e164Only: ctx.faults.has('sms.strict-e164'),
    });
    const active = existing.find((f) => f.status === 'ACTIVE');
    const pending = existing.find((f) => f.status !== 'ACTIVE');
    const reused = active ?? pending;
    if (requested === undefined && (!reused || ctx.faults.has('sms.reuse-phone-refused'))) {
      throw validationFailed(SUBJECT, ['profile.phoneNumber: The field cannot be left blank']);
    }
    const number = requested ?? phoneOf(reused as StoredFactor);

    if (active) {
      if (samePhone(number, phoneOf(active))) throw validationFailed(SUBJECT, ['A factor of this type is already set up.']);
      if (request.updatePhone && ctx.faults.has('sms.update-phone-active')) return { profile: { phoneNumber: number }, keep: active };
      if (!ctx.faults.has('sms.second-phone-accepted')) {
        throw validationFailed(SUBJECT, ['There is an existing verified phone number.']);
      }
      return { profile: { phoneNumber: number } };
    }
    if (pending && !samePhone(number, phoneOf(pending))) {
      if (!request.updatePhone) throw validationFailed(SUBJECT, ['There is an existing verified phone number.']);
      if (ctx.faults.has('sms.update-phone-ignored')) return { profile: { ...pending.profile }, keep: pending };
    }
    return { profile: { phoneNumber: number }, ...(pending ? { keep: pending } : {}) };
  },

  destination: phoneOf,
  destinationKey: (factor) => phoneDigits(phoneOf(factor)),
  // One SMS per phone every 30 s: 429 E0000109 (spec §2.2, §7).
  throttle: { windowMs: 30_000, error: smsRecentlySent, wrongError: rateLimited },
  lifetimeMs: () => PHONE_OTP_LIFETIME_MS,

  challengeProfile(ctx, factor) {
    return ctx.faults.has('sms.challenge-no-phone') ? undefined : { phoneNumber: phoneOf(factor) };
  },

  rendering: smsRendering,
});

/**
 * `?templateId=` and `Accept-Language` choose the SMS text (spec §2.2). The mock keeps no SMS
 * templates, so every templateId is unknown and the default template is used, as [F] says it
 * must be (not an error); the message records what was asked for.
 */
function smsRendering(ctx: FactorContext, phase: 'enroll' | 'resend' | 'challenge'): Pick<OutboxMessage, 'templateId' | 'language'> {
  const templateId = ctx.query.templateId;
  if (templateId !== undefined && ctx.faults.has('sms.unknown-template-error')) {
    throw validationFailed('templateId', [`templateId: No SMS template with id ${templateId.slice(0, 64)}`]);
  }
  const language = ctx.faults.has(`sms.${phase}-ignores-language`) ? 'en' : firstLanguage(ctx.headers['accept-language']);
  return {
    ...(templateId !== undefined && templateId !== '' ? { templateId: templateId.slice(0, 64) } : {}),
    ...(language !== undefined ? { language } : {}),
  };
}

/** The first language tag of an Accept-Language header (`fr-CA,fr;q=0.9` → `fr-CA`). */
function firstLanguage(header: string | undefined): string | undefined {
  const tag = header?.split(',')[0]?.split(';')[0]?.trim();
  return tag && tag !== '*' && /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}
