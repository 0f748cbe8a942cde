import { link } from '../../okta-factors/links.js';
import type { StoredUser } from '../../okta-factors/store.js';
import type { AuthnContext, AuthnOrg } from '../flow.js';
import { AUTHN_POLICIES } from '../policy/policies.js';
import type { AuthnStatus } from '../transactions.js';
import { authnUrl } from '../urls.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Where a transaction goes once the user is authenticated (spec §5.4): users with an active factor verify it
 * before PASSWORD_EXPIRED; an expired password must be changed (PASSWORD_EXPIRED); one about to expire is
 * warned about when the client asked (`warnBeforePasswordExpired`, PASSWORD_WARN); else SUCCESS.
 */
export function passwordState(org: AuthnOrg, user: StoredUser, warnBeforePasswordExpired: boolean): AuthnStatus | undefined {
  if (org.faults.has('authn.password-expiry-ignored')) return undefined;
  if (user.status === 'PASSWORD_EXPIRED') return 'PASSWORD_EXPIRED';
  const { passwordExpireDays, expireWarnDays } = AUTHN_POLICIES.of(org.scope).password.expiration;
  if (passwordExpireDays <= 0 || user.passwordChanged === null) return undefined;
  const expiresAtMs = Date.parse(user.passwordChanged) + passwordExpireDays * DAY_MS;
  const now = org.clock.now();
  if (now >= expiresAtMs) return 'PASSWORD_EXPIRED';
  const warn = warnBeforePasswordExpired || org.faults.has('authn.password-warn-always');
  if (warn && expireWarnDays > 0 && now >= expiresAtMs - expireWarnDays * DAY_MS) return 'PASSWORD_WARN';
  return undefined;
}

/** Factors the policy offers as OPTIONAL that the user has not enrolled (what `multiOptionalFactorEnroll` offers next). */
function optionalFactorsLeft(org: AuthnOrg, user: StoredUser): boolean {
  const enrolled = org.store.factorsOf(user.id).filter((f) => f.status === 'ACTIVE');
  return org.policy
    .list()
    .some((entry) => entry.enrollment === 'OPTIONAL' && !enrolled.some((f) => f.factorType === entry.factorType && f.provider === entry.provider));
}

/** REQUIRED factors the user has not enrolled. */
export function requiredFactorsMissing(org: AuthnOrg, user: StoredUser): boolean {
  const enrolled = org.store.factorsOf(user.id).filter((f) => f.status === 'ACTIVE');
  return org.policy
    .list()
    .some((entry) => entry.enrollment === 'REQUIRED' && !enrolled.some((f) => f.factorType === entry.factorType && f.provider === entry.provider));
}

/**
 * The state a transaction whose factor step just succeeded goes to: back to MFA_ENROLL after an enrollment when the
 * client asked for `multiOptionalFactorEnroll` and optional factors remain (with a skip link), then the password states.
 */
export function continueAfterFactor(ctx: AuthnContext, from: AuthnStatus): AuthnStatus {
  const { org, user, transaction } = ctx;
  const enrolling = from === 'MFA_ENROLL' || from === 'MFA_ENROLL_ACTIVATE';
  const multiOptional = transaction.multiOptionalFactorEnroll && !org.faults.has('authn.multi-optional-ignored');
  if (enrolling && multiOptional && optionalFactorsLeft(org, user)) return 'MFA_ENROLL';
  return passwordState(org, user, transaction.warnBeforePasswordExpired === true) ?? 'SUCCESS';
}

/**
 * MFA_ENROLL's `skip` link (spec §5.4, A23): published when nothing REQUIRED is left to enroll, that is when the user
 * is offered optional factors (`multiOptionalFactorEnroll`). Never otherwise: skip is refused where it is not published.
 */
export function enrollSkipLink(ctx: AuthnContext): Record<string, unknown> {
  if (requiredFactorsMissing(ctx.org, ctx.user)) return {};
  return { skip: { name: 'skip', ...link(authnUrl(ctx.baseUrl, '/skip'), ['POST']) } };
}
