import { link } from '../okta-factors/links.js';
import type { StoredUser } from '../okta-factors/store.js';
import type { AuthnContext } from './flow.js';
import { AUTHN_POLICIES, presentPasswordPolicy } from './policy/policies.js';
import { authnUrl } from './urls.js';

/**
 * The password and recovery states of a transaction as the API presents them (spec §5.2, §5.3): PASSWORD_WARN,
 * PASSWORD_EXPIRED, PASSWORD_RESET, RECOVERY, RECOVERY_CHALLENGE. Every link carries the one method it takes.
 */

const post = (href: string, name?: string) => ({ ...(name !== undefined ? { name } : {}), ...link(href, ['POST']) });

/** The user of a recovery transaction: the recovery question (never its answer) once the user is known (spec §5.2). */
function withRecoveryQuestion(user: Record<string, unknown>, stored: StoredUser): Record<string, unknown> {
  return stored.recoveryQuestion ? { ...user, recovery_question: { question: stored.recoveryQuestion.question } } : user;
}

/** The recovery channel's name in links (`…/recovery/factors/SMS/verify`, spec §5.1 A14–A17). */
const recoveryChannelPath = (factor: string) => `/recovery/factors/${factor}`;

export function presentPasswordOrRecoveryState(ctx: AuthnContext, head: Record<string, unknown>, user: Record<string, unknown>): Record<string, unknown> {
  const { transaction } = ctx;
  const cancel = post(authnUrl(ctx.baseUrl, '/cancel'));
  const policy = presentPasswordPolicy(AUTHN_POLICIES.of(ctx.org.scope).password);
  const recovery = {
    ...(transaction.recoveryType ? { recoveryType: transaction.recoveryType } : {}),
    ...(transaction.recoveryFactor ? { factorType: transaction.recoveryFactor } : {}),
    ...(transaction.relayState !== undefined ? { relayState: transaction.relayState } : {}),
  };
  switch (transaction.status) {
    case 'PASSWORD_WARN':
    case 'PASSWORD_EXPIRED': {
      const next = post(authnUrl(ctx.baseUrl, '/credentials/change_password'), 'changePassword');
      // Only PASSWORD_WARN may be skipped (spec §5.3, A23).
      const skip = transaction.status === 'PASSWORD_WARN' ? { skip: post(authnUrl(ctx.baseUrl, '/skip'), 'skip') } : {};
      return { ...head, ...recovery, _embedded: { user, policy }, _links: { next, ...skip, cancel } };
    }
    case 'PASSWORD_RESET':
      return {
        ...head,
        ...recovery,
        _embedded: { user: withRecoveryQuestion(user, ctx.user), policy },
        _links: { next: post(authnUrl(ctx.baseUrl, '/credentials/reset_password'), 'resetPassword'), cancel },
      };
    case 'RECOVERY':
      return {
        ...head,
        ...recovery,
        _embedded: { user: withRecoveryQuestion(user, ctx.user) },
        _links: { next: post(authnUrl(ctx.baseUrl, '/recovery/answer'), 'answer'), cancel },
      };
    case 'RECOVERY_CHALLENGE': {
      const channel = recoveryChannelPath(transaction.recoveryFactor ?? 'SMS');
      return {
        ...head,
        ...recovery,
        _links: {
          next: post(authnUrl(ctx.baseUrl, `${channel}/verify`), 'verify'),
          cancel,
          resend: post(authnUrl(ctx.baseUrl, `${channel}/resend`), (transaction.recoveryFactor ?? 'SMS').toLowerCase()),
        },
      };
    }
    default:
      throw new Error(`${transaction.status} is not a password or recovery state`);
  }
}
