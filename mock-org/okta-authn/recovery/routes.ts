import { randomInt } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../core/org-routes.js';
import { OktaError, invalidAuthnState, invalidToken, rateLimited, smsRecentlySent, validationFailed } from '../../core/errors.js';
import { bodyObject, optionalObject, optionalString, requiredString, type JsonObject } from '../../core/input.js';
import { sameCode } from '../../core/otp.js';
import { requestBaseUrl } from '../../core/base-url.js';
import { headersOf, queryOf } from '../../okta-factors/context.js';
import { throttleOrThrow } from '../../core/throttle.js';
import type { StoredUser } from '../../okta-factors/store.js';
import { openTransaction, requireOperation } from '../context.js';
import type { AuthnContext, AuthnOrg } from '../flow.js';
import { presentTransaction } from '../present.js';
import { sameSecret, throttleUser, unlockUser } from '../policy/accounts.js';
import { AUTHN_POLICIES } from '../policy/policies.js';
import { MAX_RELAY_STATE_LENGTH } from '../transaction/primary.js';
import { AUTHN_TRANSACTIONS, type AuthnTransaction, type RecoveryFactor } from '../transactions.js';
import { presentEmailChallenge, presentTrustedRecovery } from './present.js';
import { NOBODY } from '../step-up/step-up.js';
import { RECOVERY_TOKEN_LIFETIME_MS, RECOVERY_TOKENS } from './tokens.js';

/**
 * Self-service recovery through the Authentication API (spec §5.1 A12–A20, §5.4): forgot password and unlock by
 * EMAIL, SMS or CALL, the recovery challenge, the recovery token, the recovery question. A public application never
 * learns whether a username exists: an unknown user gets the same answer as a known one (a RECOVERY_CHALLENGE whose
 * token leads nowhere, or an email that is never sent). A trusted application (API token) may omit factorType and
 * gets the recoveryToken itself; it is told about an unknown user (403 E0000095).
 */

const MAX_USERNAME_LENGTH = 256;
const MAX_CODE_LENGTH = 64;
const MAX_ANSWER_LENGTH = 1024;
/** How long a recovery SMS / voice code is good for; Okta documents none (spec §11): the mock's is five minutes. */
const RECOVERY_CODE_LIFETIME_MS = 5 * 60_000;
/** One recovery SMS / call per user every 30 s (spec §7). */
const RESEND_WINDOW_MS = 30_000;

const unknownUser = () => new OktaError(403, 'E0000095', 'Recovery not allowed for unknown user.');
const wrongRecoveryCode = () =>
  new OktaError(403, 'E0000068', 'Invalid Passcode/Answer', ["Your token doesn't match our records. Please try again."]);
const wrongRecoveryAnswer = () => new OktaError(403, 'E0000087', 'The recovery question answer did not match our records.');
/** Okta's catalog code for a recovery the policy does not allow (its trigger is not documented, spec §6.2). */
const recoveryNotAllowed = (recoveryType: 'PASSWORD' | 'UNLOCK') =>
  recoveryType === 'PASSWORD'
    ? new OktaError(403, 'E0000034', 'Forgot password not allowed on specified user.')
    : new OktaError(403, 'E0000032', 'Unlock is not allowed for this user.');

const FACTOR_TYPES: Record<'PASSWORD' | 'UNLOCK', readonly RecoveryFactor[]> = { PASSWORD: ['EMAIL', 'SMS', 'CALL'], UNLOCK: ['EMAIL', 'SMS'] };

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The phone a recovery SMS or call goes to: the user's active sms (or call) factor's number. */
function recoveryPhone(org: AuthnOrg, user: StoredUser, factor: RecoveryFactor): string | undefined {
  const factors = org.store.factorsOf(user.id).filter((f) => f.status === 'ACTIVE');
  const preferred = factor === 'CALL' ? ['call', 'sms'] : ['sms'];
  for (const type of preferred) {
    const phone = factors.find((f) => f.factorType === type)?.profile.phoneNumber;
    if (typeof phone === 'string' && phone.length > 0) return phone;
  }
  return undefined;
}

function policyAllows(org: AuthnOrg, factor: RecoveryFactor): boolean {
  const { recovery } = AUTHN_POLICIES.of(org.scope).password;
  return factor === 'EMAIL' ? recovery.email : factor === 'SMS' ? recovery.sms : recovery.call;
}

/** Sends the recovery code by SMS or voice call (1 per 30 s per user; 429 E0000109 for SMS, E0000047 for calls). */
function sendRecoveryCode(org: AuthnOrg, user: StoredUser, transaction: AuthnTransaction, to: string): void {
  const factor = transaction.recoveryFactor ?? 'SMS';
  if (!org.faults.has('authn.recovery-resend-unthrottled')) {
    throttleOrThrow(org.throttle('authn.recovery-message', 1, RESEND_WINDOW_MS), user.id, org.clock.now(), factor === 'SMS' ? smsRecentlySent : rateLimited);
  }
  const code = newCode();
  transaction.recoveryCode = { code, sentAtMs: org.clock.now() };
  const recoveryType = transaction.recoveryType === 'UNLOCK' ? 'UNLOCK' : 'PASSWORD';
  if (org.faults.has('authn.recovery-sms-not-sent')) return;
  const channel = factor === 'SMS' || org.faults.has('authn.recovery-call-as-sms') ? 'sms' : 'call';
  org.outbox.send({ userId: user.id, channel, to, passCode: code, sentAt: org.clock.iso(), recoveryType });
}

function open(org: AuthnOrg, request: FastifyRequest): { body: JsonObject; ctx: AuthnContext } {
  const body = bodyObject(request.body);
  return { body, ctx: openTransaction(org, request, body) };
}

/** Stores the transaction and answers it. */
function answer(ctx: AuthnContext): Record<string, unknown> {
  AUTHN_TRANSACTIONS.of(ctx.org.scope).save(ctx.transaction);
  return presentTransaction(ctx);
}

export function registerRecoveryRoutes(app: Routes, org: AuthnOrg): void {
  const transactions = AUTHN_TRANSACTIONS.of(org.scope);

  // A12 forgot password, A13 unlock.
  const startRecovery = (recoveryType: 'PASSWORD' | 'UNLOCK') => async (request: FastifyRequest) => {
    const body = bodyObject(request.body);
    const trusted = request.headers.authorization !== undefined;
    const username = requiredString(body, 'username', { maxLength: MAX_USERNAME_LENGTH, subject: 'username' });
    const given = optionalString(body, 'factorType', { maxLength: 16, subject: 'factorType' });
    const relayState = optionalString(body, 'relayState', { maxLength: MAX_RELAY_STATE_LENGTH, subject: 'relayState' });
    optionalObject(body, 'options', 'recoveryRequest');
    const factor = given?.toUpperCase() as RecoveryFactor | undefined;
    if (factor !== undefined && !FACTOR_TYPES[recoveryType].includes(factor)) {
      throw validationFailed('factorType', [`factorType: must be one of ${FACTOR_TYPES[recoveryType].join(', ')}`]);
    }
    if (factor === undefined && !trusted) throw validationFailed('factorType', ['factorType: The field cannot be left blank']);
    throttleUser(org, username);
    const found = org.store.findUser(username);
    const user = found && found.profile.login.toLowerCase() === username.toLowerCase() && found.status !== 'DEPROVISIONED' ? found : undefined;
    const baseUrl = requestBaseUrl(request);
    const asked = { query: queryOf(request), headers: headersOf(request) };

    if (factor === undefined) {
      // A trusted application asks for the recovery token itself.
      if (!user) {
        if (org.faults.has('authn.trusted-recovery-unknown-user-hidden')) return { status: 'RECOVERY', recoveryType };
        throw unknownUser();
      }
      const expiresAtMs = org.clock.now() + RECOVERY_TOKEN_LIFETIME_MS;
      const token = RECOVERY_TOKENS.of(org.scope).issue({ userId: user.id, recoveryType, expiresAtMs });
      return presentTrustedRecovery(baseUrl, user, token, expiresAtMs, recoveryType);
    }
    if (!policyAllows(org, factor)) throw recoveryNotAllowed(recoveryType);

    if (factor === 'EMAIL') {
      if (user) {
        const expiresAtMs = org.clock.now() + RECOVERY_TOKEN_LIFETIME_MS;
        const token = RECOVERY_TOKENS.of(org.scope).issue({ userId: user.id, recoveryType, factor, expiresAtMs });
        org.outbox.send({ userId: user.id, channel: 'email', to: user.profile.email, passCode: token, sentAt: org.clock.iso(), recoveryType });
        // The `authn.recovery-email-state-token` fault answers with a transaction, as SMS recovery does.
        if (org.faults.has('authn.recovery-email-state-token')) {
          const transaction = transactions.start(user.id, 'RECOVERY_CHALLENGE', org.clock.now(), { recoveryType, recoveryFactor: factor });
          return { ...presentEmailChallenge(recoveryType, relayState), stateToken: transaction.stateToken };
        }
      }
      return presentEmailChallenge(recoveryType, relayState);
    }

    const phone = user && recoveryPhone(org, user, factor);
    if (!user || !phone) {
      if (org.faults.has('authn.recovery-discloses-unknown-user')) throw unknownUser();
      // The same answer as for a known user, with a token no transaction stands behind (no account enumeration).
      const decoy = transactions.start('', 'RECOVERY_CHALLENGE', org.clock.now(), { recoveryType, recoveryFactor: factor });
      transactions.revoke(decoy.stateToken);
      return presentTransaction({ org, baseUrl, ...asked, user: NOBODY, transaction: decoy });
    }
    const transaction = transactions.start(user.id, 'RECOVERY_CHALLENGE', org.clock.now(), {
      recoveryType,
      recoveryFactor: factor,
      ...(relayState !== undefined ? { relayState } : {}),
    });
    const draft = structuredClone(transaction);
    sendRecoveryCode(org, user, draft, phone);
    return answer({ org, baseUrl, ...asked, user, transaction: draft });
  };
  app.post('/api/v1/authn/recovery/password', startRecovery('PASSWORD'));
  app.post('/api/v1/authn/recovery/unlock', startRecovery('UNLOCK'));

  type ChannelParams = { Params: { factor: string } };

  // A14 / A16 verify the recovery code (links name the channel SMS / CALL; either case is taken).
  app.post<ChannelParams>('/api/v1/authn/recovery/factors/:factor/verify', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'recovery-verify');
    if (request.params.factor.toUpperCase() !== ctx.transaction.recoveryFactor) throw invalidAuthnState();
    const passCode = requiredString(body, 'passCode', { maxLength: MAX_CODE_LENGTH, subject: 'passCode' });
    const sent = ctx.transaction.recoveryCode;
    const live = sent !== undefined && org.clock.now() - sent.sentAtMs < RECOVERY_CODE_LIFETIME_MS;
    if (!org.faults.has('authn.recovery-any-code') && !(live && sameCode(sent.code, passCode))) throw wrongRecoveryCode();
    delete ctx.transaction.recoveryCode;
    ctx.transaction.status = nextAfterRecoveryFactor(ctx);
    if (ctx.transaction.status === 'SUCCESS') return finishUnlock(ctx);
    return answer(ctx);
  });

  // A15 / A17 resend the recovery code.
  app.post<ChannelParams>('/api/v1/authn/recovery/factors/:factor/resend', async (request) => {
    const { ctx } = open(org, request);
    requireOperation(ctx, 'recovery-resend');
    const factor = ctx.transaction.recoveryFactor;
    if (request.params.factor.toUpperCase() !== factor || factor === undefined) throw invalidAuthnState();
    const phone = recoveryPhone(org, ctx.user, factor);
    if (!phone) throw invalidAuthnState();
    sendRecoveryCode(org, ctx.user, ctx.transaction, phone);
    return answer(ctx);
  });

  // A18 exchange a recovery token for a RECOVERY transaction (no stateToken needed).
  app.post('/api/v1/authn/recovery/token', async (request) => {
    const body = bodyObject(request.body);
    const token = requiredString(body, 'recoveryToken', { maxLength: 256, subject: 'recoveryToken' });
    optionalObject(body, 'options', 'recoveryRequest');
    const grant = RECOVERY_TOKENS.of(org.scope).redeem(token, org.clock.now(), org.faults.has('authn.recovery-token-reusable'));
    const user = grant && org.store.users.get(grant.userId);
    if (!grant || !user) throw invalidToken();
    const transaction = transactions.start(user.id, 'RECOVERY', org.clock.now(), {
      recoveryType: grant.recoveryType === 'UNLOCK' ? 'UNLOCK' : 'PASSWORD',
      ...(grant.factor ? { recoveryFactor: grant.factor } : {}),
    });
    const ctx: AuthnContext = { org, baseUrl: requestBaseUrl(request), query: queryOf(request), headers: headersOf(request), user, transaction: structuredClone(transaction) };
    ctx.transaction.status = nextAfterRecoveryFactor(ctx);
    if (ctx.transaction.status === 'SUCCESS') return finishUnlock(ctx);
    return answer(ctx);
  });

  // A19 answer the recovery question.
  app.post('/api/v1/authn/recovery/answer', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'recovery-answer');
    const given = requiredString(body, 'answer', { maxLength: MAX_ANSWER_LENGTH, subject: 'answer' });
    const expected = ctx.user.recoveryQuestion?.answer;
    const right = expected !== undefined && sameSecret(expected.trim().toLowerCase(), given.trim().toLowerCase());
    if (!right && !org.faults.has('authn.recovery-any-answer')) throw wrongRecoveryAnswer();
    if (ctx.transaction.recoveryType === 'UNLOCK') return finishUnlock(ctx);
    ctx.transaction.status = 'PASSWORD_RESET';
    return answer(ctx);
  });
}

/**
 * After the recovery factor (code or token): the recovery question when the policy asks for one and the user has one
 * (RECOVERY); otherwise a password recovery sets the password (PASSWORD_RESET) and an unlock is done (SUCCESS).
 */
function nextAfterRecoveryFactor(ctx: AuthnContext): AuthnTransaction['status'] {
  const questionRequired = AUTHN_POLICIES.of(ctx.org.scope).password.recovery.question && ctx.user.recoveryQuestion !== undefined;
  if (questionRequired && !ctx.org.faults.has('authn.recovery-question-skipped')) return 'RECOVERY';
  return ctx.transaction.recoveryType === 'UNLOCK' ? 'SUCCESS' : 'PASSWORD_RESET';
}

/**
 * An unlock that is complete: the user is unlocked and the transaction ends. The reference does not show what
 * follows an unlock's recovery question (spec §5.4, UNCONFIRMED); the mock answers SUCCESS without a sessionToken
 * (the user has not signed in, only been unlocked), and the user signs in with the password as before.
 */
function finishUnlock(ctx: AuthnContext): Record<string, unknown> {
  if (!ctx.org.faults.has('authn.unlock-keeps-lock')) unlockUser(ctx.org, ctx.user);
  AUTHN_TRANSACTIONS.of(ctx.org.scope).revoke(ctx.transaction.stateToken);
  return {
    status: 'SUCCESS',
    recoveryType: 'UNLOCK',
    ...(ctx.transaction.relayState !== undefined ? { relayState: ctx.transaction.relayState } : {}),
    _embedded: { user: { id: ctx.user.id, passwordChanged: ctx.user.passwordChanged, profile: { login: ctx.user.profile.login, firstName: ctx.user.profile.firstName, lastName: ctx.user.profile.lastName } } },
  };
}
