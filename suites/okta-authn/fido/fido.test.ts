import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient, Driver } from '../../../drivers/contract.js';
import { U2fToken } from '../../../virtual-authenticators/u2f/u2f-token.js';
import type { PublicKeyCredentialRequestOptionsJSON } from '../../../virtual-authenticators/webauthn/json-types.js';
import { WebAuthnAuthenticator } from '../../../virtual-authenticators/webauthn/webauthn-authenticator.js';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { given } from '../../support/given.js';
import { type Link, linkOf } from '../../okta-factors/factors.js';
import {
  activeU2f,
  activeWebAuthn,
  createCredential,
  U2F,
  u2fAssertion,
  WEBAUTHN,
  webAuthnActivationBody,
  webAuthnAssertionBody,
  type ActiveWebAuthn,
} from '../../okta-factors/fido.js';
import { currentFactor, expectSuccess, expectTransaction, type Transaction } from '../authn.js';
import { activating, expectFactorStatus, expectNext, expectRefusedAndUnchanged, postLink, required, withRequired } from '../factor-steps.js';

/**
 * u2f and webauthn through the Authentication API (spec §5.4, §5.5): enrollment hands out the registration nonce or
 * creation options (MFA_ENROLL_ACTIVATE), activation takes the registration; verification is a challenge
 * (MFA_CHALLENGE) answered by a signed assertion at `next`. The virtual authenticators play the browser's part.
 */

useTarget();

/** The challenge object the transaction's factor embeds in MFA_CHALLENGE. */
function challengeOf(txn: Transaction): Record<string, unknown> {
  const challenge = currentFactor(txn)._embedded?.challenge as Record<string, unknown> | undefined;
  expect(challenge, 'the factor at hand embeds its challenge').toBeDefined();
  return challenge ?? {};
}

// ---- u2f ----

check('AUTHN.U2F.ENROLL', 'enrolling u2f answers MFA_ENROLL_ACTIVATE with version, nonce, timeoutSeconds and next activate', async ({ driver, api }) => {
  await withRequired(driver, U2F, async () => {
    const { user, txn, factor } = await activating(driver, api, U2F, 'AUTHN.U2F.ENROLL');
    const activation = factor._embedded?.activation as Record<string, unknown> | undefined;
    expect(activation?.version).toBe('U2F_V2');
    expect(typeof activation?.nonce === 'string' && activation.nonce.length > 0, 'the activation carries a nonce').toBe(true);
    expect(typeof activation?.timeoutSeconds).toBe('number');
    expectNext(txn, 'activate', `/api/v1/authn/factors/${factor.id}/lifecycle/activate`);
    await expectFactorStatus(api, user.id, factor.id, 'PENDING_ACTIVATION');
  });
}, { needs: ['policy'] });

check('AUTHN.U2F.ACTIVATE', 'a registration of the nonce answers SUCCESS and the factor reads back ACTIVE', async ({ driver, api }) => {
  await withRequired(driver, U2F, async () => {
    const { user, txn, stateToken, factor } = await activating(driver, api, U2F, 'AUTHN.U2F.ENROLL');
    const activation = factor._embedded?.activation as { nonce: string; appId?: string };
    const token = await U2fToken.create();
    const registered = await token.register({ appId: activation.appId ?? driver.origin, challenge: activation.nonce });
    const res = await postLink(api, linkOf(txn, 'next'), stateToken, { registrationData: registered.registrationData, clientData: registered.clientData });
    expectSuccess(driver, res, user);
    await expectFactorStatus(api, user.id, factor.id, 'ACTIVE');
  });
}, { needs: ['policy'] });

/** A user with an active u2f factor signs in and asks for a challenge: MFA_CHALLENGE with a nonce. */
async function u2fChallenged(driver: Driver, api: ApiClient) {
  const setup = await activeU2f(driver, api);
  const { stateToken, entry } = await required(driver, api, setup.user, setup.factor.id);
  const res = await postLink(api, linkOf(entry, 'verify'), stateToken);
  return { setup, stateToken, res };
}

check('AUTHN.U2F.VERIFY', 'verifying u2f answers MFA_CHALLENGE with a nonce; a signed assertion of it answers SUCCESS', async ({ driver, api }) => {
  const { setup, stateToken, res } = await u2fChallenged(driver, api);
  const txn = expectTransaction(driver, res, 'MFA_CHALLENGE');
  const nonce = challengeOf(txn).nonce;
  expect(typeof nonce === 'string' && nonce.length > 0, 'the challenge carries a nonce').toBe(true);
  expectNext(txn, 'verify', `/api/v1/authn/factors/${setup.factor.id}/verify`);
  expectSuccess(driver, await postLink(api, linkOf(txn, 'next'), stateToken, await u2fAssertion(setup, nonce as string)), setup.user);
});

check('AUTHN.U2F.VERIFY.BAD_ASSERTION', 'an assertion of another nonce is 403 E0000068 and the transaction stays MFA_CHALLENGE', async ({ driver, api }) => {
  const { setup, stateToken, res } = await u2fChallenged(driver, api);
  const txn = await given('a u2f challenge (MFA_CHALLENGE)', () => expectTransaction(driver, res, 'MFA_CHALLENGE'), { by: 'AUTHN.U2F.VERIFY' });
  const forged = await u2fAssertion(setup, randomBytes(32).toString('base64url'));
  await expectRefusedAndUnchanged(driver, api, await postLink(api, linkOf(txn, 'next'), stateToken, forged), stateToken, 'MFA_CHALLENGE');
});

// ---- webauthn ----

check('AUTHN.WEBAUTHN.ENROLL', 'enrolling webauthn answers MFA_ENROLL_ACTIVATE with the creation options and next activate', async ({ driver, api }) => {
  await withRequired(driver, WEBAUTHN, async () => {
    const { user, txn, factor } = await activating(driver, api, WEBAUTHN, 'AUTHN.WEBAUTHN.ENROLL');
    const activation = factor._embedded?.activation as Record<string, unknown> | undefined;
    expect(typeof activation?.challenge === 'string' && activation.challenge.length > 0, 'the options carry a challenge').toBe(true);
    expect(Array.isArray(activation?.pubKeyCredParams), 'the options list pubKeyCredParams').toBe(true);
    expect(typeof (activation?.user as { id?: unknown } | undefined)?.id, 'the options name the user').toBe('string');
    expectNext(txn, 'activate', `/api/v1/authn/factors/${factor.id}/lifecycle/activate`);
    await expectFactorStatus(api, user.id, factor.id, 'PENDING_ACTIVATION');
  });
}, { needs: ['policy'] });

check('AUTHN.WEBAUTHN.ACTIVATE', 'an attestation of the challenge answers SUCCESS and the factor reads back ACTIVE', async ({ driver, api }) => {
  await withRequired(driver, WEBAUTHN, async () => {
    const { user, txn, stateToken, factor } = await activating(driver, api, WEBAUTHN, 'AUTHN.WEBAUTHN.ENROLL');
    const activation = factor._embedded?.activation as Record<string, unknown>;
    const registration = await createCredential(driver, { user, factor: { ...factor, status: 'PENDING_ACTIVATION' }, activation, authenticator: await WebAuthnAuthenticator.create() });
    expectSuccess(driver, await postLink(api, linkOf(txn, 'next'), stateToken, webAuthnActivationBody(registration)), user);
    await expectFactorStatus(api, user.id, factor.id, 'ACTIVE');
  });
}, { needs: ['policy'] });

/** An assertion over the transaction's challenge (or `challenge`, to forge one) by the factor's authenticator. */
async function assertionFor(driver: Driver, setup: ActiveWebAuthn, offered: Record<string, unknown>, challenge?: string) {
  const options = {
    ...offered,
    ...(challenge ? { challenge } : {}),
    allowCredentials: [{ type: 'public-key', id: setup.registration.id }],
  } as PublicKeyCredentialRequestOptionsJSON;
  return webAuthnAssertionBody(await setup.authenticator.getAssertion(options, driver.origin));
}

async function webAuthnChallenged(driver: Driver, api: ApiClient) {
  const setup = await activeWebAuthn(driver, api);
  const { stateToken, entry } = await required(driver, api, setup.user, setup.factor.id);
  const res = await postLink(api, linkOf(entry, 'verify'), stateToken);
  return { setup, stateToken, res };
}

check('AUTHN.WEBAUTHN.VERIFY', 'verifying webauthn by id answers MFA_CHALLENGE, CHALLENGE, with the challenge; a signed assertion answers SUCCESS', async ({ driver, api }) => {
  const { setup, stateToken, res } = await webAuthnChallenged(driver, api);
  const txn = expectTransaction(driver, res, 'MFA_CHALLENGE');
  expect(txn.factorResult).toBe('CHALLENGE');
  const offered = challengeOf(txn);
  expect(typeof offered.challenge === 'string' && offered.challenge.length > 0, 'the challenge object carries a challenge').toBe(true);
  expectNext(txn, 'verify', `/api/v1/authn/factors/${setup.factor.id}/verify`);
  expectSuccess(driver, await postLink(api, linkOf(txn, 'next'), stateToken, await assertionFor(driver, setup, offered)), setup.user);
});

check('AUTHN.WEBAUTHN.VERIFY.BAD_ASSERTION', 'an assertion over another challenge is 403 E0000068 and the transaction stays MFA_CHALLENGE', async ({ driver, api }) => {
  const { setup, stateToken, res } = await webAuthnChallenged(driver, api);
  const txn = await given('a webauthn challenge (MFA_CHALLENGE)', () => expectTransaction(driver, res, 'MFA_CHALLENGE'), { by: 'AUTHN.WEBAUTHN.VERIFY' });
  const forged = await assertionFor(driver, setup, challengeOf(txn), randomBytes(32).toString('base64url'));
  await expectRefusedAndUnchanged(driver, api, await postLink(api, linkOf(txn, 'next'), stateToken, forged), stateToken, 'MFA_CHALLENGE');
});

check('AUTHN.WEBAUTHN.VERIFY_BY_TYPE', 'verifying webauthn by type answers one FACTOR_TYPE challenge with every factor; the second factor\'s assertion answers SUCCESS', async ({ driver, api }) => {
  const first = await activeWebAuthn(driver, api);
  const second = await activeWebAuthn(driver, api, {}, first.user);
  const { stateToken } = await required(driver, api, first.user, first.factor.id);
  // The documented by-type operation (spec §5.5); no link names it in MFA_REQUIRED.
  const byType: Link = { href: `${driver.baseUrl}/api/v1/authn/factors/webauthn/verify` };
  const txn = expectTransaction(driver, await postLink(api, byType, stateToken), 'MFA_CHALLENGE');
  const top = txn as Transaction & { challengeType?: string; factorType?: string };
  expect([top.challengeType, top.factorType]).toEqual(['FACTOR_TYPE', 'webauthn']);
  const offered = txn._embedded?.challenge as Record<string, unknown> | undefined;
  expect(typeof offered?.challenge === 'string', 'one challenge for the type').toBe(true);
  const listed = [txn._embedded?.factors ?? txn._embedded?.factor].flat().map((f) => f?.id);
  expect(listed.includes(first.factor.id) && listed.includes(second.factor.id), 'every enrolled webauthn factor is listed').toBe(true);
  expectSuccess(driver, await postLink(api, byType, stateToken, await assertionFor(driver, second, offered ?? {})), first.user);
});
