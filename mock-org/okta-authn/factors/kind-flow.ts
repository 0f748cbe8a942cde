import { OktaError, invalidAuthnState, invalidPasscode, validationFailed } from '../../core/errors.js';
import { booleanQuery, optionalObject, optionalString, requiredString, type JsonObject } from '../../core/input.js';
import { isPhoneNumber } from '../../core/phone.js';
import { kindContext } from '../../okta-factors/context.js';
import type { EnrollRequest, FactorBase, FactorContext, FactorKind, KindResponse } from '../../okta-factors/kind.js';
import { factorUrl, link, type Link } from '../../okta-factors/links.js';
import type { StoredFactor } from '../../okta-factors/store.js';
import type { AuthnContext, AuthnFactorFlow } from '../flow.js';
import type { AuthnFactorResult, AuthnTransaction } from '../transactions.js';
import { authnFactorUrl } from '../urls.js';
import { rememberAutoPush } from './auto-push.js';

/**
 * A factor kind of the Factors API driven through an Authentication API transaction (spec §5.4, §5.5): the kind's
 * own enroll, activate, verify and resend decide; this flow only maps their outcomes onto the transaction.
 * - Enrollment: an ACTIVE factor (question, token, YubiKey) ends the transaction; any other waits in
 *   MFA_ENROLL_ACTIVATE with the kind's activation object (a device-completed one, push, with factorResult WAITING).
 * - Verification: SUCCESS ends it; CHALLENGE (sms, call, email, u2f, webauthn) and WAITING (push) go to MFA_CHALLENGE
 *   with the kind's challenge object; REJECTED and TIMEOUT stay there, `next` verify starts again.
 * - A refusal (wrong passCode: 403 E0000068) is the kind's error, and the route stores nothing.
 */

const ENROLL_SUBJECT = 'factorEnrollRequest';

/** Request fields that carry a credential: a verify with none of them starts a challenge or polls one. */
const CREDENTIAL_FIELDS = ['passCode', 'answer', 'clientData', 'signatureData', 'authenticatorData', 'registrationData', 'attestation'];

/** What the transaction keeps for the factor at hand. */
interface KindFlowState {
  /** The factor's `_embedded` while it is activated or verified (`activation`, `challenge`). */
  embedded?: Record<string, unknown>;
  /** `?autoPush` of the push challenge in progress: stored as the user's preference once it succeeds. */
  autoPush?: boolean;
  /** A challenge by factor type (webauthn): the challenge object all the user's factors of the type answer. */
  byType?: Record<string, unknown>;
}

const stateOf = (transaction: AuthnTransaction): KindFlowState => (transaction.flow ?? {}) as KindFlowState;

function factorContextOf(ctx: AuthnContext, kind: FactorKind<unknown>): FactorContext {
  const { org, user, baseUrl, query, headers } = ctx;
  return kindContext({ org, user, baseUrl, query, headers }, kind);
}

/** A link the client posts to: `hints.allow` carries exactly the method it takes (okta-auth-js follows only such links). */
function post(ctx: AuthnContext, href: string, name: string): Link {
  const methods = ctx.org.faults.has('authn-factors.links-allow-any-method') ? ['GET', 'POST'] : ['POST'];
  return link(href, methods, { name });
}

function succeed(ctx: AuthnContext): void {
  const { transaction } = ctx;
  transaction.status = 'SUCCESS';
  delete transaction.factorId;
  delete transaction.factorResult;
  delete transaction.flow;
}

/** The kind refused a credential (403: a wrong passCode, answer, registration or assertion). */
const isRefusal = (error: unknown) => error instanceof OktaError && error.status === 403;

const hasCredential = (body: JsonObject) => CREDENTIAL_FIELDS.some((field) => body[field] !== undefined);

/** A boolean query parameter when given (400 E0000001 for anything but true/false). */
function optionalBooleanQuery(ctx: AuthnContext, key: string): boolean | undefined {
  return ctx.query[key] === undefined ? undefined : booleanQuery(ctx.query, key);
}

/**
 * The enroll request in the Factors API's terms. [A] shows RSA, Symantec and YubiKey enrollments with top-level
 * `passCode`/`nextPassCode` (spec §5.1, a documentation bug toward the Factors API path); the Factors API's `verify`
 * object is taken as well.
 */
function enrollRequest(ctx: AuthnContext, base: FactorBase, body: JsonObject): EnrollRequest {
  const topLevel = Object.fromEntries(['passCode', 'nextPassCode'].filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));
  return {
    factorType: base.factorType,
    provider: base.provider,
    profile: optionalObject(body, 'profile', ENROLL_SUBJECT),
    verify: optionalObject(body, 'verify', ENROLL_SUBJECT) ?? (Object.keys(topLevel).length > 0 ? topLevel : undefined),
    factorProfileId: optionalString(body, 'factorProfileId', { maxLength: 64, subject: ENROLL_SUBJECT }),
    activate: false,
    updatePhone: booleanQuery(ctx.query, 'updatePhone'),
  };
}

/**
 * The kind's activation object as the transaction shows it: links to the factor's lifecycle endpoints become the
 * Authentication API's (push's `send` links are A6/A7); `poll` and `activate` are the transaction's `next`.
 */
function authnActivation(ctx: AuthnContext, factor: StoredFactor, activation: Record<string, unknown>): Record<string, unknown> {
  const links = activation._links as Record<string, Link | Link[]> | undefined;
  if (!links) return activation;
  const lifecycle = `${factorUrl(ctx.baseUrl, factor)}/lifecycle/`;
  const moved = (l: Link): Link =>
    l.href.startsWith(lifecycle) ? { ...l, href: authnFactorUrl(ctx.baseUrl, factor.id, `/lifecycle/${l.href.slice(lifecycle.length)}`) } : l;
  const out: Record<string, Link | Link[]> = {};
  for (const [rel, value] of Object.entries(links)) {
    if (rel === 'poll' || rel === 'activate') continue;
    out[rel] = Array.isArray(value) ? value.map(moved) : moved(value);
  }
  return { ...activation, _links: out };
}

function resultOf(body: Record<string, unknown>): string | undefined {
  return typeof body.factorResult === 'string' ? body.factorResult : undefined;
}

/** After A4/A5: SUCCESS once the factor is ACTIVE, otherwise still activating with the kind's activation object. */
function afterActivation(ctx: AuthnContext, factor: StoredFactor, response: KindResponse | void): void {
  if (factor.status === 'ACTIVE') {
    if (ctx.org.faults.has('authn-factors.activation-not-persisted')) factor.status = 'PENDING_ACTIVATION';
    return succeed(ctx);
  }
  const { transaction } = ctx;
  const body = response?.body;
  if (!body) return;
  const result = resultOf(body);
  if (result !== undefined) transaction.factorResult = result as AuthnFactorResult;
  transaction.flow = { ...stateOf(transaction), embedded: { activation: authnActivation(ctx, factor, body) } };
}

/** After A10/A11: the kind's verify result onto the transaction. */
function afterVerify(ctx: AuthnContext, factor: StoredFactor, body: Record<string, unknown>): void {
  const { transaction } = ctx;
  const result = resultOf(body);
  if (result === 'SUCCESS') {
    if (ctx.org.faults.has('authn-factors.verified-not-completed')) return;
    const { autoPush } = stateOf(transaction);
    if (autoPush !== undefined) rememberAutoPush(ctx.org, factor, autoPush);
    return succeed(ctx);
  }
  const previous = transaction.status === 'MFA_CHALLENGE' && transaction.factorId === factor.id ? stateOf(transaction) : {};
  transaction.status = 'MFA_CHALLENGE';
  transaction.factorId = factor.id;
  // [A] shows factorResult CHALLENGE on a WebAuthn challenge only; sms, call, email and u2f challenges carry none (spec §5.4).
  if (result === 'CHALLENGE' && factor.factorType !== 'webauthn') delete transaction.factorResult;
  else transaction.factorResult = (result ?? 'WAITING') as AuthnFactorResult;
  const embedded = body._embedded as Record<string, unknown> | undefined;
  const dropped = factor.factorType === 'push' && ctx.org.faults.has('authn-factors.push-number-challenge-dropped');
  const challenge = dropped ? undefined : embedded?.challenge;
  transaction.flow = { ...previous, embedded: challenge ? { challenge } : previous.embedded };
}

/** The Authentication API flow of a Factors API kind. */
export function kindFlow(kind: FactorKind<unknown>, factorType: string, provider: string): AuthnFactorFlow {
  const device = kind.authn?.device;
  return {
    factorType,
    provider,

    enroll(ctx, base, body) {
      const enrollment = kind.enroll(factorContextOf(ctx, kind), enrollRequest(ctx, base, body), base);
      const { factor } = enrollment;
      const { transaction } = ctx;
      if (factor.status !== 'ACTIVE' && ctx.org.faults.has('authn-factors.enroll-skips-activation')) factor.status = 'ACTIVE';
      if (factor.status === 'ACTIVE' && !ctx.org.faults.has('authn-factors.active-enrollment-waits')) succeed(ctx);
      else {
        transaction.status = 'MFA_ENROLL_ACTIVATE';
        transaction.factorId = factor.id;
        if (device) transaction.factorResult = 'WAITING';
        else delete transaction.factorResult;
        transaction.flow = enrollment.activation ? { embedded: { activation: authnActivation(ctx, factor, enrollment.activation) } } : {};
      }
      return { factor, ...(enrollment.replaces ? { replaces: enrollment.replaces } : {}), ...(enrollment.afterStore ? { afterStore: enrollment.afterStore } : {}) };
    },

    async activate(ctx, factor, body) {
      let response: KindResponse | void = undefined;
      try {
        response = await kind.activate(factorContextOf(ctx, kind), factor, body);
      } catch (error) {
        if (!(isRefusal(error) && ctx.org.faults.has('authn-factors.activate-any-passcode'))) throw error;
        factor.status = 'ACTIVE';
      }
      afterActivation(ctx, factor, response);
    },

    ...(device
      ? {
          pollActivation(ctx: AuthnContext, factor: StoredFactor) {
            afterActivation(ctx, factor, device.pollActivation(factorContextOf(ctx, kind), factor));
          },
          sendActivation(ctx: AuthnContext, factor: StoredFactor, channel: 'email' | 'sms', body: JsonObject) {
            const to = channel === 'email' ? ctx.user.profile.email : phoneNumberOf(body);
            if (!ctx.org.faults.has('authn-factors.push-send-not-delivered')) device.sendActivation(factorContextOf(ctx, kind), factor, channel, to);
          },
        }
      : {}),

    async verify(ctx, factor, body) {
      const { transaction } = ctx;
      const autoPush = optionalBooleanQuery(ctx, 'autoPush');
      // rememberDevice is honoured only where the policy allows it, which the mock's never does (spec §5.5): read, then ignored.
      optionalBooleanQuery(ctx, 'rememberDevice');
      const kctx = factorContextOf(ctx, kind);
      const waiting = transaction.status === 'MFA_CHALLENGE' && transaction.factorId === factor.id && transaction.factorResult === 'WAITING';
      let outcome: Record<string, unknown>;
      if (waiting && device) {
        // A poll of the push in progress (same URL as the verify that started it).
        outcome = ctx.org.faults.has('authn-factors.push-poll-early-success') ? { factorResult: 'SUCCESS' } : device.pollChallenge(kctx, factor).body;
        if (resultOf(outcome) === 'REJECTED' && ctx.org.faults.has('authn-factors.push-rejection-ignored')) outcome = { ...outcome, factorResult: 'WAITING' };
        if (resultOf(outcome) === 'TIMEOUT' && ctx.org.faults.has('authn-factors.push-timeout-waits')) outcome = { ...outcome, factorResult: 'WAITING' };
      } else {
        try {
          outcome = (await kind.verify(kctx, factor, body)).body;
        } catch (error) {
          if (!(isRefusal(error) && hasCredential(body) && ctx.org.faults.has('authn-factors.verify-any-passcode'))) throw error;
          outcome = { factorResult: 'SUCCESS' };
        }
      }
      if (device && autoPush !== undefined) transaction.flow = { ...stateOf(transaction), autoPush };
      afterVerify(ctx, factor, outcome);
    },

    ...(kind.resend || device
      ? {
          async resend(ctx: AuthnContext, factor: StoredFactor, body: JsonObject) {
            const kctx = factorContextOf(ctx, kind);
            if (ctx.transaction.status === 'MFA_ENROLL_ACTIVATE') {
              // A8: the enrollment's OTP again (sms, call, email).
              if (!kind.resend) throw validationFailed('factor', [`A ${factor.factorType} factor has nothing to resend.`]);
              return kind.resend(kctx, factor, body);
            }
            // A11: a new challenge (a new OTP, a new push).
            if (ctx.org.faults.has('authn-factors.challenge-resend-not-sent')) return;
            afterVerify(ctx, factor, (await kind.verify(kctx, factor, {})).body);
          },
        }
      : {}),

    ...(kind.authn?.sharedChallenge
      ? {
          async verifyByType(ctx: AuthnContext, drafts: StoredFactor[], body: JsonObject): Promise<StoredFactor[]> {
            const shared = kind.authn?.sharedChallenge;
            const [first] = drafts;
            if (!shared || !first) throw invalidAuthnState();
            const kctx = factorContextOf(ctx, kind);
            const { transaction } = ctx;
            if (!hasCredential(body)) {
              const challenge = shared(kctx, drafts);
              transaction.status = 'MFA_CHALLENGE';
              transaction.factorId = first.id;
              transaction.factorResult = 'CHALLENGE';
              transaction.flow = { byType: challenge };
              return drafts;
            }
            const candidates = ctx.org.faults.has('authn-factors.by-type-first-factor-only') ? [first] : drafts;
            for (const draft of candidates) {
              try {
                afterVerify(ctx, draft, (await kind.verify(kctx, draft, body)).body);
                return [draft];
              } catch (error) {
                if (!isRefusal(error)) throw error;
              }
            }
            if (!ctx.org.faults.has('authn-factors.verify-any-passcode')) throw invalidPasscode();
            afterVerify(ctx, first, { factorResult: 'SUCCESS' });
            return [];
          },
          presentExtras(ctx: AuthnContext) {
            const challenge = stateOf(ctx.transaction).byType;
            if (!challenge) return undefined;
            const factors = ctx.org.store.factorsOf(ctx.user.id).filter((f) => f.factorType === factorType && f.status === 'ACTIVE')
              .map((f) => ({ id: f.id, factorType: f.factorType, provider: f.provider, vendorName: f.vendorName, profile: { ...f.profile } }));
            return { head: { challengeType: 'FACTOR_TYPE', factorType }, embedded: { challenge, factor: factors, factors } };
          },
        }
      : {}),

    factorEmbedded(ctx) {
      return stateOf(ctx.transaction).embedded;
    },

    next(ctx, factor) {
      const { transaction, baseUrl } = ctx;
      if (transaction.status === 'MFA_ENROLL_ACTIVATE') {
        if (device && transaction.factorResult === 'WAITING') return post(ctx, authnFactorUrl(baseUrl, factor.id, '/lifecycle/activate/poll'), 'poll');
        return post(ctx, authnFactorUrl(baseUrl, factor.id, '/lifecycle/activate'), 'activate');
      }
      if (stateOf(transaction).byType) return post(ctx, `${baseUrl}/api/v1/authn/factors/${factorType}/verify`, 'verify');
      // A push waiting is polled at the verify URL; anything else is verified (or started again) there.
      return post(ctx, authnFactorUrl(baseUrl, factor.id, '/verify'), transaction.factorResult === 'WAITING' ? 'poll' : 'verify');
    },

    links(ctx, factor): Record<string, Link[]> {
      if (ctx.org.faults.has('authn-factors.resend-link-missing')) return {};
      const { transaction, baseUrl } = ctx;
      // Resend links are named after the factor type (spec §5.5): enrollment `…/lifecycle/resend`, challenge `…/verify/resend`.
      if (transaction.status === 'MFA_ENROLL_ACTIVATE' && kind.resend) {
        return { resend: [post(ctx, authnFactorUrl(baseUrl, factor.id, '/lifecycle/resend'), factor.factorType)] };
      }
      if (transaction.status === 'MFA_CHALLENGE' && (kind.resend || device)) {
        return { resend: [post(ctx, authnFactorUrl(baseUrl, factor.id, '/verify/resend'), factor.factorType)] };
      }
      return {};
    },
  };
}

/** A7's `profile.phoneNumber`: the phone to text the activation link to. */
function phoneNumberOf(body: JsonObject): string {
  const profile = optionalObject(body, 'profile', 'profile') ?? {};
  const phoneNumber = requiredString(profile, 'phoneNumber', { maxLength: 32, path: 'profile.phoneNumber', subject: 'profile.phoneNumber' });
  if (!isPhoneNumber(phoneNumber)) throw validationFailed('profile.phoneNumber', ['profile.phoneNumber: Invalid phone number format.']);
  return phoneNumber;
}
