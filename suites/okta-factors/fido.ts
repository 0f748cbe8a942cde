import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, TestUser } from '../../drivers/contract.js';
// The FIDO modules alone, not the package index (which would load every authenticator into the worker).
import { U2fToken, type U2fSignTamper, type U2fRegistrationTamper } from '../../virtual-authenticators/u2f/u2f-token.js';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialDescriptorJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '../../virtual-authenticators/webauthn/json-types.js';
import type { AssertionTamper, RegistrationTamper } from '../../virtual-authenticators/webauthn/misbehaviour.js';
import {
  WebAuthnAuthenticator,
  type WebAuthnAuthenticatorOptions,
} from '../../virtual-authenticators/webauthn/webauthn-authenticator.js';
import { expectOktaError, expectSchema, expectStatus } from '../support/expect.js';
import { given } from '../support/given.js';
import { enroll, type Factor, factorPath, readFactor } from './factors.js';

/** Set-ups and request bodies the u2f and webauthn suites share (spec §2.11, §2.12). */

export const U2F = { factorType: 'u2f', provider: 'FIDO' } as const;
export const WEBAUTHN = { factorType: 'webauthn', provider: 'FIDO' } as const;

/** A verify (challenge) result as the checks read it. */
export interface VerifyResult {
  factorResult: string;
  profile?: Record<string, unknown>;
  _links?: Factor['_links'];
  _embedded?: { challenge?: Record<string, unknown> };
}

const verifyPath = (userId: string, factorId: string) => `${factorPath(userId, factorId)}/verify`;
const activatePath = (userId: string, factorId: string) => `${factorPath(userId, factorId)}/lifecycle/activate`;

/** The U2F application id: the `appId` the org publishes ([A]), else the origin the driver says users sign in at. */
function u2fAppId(driver: Driver, published: unknown): string {
  return typeof published === 'string' && published !== '' ? published : driver.origin;
}

/** A refused registration or assertion: 403 E0000068 ([F]: invalid registration, attestation or assertion). */
export function expectCredentialRefused(res: ApiResponse): void {
  expectOktaError(res, 403, 'E0000068');
}

/**
 * A refused replay (a counter that did not go up, a used assertion): 403 E0000068, or E0000082 ("Each code can only
 * be used once"), or a 200 whose factorResult says PASSCODE_REPLAYED. The docs do not say which (spec §3.4).
 */
export function expectReplayRefused(res: ApiResponse): void {
  if (res.status === 200) {
    expectSchema('okta-factors/factor-verify-result', res.body);
    expect(['PASSCODE_REPLAYED'], `a replayed assertion must not verify: ${JSON.stringify(res.body)}`).toContain(
      (res.body as VerifyResult).factorResult,
    );
    return;
  }
  expectOktaError(res, 403, ['E0000068', 'E0000082']);
}

/** POST …/verify without a body: a CHALLENGE result, valid against its schema. */
export async function challenge(api: ApiClient, userId: string, factorId: string): Promise<VerifyResult> {
  const res = await api.post<VerifyResult>(verifyPath(userId, factorId));
  expectStatus(res, 200);
  expectSchema('okta-factors/factor-verify-result', res.body);
  expect(res.body.factorResult).toBe('CHALLENGE');
  return res.body;
}

/** POST …/verify with a signed assertion. */
export function postAssertion(api: ApiClient, userId: string, factorId: string, body: Record<string, string>) {
  return api.post<VerifyResult>(verifyPath(userId, factorId), body);
}

/** Asserts a verify response is 200 SUCCESS, valid against its schema. */
export function expectSuccess(res: ApiResponse<VerifyResult>): VerifyResult {
  expectStatus(res, 200);
  expectSchema('okta-factors/factor-verify-result', res.body);
  expect(res.body.factorResult).toBe('SUCCESS');
  return res.body;
}

/** Reads the factor back and asserts its status (and, for an active one, that its credential is unchanged). */
export async function expectStored(api: ApiClient, userId: string, factor: Factor, status: 'PENDING_ACTIVATION' | 'ACTIVE'): Promise<Factor> {
  const stored = await readFactor(api, userId, factor.id);
  expect(stored.status, 'status read back').toBe(status);
  if (status === 'ACTIVE' && factor.status === 'ACTIVE') {
    expect(stored.profile?.credentialId, 'credentialId read back').toBe(factor.profile?.credentialId);
  }
  return stored;
}

// ---- u2f ----

export interface PendingU2f {
  user: TestUser;
  factor: Factor;
  activation: Record<string, unknown>;
  appId: string;
  token: U2fToken;
}

export interface ActiveU2f extends PendingU2f {
  /** The factor as activation returned it. */
  active: Factor;
}

/** Enrolls a u2f factor for a fresh user (or `user`), with a new token to register. */
export async function enrollU2f(driver: Driver, api: ApiClient, user?: TestUser): Promise<PendingU2f> {
  return given(
    'a pending u2f factor',
    async () => {
      const owner = user ?? (await driver.fixtures.createUser());
      const factor = await enroll(api, owner.id, { ...U2F });
      const activation = factor._embedded?.activation ?? {};
      expectSchema('okta-factors/u2f#activation', activation);
      return { user: owner, factor, activation, appId: u2fAppId(driver, activation.appId), token: await U2fToken.create({ attestationBatch: 'model' }) };
    },
    { by: 'FACTORS.U2F.ENROLL.PENDING' },
  );
}

/** The activation body: the U2F JS API's registerResponse fields, websafe base64 as the API returns them ([F] example). */
export async function u2fRegistration(setup: PendingU2f, tamper?: U2fRegistrationTamper): Promise<Record<string, string>> {
  const nonce = String(setup.activation.nonce);
  const response = await setup.token.register({ appId: setup.appId, challenge: nonce }, tamper ? { tamper } : {});
  return { registrationData: response.registrationData, clientData: response.clientData };
}

export function activateU2f(api: ApiClient, setup: PendingU2f, body: Record<string, string>) {
  return api.post<Factor>(activatePath(setup.user.id, setup.factor.id), body);
}

/** Enrolls and activates a u2f factor. */
export async function activeU2f(driver: Driver, api: ApiClient, user?: TestUser): Promise<ActiveU2f> {
  const setup = await enrollU2f(driver, api, user);
  return given(
    'the u2f factor activated with a registration',
    async () => {
      const res = await activateU2f(api, setup, await u2fRegistration(setup));
      expectStatus(res, 200);
      return { ...setup, active: res.body };
    },
    { by: 'FACTORS.U2F.ACTIVATE.REGISTRATION' },
  );
}

/** A signed assertion for a challenge nonce, with the factor's key handle (`profile.credentialId`, as [F] says). */
export async function u2fAssertion(setup: ActiveU2f, nonce: string, tamper?: U2fSignTamper, token = setup.token): Promise<Record<string, string>> {
  const keyHandle = token === setup.token ? String(setup.active.profile?.credentialId) : (token.registrations[0]?.keyHandle ?? '');
  // The appId the factor was registered with (a profile appId, where the org publishes one, is the same).
  const signed = await token.sign({ appId: setup.appId, challenge: nonce, keyHandle }, tamper ? { tamper } : {});
  return { clientData: signed.clientData, signatureData: signed.signatureData };
}

/** Issues a challenge and returns its nonce. */
export async function u2fNonce(api: ApiClient, setup: ActiveU2f): Promise<string> {
  const result = await challenge(api, setup.user.id, setup.factor.id);
  const nonce = result._embedded?.challenge?.nonce;
  expect(typeof nonce === 'string' && nonce.length > 0, 'the challenge carries a nonce').toBe(true);
  return nonce as string;
}

// ---- webauthn ----

export interface PendingWebAuthn {
  user: TestUser;
  factor: Factor;
  activation: Record<string, unknown>;
  authenticator: WebAuthnAuthenticator;
}

export interface ActiveWebAuthn extends PendingWebAuthn {
  active: Factor;
  registration: RegistrationResponseJSON;
}

/** Standard base64 with padding, as [F]'s examples and the Sign-In Widget (CryptoUtil.binToStr) send. */
export const base64Of = (base64url: string): string => Buffer.from(base64url, 'base64url').toString('base64');

/** Enrolls a webauthn factor for a fresh user (or `user`), with a new authenticator to register. */
export async function enrollWebAuthn(
  driver: Driver,
  api: ApiClient,
  options: WebAuthnAuthenticatorOptions = {},
  user?: TestUser,
): Promise<PendingWebAuthn> {
  return given(
    'a pending webauthn factor',
    async () => {
      const owner = user ?? (await driver.fixtures.createUser());
      const factor = await enroll(api, owner.id, { ...WEBAUTHN });
      const activation = factor._embedded?.activation ?? {};
      expectSchema('okta-factors/webauthn#activation', activation);
      return { user: owner, factor, activation, authenticator: await WebAuthnAuthenticator.create({ attestationBatch: 'model', ...options }) };
    },
    { by: 'FACTORS.WEBAUTHN.ENROLL.PENDING' },
  );
}

/** navigator.credentials.create() with the org's options (taken as they are, as [F]'s client code does). */
export function createCredential(driver: Driver, setup: PendingWebAuthn, tamper?: RegistrationTamper, options?: Record<string, unknown>) {
  const creationOptions = (options ?? setup.activation) as unknown as PublicKeyCredentialCreationOptionsJSON;
  return setup.authenticator.createCredential(creationOptions, driver.origin, tamper ? { tamper } : {});
}

/** The activation body: attestation and clientData. */
export function webAuthnActivationBody(registration: RegistrationResponseJSON): Record<string, string> {
  return { attestation: base64Of(registration.response.attestationObject), clientData: base64Of(registration.response.clientDataJSON) };
}

export function activateWebAuthn(api: ApiClient, setup: PendingWebAuthn, body: Record<string, string>) {
  return api.post<Factor>(activatePath(setup.user.id, setup.factor.id), body);
}

/** Enrolls and activates a webauthn factor with a new authenticator. */
export async function activeWebAuthn(
  driver: Driver,
  api: ApiClient,
  options: WebAuthnAuthenticatorOptions = {},
  user?: TestUser,
): Promise<ActiveWebAuthn> {
  const setup = await enrollWebAuthn(driver, api, options, user);
  return given(
    'the webauthn factor activated with an attestation',
    async () => {
      const registration = await createCredential(driver, setup);
      const res = await activateWebAuthn(api, setup, webAuthnActivationBody(registration));
      expectStatus(res, 200);
      return { ...setup, active: res.body, registration };
    },
    { by: 'FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION' },
  );
}

/**
 * The request options for navigator.credentials.get(): the org's challenge object, with allowCredentials from it or,
 * when it names none, the factor's credential (the Sign-In Widget adds the enrolled credential ids the same way).
 */
function requestOptions(result: VerifyResult, credentialId: string): PublicKeyCredentialRequestOptionsJSON {
  const offered = (result._embedded?.challenge ?? {}) as Record<string, unknown>;
  const allow = Array.isArray(offered.allowCredentials) && offered.allowCredentials.length > 0
    ? (offered.allowCredentials as PublicKeyCredentialDescriptorJSON[])
    : [{ type: 'public-key', id: credentialId }];
  return { ...(offered as unknown as PublicKeyCredentialRequestOptionsJSON), allowCredentials: allow };
}

/** A webauthn challenge for the factor and an assertion over it by `authenticator` (default: the factor's own). */
export async function webAuthnAssertion(
  driver: Driver,
  api: ApiClient,
  setup: ActiveWebAuthn,
  tamper?: AssertionTamper,
  signer: ActiveWebAuthn = setup,
): Promise<{ result: VerifyResult; assertion: AuthenticationResponseJSON; body: Record<string, string> }> {
  const result = await challenge(api, setup.user.id, setup.factor.id);
  const options = requestOptions(result, signer.registration.id);
  const assertion = await signer.authenticator.getAssertion(
    signer === setup ? options : { ...options, allowCredentials: [{ type: 'public-key', id: signer.registration.id }] },
    driver.origin,
    tamper ? { tamper } : {},
  );
  return { result, assertion, body: webAuthnAssertionBody(assertion) };
}

/** The verify body: clientData, authenticatorData and signatureData. */
export function webAuthnAssertionBody(assertion: AuthenticationResponseJSON): Record<string, string> {
  return {
    clientData: base64Of(assertion.response.clientDataJSON),
    authenticatorData: base64Of(assertion.response.authenticatorData),
    signatureData: base64Of(assertion.response.signature),
  };
}
