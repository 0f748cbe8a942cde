import type { FastifyRequest } from 'fastify';
import type { Routes } from '../../core/org-routes.js';
import { OktaError, invalidAuthnState, validationFailed } from '../../core/errors.js';
import { bodyObject, requiredString, type JsonObject } from '../../core/input.js';
import type { StoredFactor } from '../../okta-factors/store.js';
import { openTransaction, requireOperation } from '../context.js';
import type { AuthnContext, AuthnOrg } from '../flow.js';
import { passwordPolicyRefusal, sameSecret, setPassword, unlockUser } from '../policy/accounts.js';
import { enrollSkipLink, passwordState, requiredFactorsMissing } from './after-mfa.js';

/** Stores the transaction (or ends it with SUCCESS) and answers it: the Authentication API routes' own `respond`. */
export type Respond = (ctx: AuthnContext, factor: StoredFactor | undefined, factorStep: boolean) => Record<string, unknown>;

/** Longest password read. */
const MAX_PASSWORD_LENGTH = 1024;

const wrongOldPassword = () =>
  new OktaError(403, 'E0000014', 'Update of credentials failed', ['oldPassword: The credentials provided were incorrect.']);

function open(org: AuthnOrg, request: FastifyRequest): { body: JsonObject; ctx: AuthnContext } {
  const body = bodyObject(request.body);
  return { body, ctx: openTransaction(org, request, body) };
}

function readRevokeSessions(body: JsonObject): void {
  const value = body.revokeSessions;
  if (value !== undefined && value !== null && typeof value !== 'boolean') throw validationFailed('revokeSessions', ['revokeSessions: must be a boolean']);
}

/**
 * The password operations of a transaction (spec §5.1): change password (A2, PASSWORD_WARN / PASSWORD_EXPIRED),
 * reset password (A20, PASSWORD_RESET) and skip (A23, only where a `skip` link is published). A refusal changes nothing.
 */
export function registerPasswordRoutes(app: Routes, org: AuthnOrg, respond: Respond): void {
  // A2 change password: the old password, then the policy; the new one ends the transaction (SUCCESS).
  app.post('/api/v1/authn/credentials/change_password', async (request) => {
    const { body, ctx } = open(org, request);
    requireOperation(ctx, 'change-password');
    const oldPassword = requiredString(body, 'oldPassword', { maxLength: MAX_PASSWORD_LENGTH, subject: 'oldPassword' });
    const newPassword = requiredString(body, 'newPassword', { maxLength: MAX_PASSWORD_LENGTH, subject: 'newPassword' });
    readRevokeSessions(body);
    const oldOk = ctx.user.password !== null && sameSecret(ctx.user.password, oldPassword);
    if (!oldOk && !org.faults.has('authn.old-password-ignored')) throw wrongOldPassword();
    const refusal = passwordPolicyRefusal(org, ctx.user, newPassword);
    if (refusal) throw refusal;
    if (!org.faults.has('authn.password-change-not-stored')) setPassword(org, ctx.user, newPassword);
    ctx.transaction.status = 'SUCCESS';
    return respond(ctx, undefined, false);
  });

  // A20 reset password: the recovered (or newly activated) user's new password.
  app.post('/api/v1/authn/credentials/reset_password', async (request) => {
    const { body, ctx } = open(org, request);
    // The `authn.reset-password-in-recovery` fault lets a recovery skip its question.
    if (!(ctx.transaction.status === 'RECOVERY' && org.faults.has('authn.reset-password-in-recovery'))) requireOperation(ctx, 'reset-password');
    const newPassword = requiredString(body, 'newPassword', { maxLength: MAX_PASSWORD_LENGTH, subject: 'newPassword' });
    readRevokeSessions(body);
    const refusal = passwordPolicyRefusal(org, ctx.user, newPassword);
    if (refusal) throw refusal;
    if (!org.faults.has('authn.reset-password-not-stored')) setPassword(org, ctx.user, newPassword);
    if (!org.faults.has('authn.unlock-keeps-lock')) unlockUser(org, ctx.user);
    // A new account goes on to the factors the policy requires (spec §5.4, activation token); a recovery is done.
    const activating = ctx.transaction.recoveryType === 'ACCOUNT_ACTIVATION';
    ctx.transaction.status = activating && requiredFactorsMissing(org, ctx.user) ? 'MFA_ENROLL' : 'SUCCESS';
    return respond(ctx, undefined, false);
  });

  // A23 skip: PASSWORD_WARN (its skip link) and MFA_ENROLL when it publishes one; everywhere else 403 E0000079.
  app.post('/api/v1/authn/skip', async (request) => {
    const { ctx } = open(org, request);
    const anywhere = org.faults.has('authn.skip-without-link');
    if (!anywhere) {
      requireOperation(ctx, 'skip');
      if (ctx.transaction.status === 'MFA_ENROLL' && Object.keys(enrollSkipLink(ctx)).length === 0) throw invalidAuthnState();
    }
    const from = ctx.transaction.status;
    if (from === 'PASSWORD_WARN' && org.faults.has('authn.skip-refused')) throw invalidAuthnState();
    ctx.transaction.status = from === 'MFA_ENROLL' ? (passwordState(org, ctx.user, ctx.transaction.warnBeforePasswordExpired === true) ?? 'SUCCESS') : 'SUCCESS';
    return respond(ctx, undefined, false);
  });
}
