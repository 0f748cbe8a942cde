import { describe, test } from 'vitest';

import {
  duoActivationSuccess,
  duoVerificationSuccess,
  enrollDuoActivate,
  enrollSmsActivate,
  getStateSmsChallenge,
  primaryLockedOut,
  primaryMfaEnroll,
  primaryMfaRequired,
  primaryPasswordWarn,
  primarySuccess,
  pushChallengeTimeout,
  recoveryChallengeCall,
  recoveryTrusted,
  stepUpSuccess,
  stepUpUnauthenticated,
  unlockEmailChallenge,
  verifyDuoChallenge,
} from '../fixtures/authn-examples.js';
import type { JsonObject } from '../fixtures/hal.js';
import { changed, expectIssue, expectValid } from '../support.js';

/** The current reference names the factor lists `factor` (spec §5.2): the same transaction, renamed. */
function withFactorRenamed(transaction: JsonObject): JsonObject {
  const embedded = transaction._embedded as JsonObject;
  const { factors, ...rest } = embedded;
  return { ...transaction, _embedded: { ...rest, factor: factors } };
}

describe('okta-authn/transaction schema: documented transactions', () => {
  test.each([
    ['primary authentication SUCCESS', primarySuccess],
    ['MFA_REQUIRED', primaryMfaRequired],
    ['MFA_ENROLL', primaryMfaEnroll],
    ['PASSWORD_WARN with a skip link', primaryPasswordWarn],
    ['LOCKED_OUT without a stateToken', primaryLockedOut],
    ['step-up UNAUTHENTICATED', stepUpUnauthenticated],
    ['step-up SUCCESS without a sessionToken', stepUpSuccess],
    ['sms MFA_ENROLL_ACTIVATE', enrollSmsActivate],
    ['Duo MFA_ENROLL_ACTIVATE', enrollDuoActivate],
    ['Duo activation SUCCESS', duoActivationSuccess],
    ['Duo MFA_CHALLENGE', verifyDuoChallenge],
    ['Duo verification SUCCESS', duoVerificationSuccess],
    ['push MFA_CHALLENGE with its factor under factors', pushChallengeTimeout],
    ['get state (sms MFA_CHALLENGE)', getStateSmsChallenge],
    ['RECOVERY_CHALLENGE (call) with one resend link', recoveryChallengeCall],
    ['RECOVERY_CHALLENGE (email) without stateToken or links', unlockEmailChallenge],
    ['RECOVERY with a recoveryToken', recoveryTrusted],
  ])('accepts %s', (_name, transaction) => {
    expectValid('okta-authn/transaction', transaction);
  });

  test('accepts the factor lists under either name, or both', () => {
    expectValid('okta-authn/transaction', withFactorRenamed(primaryMfaRequired));
    expectValid('okta-authn/transaction', withFactorRenamed(primaryMfaEnroll));
    const embedded = primaryMfaEnroll._embedded as JsonObject;
    expectValid('okta-authn/transaction', changed(primaryMfaEnroll, { set: '/_embedded/factor', to: embedded.factors }));
  });

  test('accepts extra properties and links', () => {
    expectValid('okta-authn/transaction', changed(enrollDuoActivate, { set: '/extra', to: 1 }, { set: '/_links/help', to: { href: 'https://example.okta.com/help' } }));
  });
});

describe('okta-authn/transaction schema: refusals', () => {
  test('a status outside the documented states, and a made-up factorResult', () => {
    expectIssue('okta-authn/transaction', changed(primarySuccess, { set: '/status', to: 'DONE' }), '/status', /must be one of "UNAUTHENTICATED"/);
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { set: '/factorResult', to: 'PENDING' }), '/factorResult', /must be one of "CANCELLED"/);
    expectIssue('okta-authn/transaction', changed(primarySuccess, { remove: '/status' }), '/', /required property "status"/);
  });

  test('a transaction in progress without its stateToken or expiry', () => {
    expectIssue('okta-authn/transaction', changed(primaryMfaRequired, { remove: '/stateToken' }), '/', /required property "stateToken"/);
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { remove: '/expiresAt' }), '/', /required property "expiresAt"/);
    expectIssue('okta-authn/transaction', changed(primaryMfaEnroll, { set: '/expiresAt', to: 'soon' }), '/expiresAt', /format "date-time"/);
  });

  test('MFA_ENROLL entries need an enroll link, MFA_REQUIRED entries an id and a verify link', () => {
    expectIssue('okta-authn/transaction', changed(primaryMfaEnroll, { remove: '/_embedded/factors/2/_links/enroll' }), '/_embedded/factors/2/_links', /required property "enroll"/);
    expectIssue('okta-authn/transaction', changed(primaryMfaRequired, { remove: '/_embedded/factors/0/_links/verify' }), '/_embedded/factors/0/_links', /required property "verify"/);
    expectIssue('okta-authn/transaction', changed(primaryMfaRequired, { remove: '/_embedded/factors/1/id' }), '/_embedded/factors/1', /required property "id"/);
    expectIssue('okta-authn/transaction', changed(primaryMfaRequired, { remove: '/_embedded/factors' }), '/_embedded', /required property "factors"/);
  });

  test('MFA_ENROLL_ACTIVATE and MFA_CHALLENGE embed their factor', () => {
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { remove: '/_embedded/factor' }), '/_embedded', /required property "factor"/);
    expectIssue('okta-authn/transaction', changed(verifyDuoChallenge, { remove: '/_embedded' }), '/', /required property "_embedded"/);
  });

  test('a Duo widget needs its host, a TX| sig_request and the complete link', () => {
    const activation = '/_embedded/factor/_embedded/activation';
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { remove: `${activation}/host` }), activation, /required property "host"/);
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { set: `${activation}/signature`, to: 'AUTH|abc' }), `${activation}/signature`, /must match pattern/);
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { remove: `${activation}/_links/complete` }), `${activation}/_links`, /required property "complete"/);
    const verification = '/_embedded/factor/_embedded/verification';
    expectIssue('okta-authn/transaction', changed(verifyDuoChallenge, { set: `${verification}/_links/complete/href`, to: 'not a uri' }), `${verification}/_links/complete/href`, /format "uri"/);
  });

  test('a factor with a provider that does not serve its type, a user without id, a link without href', () => {
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { set: '/_embedded/factor/provider', to: 'OKTA' }), '/_embedded/factor/provider', /must be one of "DUO"/);
    expectIssue('okta-authn/transaction', changed(primarySuccess, { remove: '/_embedded/user/id' }), '/_embedded/user', /required property "id"/);
    expectIssue('okta-authn/transaction', changed(enrollDuoActivate, { remove: '/_links/next/href' }), '/_links/next', /required property "href"/);
  });
});
