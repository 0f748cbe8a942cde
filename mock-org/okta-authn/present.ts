import type { FactorKinds } from '../okta-factors/kind.js';
import { link } from '../okta-factors/links.js';
import type { StoredFactor, StoredUser } from '../okta-factors/store.js';
import type { AuthnContext, AuthnOrg } from './flow.js';
import { factorsPolicyInfo } from './factors/auto-push.js';
import { authnFlowFor } from './flows.js';
import { SESSION_TOKEN_LIFETIME_MS, newSessionToken } from './transactions.js';
import { authnFactorUrl, authnUrl } from './urls.js';
import { presentPasswordOrRecoveryState } from './present-states.js';
import { presentUnauthenticated } from './step-up/step-up.js';
import { enrollSkipLink } from './transaction/after-mfa.js';

/**
 * Authentication transaction objects as the API returns them (spec §5.2): the token and its expiry, the state,
 * the factor result, `_embedded` (user, factors, policy) and the `_links` that move the state machine.
 */

/** The user as a transaction embeds it after primary authentication (a subset of the User object). */
function presentAuthnUser(user: StoredUser): Record<string, unknown> {
  return {
    id: user.id,
    passwordChanged: user.passwordChanged,
    profile: {
      login: user.profile.login,
      firstName: user.profile.firstName,
      lastName: user.profile.lastName,
      // The mock's users carry no locale or time zone; these are Okta's defaults.
      locale: user.profile.locale ?? 'en_US',
      timeZone: user.profile.timeZone ?? 'America/Los_Angeles',
    },
  };
}

/** The remember-device policy of MFA_REQUIRED / MFA_CHALLENGE: the mock's sign-on policy does not remember devices. */
const rememberDevicePolicy = (ctx: AuthnContext) => ({
  allowRememberDevice: false,
  rememberDeviceByDefault: false,
  rememberDeviceLifetimeInMinutes: 0,
  factorsPolicyInfo: factorsPolicyInfo(ctx.org, ctx.user.id),
});

/** MFA_CHALLENGE's policy; live recordings show `factorsPolicyInfo: null` there whatever the factor (variant). */
const challengePolicy = (ctx: AuthnContext) =>
  ctx.org.faults.has('variant.factors-policy-info-null') ? { ...rememberDevicePolicy(ctx), factorsPolicyInfo: null } : rememberDevicePolicy(ctx);

const post = (href: string) => link(href, ['POST']);

function publicProfile(kinds: FactorKinds, factor: StoredFactor): Record<string, unknown> | undefined {
  const kind = kinds.of(factor);
  return kind?.presentProfile ? kind.presentProfile(factor) : { ...factor.profile };
}

/** A factor as a transaction shows it: no status, no dates, no secret; `_links`/`_embedded` as the state needs. */
function presentFactor(kinds: FactorKinds, factor: StoredFactor, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const profile = publicProfile(kinds, factor);
  return {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.vendorName,
    ...(profile !== undefined ? { profile } : {}),
    ...extra,
  };
}

/**
 * The factor list of MFA_ENROLL and MFA_REQUIRED. Served under both names: `factors` is what Okta served for years
 * and what the Sign-In Widget reads, `factor` is what the reference has shown since January 2025 (spec §5.2, §10.6).
 */
const factorList = (entries: Record<string, unknown>[]) => ({ factors: entries, factor: entries });

/** MFA_ENROLL: the factors the policy lets the user enroll, each with its `enroll` link (spec §5.2). */
function enrollableFactors(ctx: AuthnContext): Record<string, unknown>[] {
  const enroll = post(authnUrl(ctx.baseUrl, '/factors'));
  return ctx.org.policy
    .list()
    .filter((entry) => entry.enrollment !== 'DISABLED' || ctx.org.faults.has('authn.disabled-factor-listed'))
    .map((entry) => ({
      factorType: entry.factorType,
      provider: entry.provider,
      vendorName: ctx.org.kinds.provider(entry.factorType, entry.provider)?.vendorName ?? entry.provider,
      status: 'NOT_SETUP',
      enrollment: entry.enrollment,
      _links: {
        enroll,
        ...ctx.org.kinds.find(entry.factorType, entry.provider)?.catalogLinks?.(ctx.baseUrl, ctx.user.id),
      },
    }));
}

/** MFA_REQUIRED: the user's active factors, each with its `verify` link. */
function verifiableFactors(ctx: AuthnContext): Record<string, unknown>[] {
  return ctx.org.store
    .factorsOf(ctx.user.id)
    .filter((factor) => factor.status === 'ACTIVE')
    .map((factor) => presentFactor(ctx.org.kinds, factor, { _links: { verify: post(authnFactorUrl(ctx.baseUrl, factor.id, '/verify')) } }));
}

/** The transaction in its current (non-SUCCESS) state. */
export function presentTransaction(ctx: AuthnContext): Record<string, unknown> {
  const { transaction } = ctx;
  const cancel = post(authnUrl(ctx.baseUrl, '/cancel'));
  const head = {
    stateToken: transaction.stateToken,
    expiresAt: new Date(transaction.expiresAtMs).toISOString(),
    status: transaction.status,
    ...(transaction.factorResult ? { factorResult: transaction.factorResult } : {}),
  };
  const user = presentAuthnUser(ctx.user);
  switch (transaction.status) {
    case 'MFA_ENROLL':
      return { ...head, _embedded: { user, ...factorList(enrollableFactors(ctx)) }, _links: { ...enrollSkipLink(ctx), cancel } };
    case 'MFA_REQUIRED':
      return { ...head, _embedded: { user, ...factorList(verifiableFactors(ctx)), policy: rememberDevicePolicy(ctx) }, _links: { cancel } };
    case 'MFA_ENROLL_ACTIVATE':
    case 'MFA_CHALLENGE': {
      const factor = transaction.factorId !== undefined ? ctx.org.store.factors.get(transaction.factorId) : undefined;
      const flow = factor && authnFlowFor(ctx.org.kinds, factor);
      if (!factor || !flow) throw new Error(`transaction in ${transaction.status} without a factor it can present`);
      const embedded = flow.factorEmbedded?.(ctx, factor);
      const extras = flow.presentExtras?.(ctx);
      return {
        ...head,
        ...extras?.head,
        _embedded: {
          user,
          factor: presentFactor(ctx.org.kinds, factor, embedded ? { _embedded: embedded } : {}),
          ...extras?.embedded,
          ...(transaction.status === 'MFA_CHALLENGE' ? { policy: challengePolicy(ctx) } : {}),
        },
        _links: { next: flow.next(ctx, factor), ...flow.links?.(ctx, factor), cancel, prev: post(authnUrl(ctx.baseUrl, '/previous')) },
      };
    }
    case 'PASSWORD_WARN':
    case 'PASSWORD_EXPIRED':
    case 'PASSWORD_RESET':
    case 'RECOVERY':
    case 'RECOVERY_CHALLENGE':
      return presentPasswordOrRecoveryState(ctx, head, user);
    case 'UNAUTHENTICATED':
      return presentUnauthenticated(ctx, head);
    case 'LOCKED_OUT':
    case 'SUCCESS':
      throw new Error(`a ${transaction.status} transaction is not stored: it is answered where it happens`);
  }
}

/** What the `authn.session-token-reused` fault hands every SUCCESS. */
const REUSED_SESSION_TOKEN = newSessionToken();

/** SUCCESS: a one-time sessionToken and the user, no stateToken (spec §5.3). */
export function presentSuccess(org: AuthnOrg, user: StoredUser): Record<string, unknown> {
  return {
    expiresAt: new Date(org.clock.now() + SESSION_TOKEN_LIFETIME_MS).toISOString(),
    status: 'SUCCESS',
    ...(org.faults.has('authn.session-token-missing') ? {} : { sessionToken: org.faults.has('authn.session-token-reused') ? REUSED_SESSION_TOKEN : newSessionToken() }),
    _embedded: { user: presentAuthnUser(user) },
  };
}
