import { validationFailed } from '../../core/errors.js';
import type { StoredFactor } from '../store.js';
import type { FactorContext, FactorKind } from '../kind.js';
import { oktaId } from '../../core/ids.js';
import { factorUrl, link, type Link } from '../links.js';
import {
  activateOrRestart,
  activationBody,
  answerPush,
  newPushState,
  pollActivation,
  type PushState,
  readNumberMatching,
  sendActivation,
  startChallenge,
  transactionBody,
} from './push-protocol.js';
import { registerPushRoutes } from './push-routes.js';

/**
 * push / OKTA (Okta Verify): spec §2.6. Enrolled PENDING_ACTIVATION with no profile; a device
 * (the control protocol's push responder) completes the activation while the client polls;
 * verify starts a challenge transaction the client polls until the device answers or it expires.
 */

const isOktaVerifyTotp = (f: StoredFactor) => f.factorType === 'token:software:totp' && f.provider === 'OKTA';
const isGoogleTotp = (f: StoredFactor) => f.factorType === 'token:software:totp' && f.provider === 'GOOGLE';

/**
 * Identity Engine: a push enrollment also enrolls Okta Verify TOTP and signed_nonce when the user has
 * none ([F] OIE note). Their status at that moment is undocumented: they follow the push factor's.
 */
function identityEngineCompanions(ctx: FactorContext, push: StoredFactor): StoredFactor[] {
  const mine = ctx.store.factorsOf(ctx.user.id);
  const base = { userId: push.userId, provider: 'OKTA', vendorName: 'OKTA', status: push.status, created: push.created, lastUpdated: push.lastUpdated, secret: {} };
  return [
    ...(mine.some(isOktaVerifyTotp) ? [] : [{ ...base, id: oktaId('ost'), factorType: 'token:software:totp', profile: { credentialId: ctx.user.profile.login } }]),
    ...(mine.some((f) => f.factorType === 'signed_nonce') ? [] : [{ ...base, id: oktaId('crp'), factorType: 'signed_nonce', profile: { credentialId: ctx.user.profile.login } }]),
  ];
}

export const pushFactor: FactorKind<PushState> = {
  factorType: 'push',
  providers: { OKTA: { idPrefix: 'opf', vendorName: 'OKTA' } },

  enroll(ctx, _request, base) {
    const existing = ctx.store.factorsOf(ctx.user.id).filter((f) => f.factorType === base.factorType);
    // Only one Okta Verify enrollment per user ([U]); a pending one is replaced by the new enrollment.
    if (existing.some((f) => f.status === 'ACTIVE')) {
      throw validationFailed('factorEnrollRequest', ['A factor of this type is already set up.']);
    }
    const factor: StoredFactor<PushState> = { ...base, status: 'PENDING_ACTIVATION', profile: {}, secret: newPushState(ctx) };
    const activation = activationBody(ctx, factor, { embedded: true });
    return {
      factor,
      ...(ctx.faults.has('push.enroll-no-activation') ? {} : { activation }),
      replaces: existing.map((f) => f.id),
      ...(ctx.faults.has('variant.identity-engine') ? { companions: identityEngineCompanions(ctx, factor) } : {}),
    };
  },

  activate(ctx, draft, body) {
    readNumberMatching(ctx, body); // [S] lists it on activate too, with no meaning given: validated, then ignored
    return activateOrRestart(ctx, draft);
  },

  verify(ctx, draft, body) {
    const tx = startChallenge(ctx, draft, readNumberMatching(ctx, body));
    // 201 Created, as [S] documents for a push challenge ([F] gives no status).
    return { status: 201, body: transactionBody(ctx, draft, tx) };
  },

  links(baseUrl, factor, faults): Record<string, Link> {
    if (factor.status !== 'PENDING_ACTIVATION' || faults.has('push.enroll-poll-link-missing')) return {};
    return { poll: link(`${factorUrl(baseUrl, factor)}/lifecycle/activate/poll`, ['POST']) };
  },

  // A pending push factor has no profile ([F]); the device fills it in on activation.
  presentProfile(factor) {
    return factor.status === 'PENDING_ACTIVATION' ? undefined : { ...factor.profile };
  },

  // Resetting push also resets Okta Verify TOTP and FastPass (signed_nonce) [F][S]; other TOTP apps stay.
  unenrollsWith(ctx, factor) {
    const { faults } = ctx;
    return ctx.store
      .factorsOf(factor.userId)
      .filter((f) => f.id !== factor.id)
      .filter(
        (f) =>
          (isOktaVerifyTotp(f) && !faults.has('push.reset-keeps-totp')) ||
          f.factorType === 'signed_nonce' ||
          (isGoogleTotp(f) && faults.has('push.reset-removes-google-totp')),
      )
      .map((f) => f.id);
  },

  authn: {
    device: {
      pollActivation,
      pollChallenge(ctx, draft) {
        const newest = draft.secret.transactions.at(-1);
        if (!newest) return { status: 200, body: { factorResult: 'TIMEOUT' } };
        return { status: 200, body: transactionBody(ctx, draft, newest) };
      },
      sendActivation(ctx, draft, channel, to) {
        sendActivation(ctx, draft, channel, to);
      },
    },
  },

  respondToPush(ctx, factor, action) {
    answerPush(ctx, factor, action);
  },

  registerRoutes(app, org, ownFactor) {
    registerPushRoutes(app, org, ownFactor);
  },
};
