import { describe, expect } from 'vitest';
import type { ApiClient, Driver } from '../../../drivers/contract.js';
import type { AssertionTamper, RegistrationTamper } from '../../../virtual-authenticators/webauthn/misbehaviour.js';
import { WebAuthnAuthenticator, type WebAuthnAuthenticatorOptions } from '../../../virtual-authenticators/webauthn/webauthn-authenticator.js';
import type { RequirementId } from '../../../requirements/index.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { expectOktaError, expectSchema, expectStatus } from '../../support/expect.js';
import { allowedMethods, linkOf, listFactors, readFactor } from '../factors.js';
import {
  type ActiveWebAuthn,
  activateWebAuthn,
  activeWebAuthn,
  base64Of,
  challenge,
  createCredential,
  enrollWebAuthn,
  expectCredentialRefused,
  expectReplayRefused,
  expectStored,
  expectSuccess,
  postAssertion,
  WEBAUTHN,
  webAuthnActivationBody,
  webAuthnAssertion,
  webAuthnAssertionBody,
} from '../fido.js';
import { useTarget } from '../../support/target.js';

/** webauthn / FIDO: spec §2.12, §3, §4, shared/spec/authenticator-formats.md §1.3. Verification by factor id. */

useTarget();
checksNeedFactor({ factorType: 'webauthn', provider: 'FIDO' });

type Algorithm = NonNullable<WebAuthnAuthenticatorOptions['algorithm']>;

/** A fresh assertion over a new challenge verifies: the factor is ACTIVE, with its credential, and usable. */
async function expectStillVerifies(driver: Driver, api: ApiClient, setup: ActiveWebAuthn): Promise<void> {
  await expectStored(api, setup.user.id, setup.active, 'ACTIVE');
  const { body } = await webAuthnAssertion(driver, api, setup);
  expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, body));
}

/** A tampered registration: refused, the factor still pending, and a good registration still activates. */
function refusedRegistration(requirementId: RequirementId, tamper: RegistrationTamper, what: string, options: WebAuthnAuthenticatorOptions = {}): void {
  const format = options.attestation ?? 'none';
  check(requirementId, `activate with a registration ${what} is refused and the factor stays pending (${format})`, async ({ driver, api }) => {
    const setup = await enrollWebAuthn(driver, api, options);
    const forged = await createCredential(driver, setup, tamper);
    expectCredentialRefused(await activateWebAuthn(api, setup, webAuthnActivationBody(forged)));
    await expectStored(api, setup.user.id, setup.factor, 'PENDING_ACTIVATION');
    const retry = await activateWebAuthn(api, setup, webAuthnActivationBody(await createCredential(driver, setup)));
    expectStatus(retry, 200);
    expect(retry.body.status).toBe('ACTIVE');
  });
}

/** A tampered assertion: refused, and the factor still ACTIVE and verifying. */
function refusedAssertion(requirementId: RequirementId, tamper: AssertionTamper, what: string): void {
  check(requirementId, `verify with an assertion ${what} is refused`, async ({ driver, api }) => {
    const setup = await activeWebAuthn(driver, api);
    const { body } = await webAuthnAssertion(driver, api, setup, tamper);
    expectCredentialRefused(await postAssertion(api, setup.user.id, setup.factor.id, body));
    await expectStillVerifies(driver, api, setup);
  });
}

const offeredAlgorithms = (activation: Record<string, unknown>): number[] =>
  (activation.pubKeyCredParams as { type: string; alg: number }[]).filter((p) => p.type === 'public-key').map((p) => p.alg);

describe('webauthn / FIDO enrollment', () => {
  check('FACTORS.WEBAUTHN.ENROLL.PENDING', 'enroll returns a pending factor with the credential creation options', async ({ driver, api }) => {
    const setup = await enrollWebAuthn(driver, api);
    const { factor, activation } = setup;
    expect(factor).toMatchObject({ ...WEBAUTHN, status: 'PENDING_ACTIVATION' });
    expect(offeredAlgorithms(activation), 'pubKeyCredParams offer ES256 and RS256').toEqual(expect.arrayContaining([-7, -257]));
    const user = activation.user as { id: string; name: string };
    // The client decodes user.id (and the challenge) as base64url; a user handle is 1 to 64 bytes.
    const userHandle = Buffer.from(user.id, 'base64url');
    expect(userHandle.length >= 1 && userHandle.length <= 64, `user.id ${user.id} decodes to a 1-64 byte user handle`).toBe(true);
    const activate = linkOf(factor, 'activate');
    expect(activate.href).toMatch(/\/lifecycle\/activate$/);
    expect(allowedMethods(activate) ?? ['POST']).toContain('POST');
    expect(factor._links?.verify, 'no verify link while pending').toBeUndefined();

    await expectStored(api, setup.user.id, factor, 'PENDING_ACTIVATION');
    expect((await listFactors(api, setup.user.id)).map((f) => f.id)).toContain(factor.id);
  });

  check('FACTORS.WEBAUTHN.ENROLL.EXCLUDE_CREDENTIALS', "a second enrollment excludes the user's enrolled credential", async ({ driver, api }) => {
    const first = await activeWebAuthn(driver, api);
    const second = await enrollWebAuthn(driver, api, {}, first.user);
    const excluded = (second.activation.excludeCredentials ?? []) as { type: string; id: string }[];
    expect(excluded, 'excludeCredentials names the enrolled credential').toContainEqual(
      expect.objectContaining({ type: 'public-key', id: first.registration.id }),
    );
    await expectStored(api, first.user.id, first.active, 'ACTIVE');
  });
});

describe('webauthn / FIDO activation', () => {
  // Every attestation format the virtual authenticator offers, and each algorithm.
  const cells: [WebAuthnAuthenticatorOptions['attestation'], Algorithm][] = [
    ['none', -7],
    ['packed-self', -257],
    ['packed', -7],
    // Full attestation of an RSA credential: the attestation statement's alg is the (P-256) attestation key's.
    ['packed', -257],
    ['fido-u2f', -7],
    ['packed-self', -8],
  ];
  // Their RSA keys are made on the thread pool while the file's first checks run, not while a check waits.
  WebAuthnAuthenticator.prepareKeys(-257, cells.filter(([, algorithm]) => algorithm === -257).length);
  for (const [attestation, algorithm] of cells) {
    const eddsa = algorithm === -8;
    const name = eddsa
      ? `an EdDSA credential (${attestation} attestation) activates and verifies where the org offers EdDSA`
      : `a ${attestation} attestation of a COSE ${algorithm} credential activates, and the credential verifies`;
    check('FACTORS.WEBAUTHN.ACTIVATE.ATTESTATION', name, async ({ driver, api }) => {
      const setup = await enrollWebAuthn(driver, api, { attestation, algorithm });
      // [F] offers ES256 and RS256 only; EdDSA is checked where the org offers it too.
      if (eddsa && !offeredAlgorithms(setup.activation).includes(-8)) return;
      const registration = await createCredential(driver, setup);
      const res = await activateWebAuthn(api, setup, webAuthnActivationBody(registration));
      expectStatus(res, 200);
      expectSchema('okta-factors/factor', res.body);
      expect(res.body).toMatchObject({ id: setup.factor.id, ...WEBAUTHN, status: 'ACTIVE' });
      expect(res.body.profile?.credentialId, 'profile.credentialId is the credential id').toBe(registration.id);
      expect(linkOf(res.body, 'verify').href).toMatch(/\/verify$/);
      const stored = await readFactor(api, setup.user.id, setup.factor.id);
      expect(stored.status).toBe('ACTIVE');
      expect(stored.profile?.credentialId).toBe(registration.id);

      const active: ActiveWebAuthn = { ...setup, active: res.body, registration };
      const { body } = await webAuthnAssertion(driver, api, active);
      expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, body));
    });
  }

  check('FACTORS.WEBAUTHN.ACTIVATE.AUTHENTICATOR_NAME', 'an activated factor carries profile.authenticatorName, the same on read-back', async ({ driver, api }) => {
    const setup = await enrollWebAuthn(driver, api, { attestation: 'none' });
    const res = await activateWebAuthn(api, setup, webAuthnActivationBody(await createCredential(driver, setup)));
    expectStatus(res, 200);
    const name = res.body.profile?.authenticatorName;
    expect(typeof name === 'string' && name.length > 0, `profile.authenticatorName is a non-empty string, got ${JSON.stringify(name)}`).toBe(true);
    const stored = await readFactor(api, setup.user.id, setup.factor.id);
    expect(stored.status).toBe('ACTIVE');
    expect(stored.profile?.authenticatorName, 'profile.authenticatorName reads back the same').toBe(name);
  });

  check('FACTORS.WEBAUTHN.ACTIVATE.DUPLICATE', 'a credential already enrolled cannot be registered again, even when the client ignores excludeCredentials', async ({ driver, api }) => {
    const first = await activeWebAuthn(driver, api, { attestation: 'none' });
    const second = await enrollWebAuthn(driver, api, {}, first.user);
    // A browser refuses: the authenticator holds a credential the options exclude.
    await expect(first.authenticator.createCredential(second.activation as never, driver.origin)).rejects.toMatchObject({ name: 'InvalidStateError' });
    // A client that ignores excludeCredentials, with an authenticator that answers with the credential it holds: the
    // same (unsigned, "none") attestation object, with client data for the new challenge.
    const clientDataJSON = JSON.stringify({ type: 'webauthn.create', challenge: second.activation.challenge, origin: driver.origin, crossOrigin: false });
    const replayed = {
      attestation: base64Of(first.registration.response.attestationObject),
      clientData: Buffer.from(clientDataJSON).toString('base64'),
    };
    const res = await activateWebAuthn(api, second, replayed);
    if (res.status === 400) expectOktaError(res, 400, 'E0000001');
    else expectCredentialRefused(res);
    await expectStored(api, second.user.id, second.factor, 'PENDING_ACTIVATION');
    await expectStored(api, first.user.id, first.active, 'ACTIVE');
    // The new factor still takes a credential of its own.
    const own = await activateWebAuthn(api, second, webAuthnActivationBody(await createCredential(driver, second)));
    expectStatus(own, 200);
    expect(own.body.profile?.credentialId).not.toBe(first.registration.id);
  });

  refusedRegistration('FACTORS.WEBAUTHN.ORIGIN', 'wrong-origin', 'whose clientData origin is another site');
  refusedRegistration('FACTORS.WEBAUTHN.RP_ID', 'wrong-rp-id', 'whose rpIdHash is of another RP ID');
  refusedRegistration('FACTORS.WEBAUTHN.CHALLENGE_BINDING', 'wrong-challenge', 'for another challenge');
  refusedRegistration('FACTORS.WEBAUTHN.CLIENT_DATA_TYPE', 'wrong-type', 'whose clientData type is webauthn.get');
  refusedRegistration('FACTORS.WEBAUTHN.USER_PRESENCE', 'no-user-presence', 'without the UP flag');
  refusedRegistration('FACTORS.WEBAUTHN.SIGNATURE', 'bad-signature', 'whose attestation signature does not verify', { attestation: 'packed' });
  refusedRegistration('FACTORS.WEBAUTHN.SIGNATURE', 'bad-signature', 'whose attestation signature does not verify', { attestation: 'packed-self' });
  refusedRegistration('FACTORS.WEBAUTHN.SIGNATURE', 'bad-signature', 'whose attestation signature does not verify', { attestation: 'fido-u2f' });
});

describe('webauthn / FIDO challenge and verification', () => {
  check('FACTORS.WEBAUTHN.CHALLENGE', 'verify by id without a body answers CHALLENGE with request options for the factor', async ({ driver, api }) => {
    const setup = await activeWebAuthn(driver, api);
    const result = await challenge(api, setup.user.id, setup.factor.id);
    expect(result.profile?.credentialId, 'profile.credentialId').toBe(setup.registration.id);
    expect(linkOf(result, 'verify').href).toMatch(new RegExp(`/factors/${setup.factor.id}/verify$`));
    expect(linkOf(result, 'factor').href).toMatch(new RegExp(`/factors/${setup.factor.id}$`));
    const options = result._embedded?.challenge ?? {};
    expect(typeof options.challenge === 'string' && options.challenge.length > 0, 'a challenge').toBe(true);
    if (options.extensions !== undefined) expect(typeof options.extensions).toBe('object');
    if (Array.isArray(options.allowCredentials) && options.allowCredentials.length > 0) {
      expect(options.allowCredentials, 'allowCredentials names this factor').toContainEqual(expect.objectContaining({ id: setup.registration.id }));
    }
    const again = await challenge(api, setup.user.id, setup.factor.id);
    expect(again._embedded?.challenge?.challenge, 'each challenge is new').not.toBe(options.challenge);
    await expectStored(api, setup.user.id, setup.active, 'ACTIVE');
  });

  check('FACTORS.WEBAUTHN.VERIFY.ASSERTION', 'a user with several webauthn factors verifies each by its id', async ({ driver, api }) => {
    const first = await activeWebAuthn(driver, api, { attestation: 'none', algorithm: -7 });
    const second = await activeWebAuthn(driver, api, { attestation: 'packed', algorithm: -7 }, first.user);
    const third = await activeWebAuthn(driver, api, { attestation: 'fido-u2f', algorithm: -7 }, first.user);
    const factors = [first, second, third];
    const listed = (await listFactors(api, first.user.id)).filter((f) => f.factorType === WEBAUTHN.factorType);
    expect(listed.map((f) => f.id).sort()).toEqual(factors.map((f) => f.factor.id).sort());
    expect(new Set(listed.map((f) => f.profile?.credentialId)).size, 'distinct credentials').toBe(3);
    for (const setup of [...factors, first]) {
      const { body } = await webAuthnAssertion(driver, api, setup);
      const result = expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, body));
      if (result.profile !== undefined) expect(result.profile.credentialId).toBe(setup.registration.id);
    }
    for (const setup of factors) await expectStored(api, setup.user.id, setup.active, 'ACTIVE');
  });

  check('FACTORS.WEBAUTHN.VERIFY.BY_ID', "an assertion by another of the user's credentials does not verify this factor", async ({ driver, api }) => {
    const target = await activeWebAuthn(driver, api);
    const other = await activeWebAuthn(driver, api, {}, target.user);
    const { body } = await webAuthnAssertion(driver, api, target, undefined, other);
    expectCredentialRefused(await postAssertion(api, target.user.id, target.factor.id, body));
    await expectStillVerifies(driver, api, target);
    await expectStored(api, other.user.id, other.active, 'ACTIVE');
  });

  refusedAssertion('FACTORS.WEBAUTHN.ORIGIN', 'wrong-origin', 'whose clientData origin is another site');
  refusedAssertion('FACTORS.WEBAUTHN.RP_ID', 'wrong-rp-id', 'whose rpIdHash is of another RP ID');
  refusedAssertion('FACTORS.WEBAUTHN.CHALLENGE_BINDING', 'wrong-challenge', 'for another challenge');
  refusedAssertion('FACTORS.WEBAUTHN.CLIENT_DATA_TYPE', 'wrong-type', 'whose clientData type is webauthn.create');
  refusedAssertion('FACTORS.WEBAUTHN.SIGNATURE', 'bad-signature', 'whose signature does not verify');
  refusedAssertion('FACTORS.WEBAUTHN.USER_PRESENCE', 'no-user-presence', 'without the UP flag');

  check('FACTORS.WEBAUTHN.CHALLENGE_BINDING', 'a challenge once verified cannot be used again', async ({ driver, api }) => {
    const setup = await activeWebAuthn(driver, api);
    const { result, body } = await webAuthnAssertion(driver, api, setup);
    expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, body));
    // A new assertion (higher signCount) over the challenge already used.
    const options = { challenge: String(result._embedded?.challenge?.challenge), allowCredentials: [{ type: 'public-key', id: setup.registration.id }] };
    const again = await setup.authenticator.getAssertion(options, driver.origin);
    expectCredentialRefused(await postAssertion(api, setup.user.id, setup.factor.id, webAuthnAssertionBody(again)));
    await expectStillVerifies(driver, api, setup);
  });

  check('FACTORS.WEBAUTHN.COUNTER', 'after real assertions, a replayed one and one whose signCount went down are refused', async ({ driver, api }) => {
    const setup = await activeWebAuthn(driver, api);
    let last: Record<string, string> = {};
    for (let round = 0; round < 2; round++) {
      last = (await webAuthnAssertion(driver, api, setup)).body;
      expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, last));
    }
    expectReplayRefused(await postAssertion(api, setup.user.id, setup.factor.id, last));
    const { body } = await webAuthnAssertion(driver, api, setup, 'counter-regression');
    expectReplayRefused(await postAssertion(api, setup.user.id, setup.factor.id, body));
    await expectStillVerifies(driver, api, setup);
  });

  check('FACTORS.WEBAUTHN.USER_VERIFICATION', 'with user verification required by policy, registrations and assertions without UV are refused', async ({ driver, api }) => {
    await driver.policy.setFactorPolicy([{ ...WEBAUTHN, enrollment: 'OPTIONAL', userVerification: 'required' }]);
    try {
      const setup = await enrollWebAuthn(driver, api);
      const selection = (setup.activation.authenticatorSelection ?? {}) as { userVerification?: string };
      expect(selection.userVerification, 'the creation options require user verification').toBe('required');
      const unverified = await createCredential(driver, setup, 'no-user-verification');
      expectCredentialRefused(await activateWebAuthn(api, setup, webAuthnActivationBody(unverified)));
      await expectStored(api, setup.user.id, setup.factor, 'PENDING_ACTIVATION');

      const registration = await createCredential(driver, setup);
      const res = await activateWebAuthn(api, setup, webAuthnActivationBody(registration));
      expectStatus(res, 200);
      const active: ActiveWebAuthn = { ...setup, active: res.body, registration };
      const { result, body } = await webAuthnAssertion(driver, api, active, 'no-user-verification');
      const asked = result._embedded?.challenge?.userVerification;
      if (asked !== undefined) expect(asked, 'the request options require user verification').toBe('required');
      expectCredentialRefused(await postAssertion(api, setup.user.id, setup.factor.id, body));
      await expectStillVerifies(driver, api, active);
    } finally {
      await driver.policy.setFactorPolicy([{ ...WEBAUTHN, enrollment: 'OPTIONAL', userVerification: 'preferred' }]);
    }
  }, { needs: ['policy'] });
});
