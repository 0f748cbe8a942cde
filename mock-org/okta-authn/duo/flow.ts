import { OktaError, invalidAuthnState, validationFailed } from '../../core/errors.js';
import { link } from '../../okta-factors/links.js';
import { bodyObject, requiredString } from '../../core/input.js';
import type { StoredFactor } from '../../okta-factors/store.js';
import { openTransaction, requireState } from '../context.js';
import type { AuthnContext, AuthnFactorFlow, AuthnOrg } from '../flow.js';
import type { AuthnTransaction } from '../transactions.js';
import { authnFactorUrl } from '../urls.js';
import { DuoSignatureError, signRequest, splitPair, verifyResponse } from './web-signature.js';
import { AUTHN_TRANSACTIONS } from '../transactions.js';
import { DUO_INTEGRATION } from './integration.js';

/**
 * Duo (web/DUO) in the Authentication API (spec §5.6). Enrollment and verification both hand the page a Duo Web v2
 * `sig_request` (`signature`) and the Duo API host; the Duo widget prompts the user, then posts Duo's `sig_response`
 * with the hidden `stateToken` to the `complete` link (`…/lifecycle/duoCallback`); the client polls `next` until
 * SUCCESS. The transaction stays `factorResult: WAITING` until a good response has come back.
 */

interface DuoState {
  /** The sig_request issued for this enrollment or verification. */
  sigRequest: string;
  /** Duo called back with a good sig_response. */
  verified: boolean;
}

const stateOf = (transaction: AuthnTransaction): DuoState | undefined => transaction.flow as DuoState | undefined;

/** Okta serves the Duo Web SDK from its own host (spec §5.6 example). */
const SCRIPT_PATH = '/js/sections/duo/Duo-Web-v2.js';

/** A new Duo prompt for `factor`: the transaction waits for Duo's callback. */
function startPrompt(ctx: AuthnContext, factor: StoredFactor, status: 'MFA_ENROLL_ACTIVATE' | 'MFA_CHALLENGE'): void {
  const { org } = ctx;
  const duo = DUO_INTEGRATION.of(org.scope);
  const txKey = org.faults.has('duo.request-signed-with-wrong-key') ? duo.akey : duo.skey;
  let sigRequest: string;
  try {
    sigRequest = signRequest(duo, ctx.user.profile.login, org.clock.now(), txKey);
  } catch (error) {
    // Duo Web cannot carry a username with its separator in it ('|').
    if (error instanceof DuoSignatureError) throw validationFailed('factor', ['Duo cannot be used with this username.']);
    throw error;
  }
  const state: DuoState = { sigRequest, verified: false };
  const { transaction } = ctx;
  transaction.status = status;
  transaction.factorId = factor.id;
  transaction.factorResult = 'WAITING';
  transaction.flow = { ...state };
}

/** Duo has called back with a good response (or, with a fault, the mock pretends it has). */
function callbackCame(ctx: AuthnContext): boolean {
  return stateOf(ctx.transaction)?.verified === true || ctx.org.faults.has('duo.poll-success-before-callback');
}

function succeed(ctx: AuthnContext): void {
  ctx.transaction.status = 'SUCCESS';
  delete ctx.transaction.factorResult;
  delete ctx.transaction.flow;
}

export const duoFlow: AuthnFactorFlow = {
  factorType: 'web',
  provider: 'DUO',

  enroll(ctx, base) {
    // The Duo account knows the user by their Okta login, which the factor shows as its credentialId.
    const factor: StoredFactor = { ...base, status: 'PENDING_ACTIVATION', profile: { credentialId: ctx.user.profile.login }, secret: {} };
    startPrompt(ctx, factor, 'MFA_ENROLL_ACTIVATE');
    return { factor };
  },

  pollActivation(ctx, factor) {
    if (!callbackCame(ctx)) return;
    // The fault: the transaction succeeds, but the factor is never stored ACTIVE.
    if (!ctx.org.faults.has('duo.factor-not-persisted')) factor.status = 'ACTIVE';
    succeed(ctx);
  },

  verify(ctx, factor) {
    const { transaction } = ctx;
    const polling = transaction.status === 'MFA_CHALLENGE' && transaction.factorId === factor.id && stateOf(transaction) !== undefined;
    if (!polling) return startPrompt(ctx, factor, 'MFA_CHALLENGE');
    if (callbackCame(ctx) && !ctx.org.faults.has('duo.challenge-never-completes')) succeed(ctx);
  },

  factorEmbedded(ctx, factor) {
    const state = stateOf(ctx.transaction);
    if (!state) return undefined;
    const widget = {
      host: DUO_INTEGRATION.of(ctx.org.scope).host,
      signature: state.sigRequest,
      factorResult: ctx.transaction.factorResult ?? 'WAITING',
      _links: {
        complete: link(authnFactorUrl(ctx.baseUrl, factor.id, '/lifecycle/duoCallback'), ['POST']),
        script: { href: `${ctx.baseUrl}${SCRIPT_PATH}`, type: 'text/javascript; charset=utf-8' },
      },
    };
    const enrolling = ctx.transaction.status === 'MFA_ENROLL_ACTIVATE' || ctx.org.faults.has('duo.challenge-without-verification');
    return { [enrolling ? 'activation' : 'verification']: widget };
  },

  next(ctx, factor) {
    // Enrollment polls its own link; verification polls the verify link again (spec §5.6).
    const path = ctx.transaction.status === 'MFA_ENROLL_ACTIVATE' ? '/lifecycle/activate/poll' : '/verify';
    return link(authnFactorUrl(ctx.baseUrl, factor.id, path), ['POST'], { name: 'poll' });
  },

  registerRoutes(app, org) {
    // The Duo widget posts an HTML form; this route alone takes form bodies (JSON too), so a child scope parses them.
    app.scope('okta-authn duo callback', (scope) => {
      scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, text, done) => {
        const raw = typeof text === 'string' ? text : text.toString('utf8');
        done(null, Object.fromEntries(new URLSearchParams(raw)));
      });
      scope.post<{ Params: { factorId: string } }>('/api/v1/authn/factors/:factorId/lifecycle/duoCallback', async (request, reply) => {
        const body = bodyObject(request.body);
        const ctx = openTransaction(org, request, body);
        requireState(ctx, ['MFA_ENROLL_ACTIVATE', 'MFA_CHALLENGE']);
        const state = stateOf(ctx.transaction);
        if (ctx.transaction.factorId !== request.params.factorId || !state) throw invalidAuthnState();
        const sigResponse = requiredString(body, 'sig_response', { maxLength: 4096, subject: 'sig_response' });
        checkSignedResponse(org, ctx, state, sigResponse);
        state.verified = true;
        AUTHN_TRANSACTIONS.of(org.scope).save(ctx.transaction);
        // The widget's form post lands in the page's frame; Okta's answer carries nothing the client needs.
        return reply.code(200).send({});
      });
    });
  },
};

/** 403 E0000068 unless `sigResponse` is Duo's good answer to this transaction's sig_request, for this user. */
function checkSignedResponse(org: AuthnOrg, ctx: AuthnContext, state: DuoState, sigResponse: string): void {
  try {
    const username = verifyResponse(DUO_INTEGRATION.of(org.scope), sigResponse, org.clock.now(), {
      checkAuth: !org.faults.has('duo.signature-not-checked'),
      checkApp: !org.faults.has('duo.app-part-not-checked'),
      checkExpiry: !org.faults.has('duo.expired-accepted'),
    });
    if (org.faults.has('duo.response-for-other-user-accepted')) return;
    if (username !== ctx.user.profile.login) throw new DuoSignatureError('the response is for another user');
    // The APP value comes back unchanged from this transaction's sig_request: a response to another prompt is refused.
    const [, issuedApp] = splitPair(state.sigRequest);
    const [, returnedApp] = splitPair(sigResponse);
    const matchApp = !org.faults.has('duo.app-part-not-checked') && !org.faults.has('duo.response-for-other-prompt-accepted');
    if (returnedApp !== issuedApp && matchApp) throw new DuoSignatureError('the response answers another request');
  } catch (error) {
    if (error instanceof DuoSignatureError) throw duoResponseRefused();
    throw error;
  }
}

/** Okta documents no error for a bad Duo response; the mock answers as for any refused verification (spec §6.1). */
const duoResponseRefused = () =>
  new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', ['The Duo signed response could not be verified.']);
