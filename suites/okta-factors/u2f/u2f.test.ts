import { describe, expect } from 'vitest';
import type { ApiClient } from '../../../drivers/contract.js';
import type { U2fRegistrationTamper, U2fSignTamper } from '../../../virtual-authenticators/u2f/u2f-token.js';
import type { RequirementId } from '../../../requirements/index.js';
import { check, checksNeedFactor } from '../../support/check.js';
import { expectSchema, expectStatus } from '../../support/expect.js';
import { allowedMethods, linkOf, listFactors, readFactor } from '../factors.js';
import {
  type ActiveU2f,
  activateU2f,
  activeU2f,
  challenge,
  enrollU2f,
  expectCredentialRefused,
  expectReplayRefused,
  expectStored,
  expectSuccess,
  postAssertion,
  U2F,
  u2fAssertion,
  u2fNonce,
  u2fRegistration,
} from '../fido.js';
import { useTarget } from '../../support/target.js';

/** u2f / FIDO: spec §2.11, §3, §4, §9 (appId), shared/spec/authenticator-formats.md §1.1–§1.2. */

useTarget();
checksNeedFactor({ factorType: 'u2f', provider: 'FIDO' });

/** After a refusal the factor is still ACTIVE with its credential, and a fresh challenge still verifies. */
async function expectStillVerifies(api: ApiClient, setup: ActiveU2f): Promise<void> {
  await expectStored(api, setup.user.id, setup.active, 'ACTIVE');
  const nonce = await u2fNonce(api, setup);
  expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, await u2fAssertion(setup, nonce)));
}

/** Each tampered registration: refused, the factor still pending, and a good registration still activates. */
function refusedRegistration(requirementId: RequirementId, tamper: U2fRegistrationTamper, what: string): void {
  check(requirementId, `activate with a registration ${what} is refused and the factor stays pending`, async ({ driver, api }) => {
    const setup = await enrollU2f(driver, api);
    expectCredentialRefused(await activateU2f(api, setup, await u2fRegistration(setup, tamper)));
    await expectStored(api, setup.user.id, setup.factor, 'PENDING_ACTIVATION');
    const retry = await activateU2f(api, setup, await u2fRegistration(setup));
    expectStatus(retry, 200);
    expect(retry.body.status).toBe('ACTIVE');
  });
}

/** Each tampered assertion: refused, and the factor still ACTIVE and verifying. */
function refusedAssertion(requirementId: RequirementId, tamper: U2fSignTamper, what: string): void {
  check(requirementId, `verify with an assertion ${what} is refused`, async ({ driver, api }) => {
    const setup = await activeU2f(driver, api);
    const nonce = await u2fNonce(api, setup);
    expectCredentialRefused(await postAssertion(api, setup.user.id, setup.factor.id, await u2fAssertion(setup, nonce, tamper)));
    await expectStillVerifies(api, setup);
  });
}

describe('u2f / FIDO enrollment and activation', () => {
  check('FACTORS.U2F.ENROLL.PENDING', 'enroll returns a pending factor with the U2F registration request', async ({ driver, api }) => {
    const setup = await enrollU2f(driver, api);
    const { factor, activation } = setup;
    expect(factor).toMatchObject({ ...U2F, status: 'PENDING_ACTIVATION' });
    expect(activation.version).toBe('U2F_V2');
    expect(typeof activation.nonce === 'string' && activation.nonce.length > 0, 'a nonce').toBe(true);
    expect(Number.isInteger(activation.timeoutSeconds) && (activation.timeoutSeconds as number) > 0, 'timeoutSeconds').toBe(true);
    if (activation.appId !== undefined) {
      // [A]: the appId is an origin (scheme://host[:port]), the page the user signs in at.
      expect(new URL(String(activation.appId)).origin, 'appId is an origin').toBe(activation.appId);
    }
    const activate = linkOf(factor, 'activate');
    expect(activate.href).toMatch(/\/lifecycle\/activate$/);
    expect(allowedMethods(activate) ?? ['POST']).toContain('POST');
    expect(factor._links?.verify, 'no verify link while pending').toBeUndefined();

    const stored = await expectStored(api, setup.user.id, factor, 'PENDING_ACTIVATION');
    expect(stored._links?.verify).toBeUndefined();
    expect((await listFactors(api, setup.user.id)).map((f) => f.id)).toContain(factor.id);
  });

  check('FACTORS.U2F.ACTIVATE.REGISTRATION', 'activate with the registration response makes the factor ACTIVE with the key handle', async ({ driver, api }) => {
    const setup = await enrollU2f(driver, api);
    const res = await activateU2f(api, setup, await u2fRegistration(setup));
    expectStatus(res, 200);
    expectSchema('okta-factors/factor', res.body);
    const keyHandle = setup.token.registrations[0]?.keyHandle;
    expect(res.body).toMatchObject({ id: setup.factor.id, ...U2F, status: 'ACTIVE' });
    expect(res.body.profile?.credentialId, 'profile.credentialId is the key handle u2f.sign takes').toBe(keyHandle);
    expect(res.body.profile?.version).toBe('U2F_V2');
    expect(linkOf(res.body, 'verify').href).toMatch(/\/verify$/);

    const stored = await readFactor(api, setup.user.id, setup.factor.id);
    expect(stored.status).toBe('ACTIVE');
    expect(stored.profile?.credentialId).toBe(keyHandle);
    expect(stored.profile?.version).toBe('U2F_V2');
  });

  refusedRegistration('FACTORS.U2F.SIGNATURE', 'bad-signature', 'whose attestation signature does not verify');
  refusedRegistration('FACTORS.U2F.NONCE', 'wrong-challenge', 'for another challenge');
  refusedRegistration('FACTORS.U2F.APP_ID', 'wrong-app-id', 'made for another appId');
  refusedRegistration('FACTORS.U2F.CLIENT_DATA', 'wrong-type', 'whose clientData typ is getAssertion');
  refusedRegistration('FACTORS.U2F.CLIENT_DATA', 'wrong-origin', 'whose clientData origin is another site');
});

describe('u2f / FIDO challenge and verification', () => {
  check('FACTORS.U2F.CHALLENGE', 'verify without a body answers CHALLENGE with a fresh nonce and the factor profile', async ({ driver, api }) => {
    const setup = await activeU2f(driver, api);
    const first = await challenge(api, setup.user.id, setup.factor.id);
    expect(first.profile?.credentialId, 'profile.credentialId is the key handle').toBe(setup.token.registrations[0]?.keyHandle);
    expect(first.profile?.version).toBe('U2F_V2');
    expect(linkOf(first, 'verify').href).toMatch(new RegExp(`/factors/${setup.factor.id}/verify$`));
    expect(linkOf(first, 'factor').href).toMatch(new RegExp(`/factors/${setup.factor.id}$`));
    const embedded = first._embedded?.challenge ?? {};
    expect(typeof embedded.nonce === 'string' && embedded.nonce.length > 0, 'a nonce').toBe(true);
    expect(Number.isInteger(embedded.timeoutSeconds) && (embedded.timeoutSeconds as number) > 0, 'timeoutSeconds').toBe(true);
    const second = await challenge(api, setup.user.id, setup.factor.id);
    expect(second._embedded?.challenge?.nonce, 'each challenge has its own nonce').not.toBe(embedded.nonce);
    await expectStored(api, setup.user.id, setup.active, 'ACTIVE');
  });

  check('FACTORS.U2F.VERIFY.ASSERTION', 'verify with the signed assertion answers SUCCESS, again and again', async ({ driver, api }) => {
    const setup = await activeU2f(driver, api);
    for (let round = 0; round < 2; round++) {
      const nonce = await u2fNonce(api, setup);
      const result = expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, await u2fAssertion(setup, nonce)));
      if (result.profile !== undefined) expect(result.profile.credentialId).toBe(setup.token.registrations[0]?.keyHandle);
    }
    const stored = await expectStored(api, setup.user.id, setup.active, 'ACTIVE');
    expect(stored.profile?.credentialId).toBe(setup.token.registrations[0]?.keyHandle);
  });

  refusedAssertion('FACTORS.U2F.SIGNATURE', 'bad-signature', 'whose signature does not verify');
  refusedAssertion('FACTORS.U2F.NONCE', 'wrong-challenge', 'for another challenge');
  refusedAssertion('FACTORS.U2F.APP_ID', 'wrong-app-id', 'made for another appId');
  refusedAssertion('FACTORS.U2F.CLIENT_DATA', 'wrong-type', 'whose clientData typ is finishEnrollment');
  refusedAssertion('FACTORS.U2F.CLIENT_DATA', 'wrong-origin', 'whose clientData origin is another site');
  refusedAssertion('FACTORS.U2F.USER_PRESENCE', 'no-user-presence', 'without the user presence bit');

  check('FACTORS.U2F.SIGNATURE', 'an assertion by a key handle the factor does not hold (another user\'s token) is refused', async ({ driver, api }) => {
    const mine = await activeU2f(driver, api);
    const theirs = await activeU2f(driver, api);
    const nonce = await u2fNonce(api, mine);
    // The other token signs this factor's nonce with its own key handle.
    const forged = await u2fAssertion(mine, nonce, undefined, theirs.token);
    expectCredentialRefused(await postAssertion(api, mine.user.id, mine.factor.id, forged));
    await expectStillVerifies(api, mine);
    await expectStored(api, theirs.user.id, theirs.active, 'ACTIVE');
  });

  check('FACTORS.U2F.NONCE', 'a nonce once verified cannot be used again', async ({ driver, api }) => {
    const setup = await activeU2f(driver, api);
    const nonce = await u2fNonce(api, setup);
    expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, await u2fAssertion(setup, nonce)));
    // A new signature (higher counter) over the nonce already used.
    const again = await postAssertion(api, setup.user.id, setup.factor.id, await u2fAssertion(setup, nonce));
    expectCredentialRefused(again);
    await expectStillVerifies(api, setup);
  });

  check('FACTORS.U2F.COUNTER', 'a replayed assertion, and one whose counter went down, are refused', async ({ driver, api }) => {
    const setup = await activeU2f(driver, api);
    const nonce = await u2fNonce(api, setup);
    const body = await u2fAssertion(setup, nonce);
    expectSuccess(await postAssertion(api, setup.user.id, setup.factor.id, body));
    expectReplayRefused(await postAssertion(api, setup.user.id, setup.factor.id, body));

    const next = await u2fNonce(api, setup);
    expectReplayRefused(await postAssertion(api, setup.user.id, setup.factor.id, await u2fAssertion(setup, next, 'counter-regression')));
    await expectStillVerifies(api, setup);
  });
});
