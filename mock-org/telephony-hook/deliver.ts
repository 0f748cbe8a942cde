/**
 * Okta's telephony inline hook, the org's side (spec okta-real-org §4): each sms/voice code is POSTed to the hook's
 * URL in the documented request (`data.messageProfile`: `msgTemplate`, `phoneNumber`, `otpExpires`,
 * `deliveryChannel`, `otpCode`, `locale`; `data.userProfile`), with the hook's HEADER auth value in `Authorization`.
 * Only a 200 whose first command is `com.okta.telephony.action` with status `SUCCESSFUL` counts; anything else, or
 * no answer within 3 s, falls back to the org's own providers (here: the outbox). Never retried, redirects not followed.
 */
import { randomUUID } from 'node:crypto';
import type { MessageDelivery, OutboxMessage } from '../core/outbox.js';

const TIMEOUT_MS = 3000;
/** OTP lifetime, known only from the documented example (spec §7.12): about five minutes. */
const OTP_LIFETIME_MS = 5 * 60_000;

export interface TelephonyHookTarget {
  url: string;
  /** The value of the `Authorization` header (the hook's HEADER auth scheme). */
  secret: string;
}

interface HookUser {
  login: string;
  firstName: string;
  lastName: string;
}

export function telephonyHookDelivery(hook: TelephonyHookTarget, userOf: (userId: string) => HookUser | undefined, now: () => number): MessageDelivery {
  return async (message) => {
    const user = userOf(message.userId);
    const response = await fetch(hook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { authorization: hook.secret, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(hookRequest(hook.url, message, user, now())),
    });
    if (response.status !== 200) return false;
    const body: unknown = await response.json().catch(() => undefined);
    const command = (body as { commands?: { type?: unknown; value?: { status?: unknown }[] }[] } | undefined)?.commands?.[0];
    return command?.type === 'com.okta.telephony.action' && command.value?.[0]?.status === 'SUCCESSFUL';
  };
}

function hookRequest(url: string, message: OutboxMessage, user: HookUser | undefined, nowMs: number): Record<string, unknown> {
  return {
    eventId: randomUUID(),
    eventTime: new Date(nowMs).toISOString(),
    eventType: 'com.okta.telephony.provider',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: url,
    // which requestType an admin Factors API challenge carries is not documented (spec §7.12)
    requestType: 'com.okta.user.telephony.mfa-verification',
    data: {
      context: { request: { id: randomUUID(), method: 'POST', url: { value: '/api/v1/users' }, ipAddress: '127.0.0.1' } },
      userProfile: { firstName: user?.firstName ?? '', lastName: user?.lastName ?? '', login: user?.login ?? '', userId: message.userId },
      messageProfile: {
        ...(message.channel === 'sms' ? { msgTemplate: `Your verification code is ${message.passCode}` } : {}),
        phoneNumber: message.to,
        otpExpires: new Date(nowMs + OTP_LIFETIME_MS).toISOString(),
        deliveryChannel: message.channel === 'sms' ? 'SMS' : 'Voice Call',
        otpCode: message.passCode,
        locale: (message.language ?? 'EN-US').toUpperCase(),
      },
    },
  };
}
