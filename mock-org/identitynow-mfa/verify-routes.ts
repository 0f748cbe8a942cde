import type { Routes } from '../core/org-routes.js';
import { RIGHTS, requireRight } from './auth.js';
import { badRequest, internalFault } from './errors.js';
import { objectBody, oneOf, requiredString } from './input.js';
import { duoPushStatus, startDuoPush } from './duo-account.js';
import { duoAccountOf } from './duo-config.js';
import { pollOktaPush, startOktaPush } from './okta-org.js';
import { newRequestId, type IdentityNowTenant, type Verification } from './tenant.js';

const POLL_METHODS = ['okta-verify', 'duo-web', 'kba', 'token', 'rsa'] as const;
type VerificationStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'LOCKOUT' | 'NOT_ENOUGH_DATA';

/** Okta's factorResult → SailPoint's status (§9 item 11): REJECTED and TIMEOUT are not SailPoint statuses. */
const FROM_OKTA: Record<string, VerificationStatus> = { WAITING: 'PENDING', SUCCESS: 'SUCCESS', REJECTED: 'FAILED', TIMEOUT: 'FAILED', CANCELLED: 'FAILED' };

/** MFA Controller (spec §5): Okta Verify (V1), Duo Web (V2) and poll (V3). */
export function registerVerifyRoutes(app: Routes, tenant: IdentityNowTenant): void {
  const faults = tenant.host.faults;

  // V1: the push goes out through the configured Okta org's Factors API; poll follows its transaction.
  app.post('/mfa/okta-verify/verify', async (request) => {
    requireRight(tenant, request, RIGHTS.verify);
    let userId: string;
    try {
      userId = requiredString(objectBody(request.body), 'userId');
    } catch (error) {
      if (faults.has('identitynow-mfa.verify-without-user-500')) throw internalFault();
      throw error;
    }
    const config = tenant.configs.get('okta-verify');
    if (!config?.enabled || !config.host || !config.accessKey) return { requestId: null, status: 'FAILED', error: 'MFA Method is disabled.' };
    const forwarded = request.headers['slpt-forwarding'];
    const started = await startOktaPush(tenant.network.local, config.host, config.accessKey, userId, typeof forwarded === 'string' ? forwarded : undefined);
    if (started.kind === 'no-push-factor') return { requestId: null, status: 'NOT_ENOUGH_DATA', error: started.error };
    if (started.kind === 'failed') return { requestId: null, status: 'FAILED', error: started.error };
    const verification: Verification = { requestId: newRequestId(), method: 'okta-verify', status: 'PENDING', oktaPoll: { url: started.pollUrl, apiToken: config.accessKey } };
    tenant.verifications.set(verification.requestId, verification);
    return { requestId: verification.requestId, status: 'PENDING', error: '' };
  });

  // V2: the push goes out through the configured Duo account's Auth API (preauth, then auth async); poll follows
  // its transaction. signedResponse is required (the schema) but the Duo prompt's result is not what this mock
  // checks: the user answers the push itself on the device (§9 item 15 departs here, as the project decided).
  app.post('/mfa/duo-web/verify', async (request) => {
    requireRight(tenant, request, RIGHTS.verify);
    const body = objectBody(request.body);
    const userId = requiredString(body, 'userId');
    requiredString(body, 'signedResponse');
    if (faults.has('identitynow-mfa.duo-verify-unchecked')) return { requestId: newRequestId(), status: 'SUCCESS', error: '' };
    const config = tenant.configs.get('duo-web');
    if (!config?.enabled) return { requestId: null, status: 'FAILED', error: 'MFA Method is disabled.' };
    const account = duoAccountOf(config);
    if (!account) return { requestId: null, status: 'FAILED', error: 'Duo is not configured: the configuration names no integration keys.' };
    const forwarded = request.headers['slpt-forwarding'];
    const started = await startDuoPush(tenant.network, account, tenant.now(), userId, typeof forwarded === 'string' ? forwarded : undefined);
    if (started.kind === 'allowed') return { requestId: null, status: 'SUCCESS', error: '' };
    if (started.kind === 'not-enrolled') return { requestId: null, status: 'NOT_ENOUGH_DATA', error: started.error };
    if (started.kind !== 'sent') return { requestId: null, status: 'FAILED', error: started.error };
    const verification: Verification = { requestId: newRequestId(), method: 'duo-web', status: 'PENDING', duoPush: { account, txid: started.txid } };
    tenant.verifications.set(verification.requestId, verification);
    return { requestId: verification.requestId, status: 'PENDING', error: '' };
  });

  // V3: an unknown, foreign or other-method requestId is 400 (§9 item 12).
  app.post<{ Params: { method: string } }>('/mfa/:method/poll', async (request) => {
    requireRight(tenant, request, RIGHTS.poll);
    const method = oneOf(request.params.method, POLL_METHODS, 'method');
    const requestId = requiredString(objectBody(request.body), 'requestId');
    const verification = tenant.verifications.get(requestId);
    if (!verification || verification.method !== method) {
      if (faults.has('identitynow-mfa.poll-unknown-success')) return { requestId, status: 'SUCCESS', error: '' };
      throw badRequest(`requestId ${requestId.slice(0, 40)} is not a ${method} verification of this tenant`);
    }
    const status = await currentStatus(tenant, verification);
    if (status !== 'PENDING') verification.status = status === 'SUCCESS' ? 'SUCCESS' : 'FAILED';
    return { requestId, status, error: status === 'FAILED' ? 'The user did not approve the verification.' : '' };
  });
}

async function currentStatus(tenant: IdentityNowTenant, verification: Verification): Promise<VerificationStatus> {
  const faults = tenant.host.faults;
  if (faults.has('identitynow-mfa.poll-stays-pending')) return 'PENDING';
  if (verification.status !== 'PENDING') return verification.status;
  if (verification.duoPush) return duoStatus(tenant, verification.duoPush);
  if (!verification.oktaPoll) return verification.status;
  const result = await pollOktaPush(tenant.network.local, verification.oktaPoll.url, verification.oktaPoll.apiToken);
  if (result === 'REJECTED' && faults.has('identitynow-mfa.poll-success-on-reject')) return 'SUCCESS';
  if (result === 'TIMEOUT' && faults.has('identitynow-mfa.poll-success-on-timeout')) return 'SUCCESS';
  return result === null ? 'FAILED' : (FROM_OKTA[result] ?? 'FAILED');
}

/** Duo's auth_status → SailPoint's status: waiting is PENDING, allow SUCCESS, deny (a denial, fraud or timeout) FAILED. */
async function duoStatus(tenant: IdentityNowTenant, push: NonNullable<Verification['duoPush']>): Promise<VerificationStatus> {
  const faults = tenant.host.faults;
  const outcome = await duoPushStatus(tenant.network, push.account, tenant.now(), push.txid);
  if (outcome === null) return 'FAILED';
  if (outcome.result === 'waiting') return 'PENDING';
  if (outcome.result === 'allow') return 'SUCCESS';
  if (outcome.status === 'timeout' && faults.has('identitynow-mfa.poll-success-on-timeout')) return 'SUCCESS';
  if (outcome.status !== 'timeout' && faults.has('identitynow-mfa.duo-poll-success-on-deny')) return 'SUCCESS';
  return 'FAILED';
}
