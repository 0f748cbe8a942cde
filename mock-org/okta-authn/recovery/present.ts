import { link } from '../../okta-factors/links.js';
import type { StoredUser } from '../../okta-factors/store.js';
import type { RecoveryFactor } from '../transactions.js';
import { authnUrl } from '../urls.js';

/** Recovery answers that are no stored transaction (spec §5.3, §5.4). */

/** LOCKED_OUT: no stateToken, no cancel; the `next` link unlocks (A13). */
export function presentLockedOut(baseUrl: string): Record<string, unknown> {
  return { status: 'LOCKED_OUT', _links: { next: { name: 'unlock', ...link(authnUrl(baseUrl, '/recovery/unlock'), ['POST']) } } };
}

/** EMAIL recovery: RECOVERY_CHALLENGE, WAITING, with no stateToken and no links; the email carries the recovery token. */
export function presentEmailChallenge(recoveryType: 'PASSWORD' | 'UNLOCK', relayState: string | undefined): Record<string, unknown> {
  return {
    status: 'RECOVERY_CHALLENGE',
    factorResult: 'WAITING',
    factorType: 'EMAIL' satisfies RecoveryFactor,
    recoveryType,
    ...(relayState !== undefined ? { relayState } : {}),
  };
}

/** A trusted application's recovery (API token, no factorType): the recoveryToken itself and a `next` to exchange it. */
export function presentTrustedRecovery(
  baseUrl: string,
  user: StoredUser,
  recoveryToken: string,
  expiresAtMs: number,
  recoveryType: 'PASSWORD' | 'UNLOCK',
): Record<string, unknown> {
  return {
    status: 'RECOVERY',
    recoveryToken,
    recoveryType,
    expiresAt: new Date(expiresAtMs).toISOString(),
    _embedded: {
      user: {
        id: user.id,
        passwordChanged: user.passwordChanged,
        profile: { login: user.profile.login, firstName: user.profile.firstName, lastName: user.profile.lastName },
        ...(user.recoveryQuestion ? { recovery_question: { question: user.recoveryQuestion.question } } : {}),
      },
    },
    _links: { next: { name: 'recovery', ...link(authnUrl(baseUrl, '/recovery/token'), ['POST']) } },
  };
}
