import { expect } from 'vitest';
import { check } from '../../support/check.js';
import {
  advanceKeepingAlive,
  entryFor,
  expectOktaRefusal,
  expectSuccess,
  expectTransaction,
  factorList,
  follow,
  getState,
  pathOf,
} from '../authn.js';
import {
  authExpiryMs,
  DUO,
  duoApproves,
  expectCallbackAccepted,
  pollUntilDone,
  postDuoCallback,
  startDuoChallenge,
  startDuoEnrollment,
  tamper,
  userWithActiveDuo,
  withDuoRequired,
} from './duo.js';
import { linkOf, listFactors, readFactor } from '../../okta-factors/factors.js';
import { useTarget } from '../../support/target.js';

/**
 * Duo (web/DUO), which Okta offers through the Authentication API only (spec §5.6): enrollment and verification
 * with the Duo widget, played by the checks against the target's Duo responder, and the callback's refusal of
 * responses that are tampered with or expired.
 */

useTarget();

const DUO_NEEDS = ['policy', 'duo'] as const;

check('AUTHN.DUO.ENROLL.ACTIVATION', 'enrolling Duo answers MFA_ENROLL_ACTIVATE, WAITING, with the Duo activation and a poll link', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user, txn, factor, widget } = await startDuoEnrollment(driver, api);
    expect(txn.factorResult).toBe('WAITING');
    expect([factor.factorType, factor.provider]).toEqual([DUO.factorType, DUO.provider]);
    expect(typeof factor.id === 'string' && factor.id.length > 0, 'the enrolled factor has an id').toBe(true);
    expect(txn._embedded?.user?.id).toBe(user.id);
    const script = widget._links.script;
    if (script) expect(script.type ?? 'text/javascript', 'the script link is JavaScript').toMatch(/^text\/javascript/);
    const next = linkOf(txn, 'next');
    expect(next.name).toBe('poll');
    expect(pathOf(next).endsWith(`/api/v1/authn/factors/${factor.id}/lifecycle/activate/poll`), 'next polls the activation').toBe(true);
    linkOf(txn, 'cancel');
    linkOf(txn, 'prev');
    // The signature is a request Duo accepts: signed with the key the org shares with Duo, for this user, unexpired.
    await duoApproves(driver, widget);
  });
}, { needs: [...DUO_NEEDS], cells: ['MFA_ENROLL enroll'] });

check('AUTHN.DUO.ENROLL.WAITING', 'polling the activation before Duo called back, or after a denial, stays WAITING', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { txn, stateToken, widget } = await startDuoEnrollment(driver, api);
    const early = expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_ENROLL_ACTIVATE');
    expect(early.factorResult).toBe('WAITING');
    expect((await driver.duo.authenticate(widget.host, widget.signature, 'deny')) === null, 'a denied prompt yields no response').toBe(true);
    const denied = expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_ENROLL_ACTIVATE');
    expect(denied.factorResult).toBe('WAITING');
    expect(expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE').factorResult).toBe('WAITING');
  });
}, { needs: [...DUO_NEEDS], cells: ['MFA_ENROLL_ACTIVATE activate', 'MFA_ENROLL_ACTIVATE get-state'] });

check('AUTHN.DUO.ENROLL.SUCCESS', "after Duo's response the activation poll is SUCCESS and the factor is ACTIVE", async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user, txn, stateToken, factor, widget } = await startDuoEnrollment(driver, api);
    expectCallbackAccepted(await postDuoCallback(driver, api, widget, stateToken, await duoApproves(driver, widget)));
    expectSuccess(driver, await pollUntilDone(api, txn, stateToken), user);
    // The Factors API sees the enrolled factor.
    const listed = (await listFactors(api, user.id)).filter((f) => f.factorType === DUO.factorType && f.provider === DUO.provider);
    expect(listed.map((f) => [f.id, f.status])).toEqual([[factor.id, 'ACTIVE']]);
    const stored = await readFactor(api, user.id, factor.id as string);
    expect(typeof stored.profile?.credentialId === 'string' && stored.profile.credentialId.length > 0, 'profile.credentialId').toBe(true);
  });
}, { needs: [...DUO_NEEDS], cells: ['MFA_ENROLL_ACTIVATE activate'] });

check('AUTHN.DUO.VERIFY.CHALLENGE', 'verifying Duo answers MFA_CHALLENGE, WAITING, with the Duo verification and a poll link', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user, factorId } = await userWithActiveDuo(driver, api);
    const { txn, factor, widget, required } = await startDuoChallenge(driver, api, user);
    expect(txn.factorResult).toBe('WAITING');
    expect([factor.id, factor.factorType, factor.provider]).toEqual([factorId, DUO.factorType, DUO.provider]);
    const next = linkOf(txn, 'next');
    expect(next.name).toBe('poll');
    const verify = linkOf(entryFor(factorList(required), DUO.factorType, DUO.provider), 'verify');
    expect(pathOf(next), 'the challenge is polled at the verify URL').toBe(pathOf(verify));
    linkOf(txn, 'cancel');
    await duoApproves(driver, widget);
  });
}, { needs: [...DUO_NEEDS], cells: ['MFA_REQUIRED verify'] });

check('AUTHN.DUO.VERIFY.WAITING', 'polling the challenge before Duo called back, or after a denial, stays WAITING', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user } = await userWithActiveDuo(driver, api);
    const { txn, stateToken, widget } = await startDuoChallenge(driver, api, user);
    expect(expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_CHALLENGE').factorResult).toBe('WAITING');
    expect((await driver.duo.authenticate(widget.host, widget.signature, 'deny')) === null, 'a denied prompt yields no response').toBe(true);
    expect(expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_CHALLENGE').factorResult).toBe('WAITING');
  });
}, { needs: [...DUO_NEEDS], cells: ['MFA_CHALLENGE verify'] });

check('AUTHN.DUO.VERIFY.SUCCESS', "after Duo's response the challenge poll is SUCCESS", async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user } = await userWithActiveDuo(driver, api);
    const { txn, stateToken, widget } = await startDuoChallenge(driver, api, user);
    expectCallbackAccepted(await postDuoCallback(driver, api, widget, stateToken, await duoApproves(driver, widget)));
    expectSuccess(driver, await pollUntilDone(api, txn, stateToken), user);
  });
}, { needs: [...DUO_NEEDS], cells: ['MFA_CHALLENGE verify'] });

check('AUTHN.DUO.CALLBACK.TAMPERED', 'a response with a broken AUTH or APP signature is refused; the transaction keeps WAITING', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user, txn, stateToken, widget } = await startDuoEnrollment(driver, api);
    const sigResponse = await duoApproves(driver, widget);
    for (const part of ['AUTH', 'APP'] as const) {
      expectOktaRefusal(await postDuoCallback(driver, api, widget, stateToken, tamper(sigResponse, part)));
      expect(expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE').factorResult, `after a bad ${part} value`).toBe('WAITING');
      expect(expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_ENROLL_ACTIVATE').factorResult).toBe('WAITING');
    }
    // The refusals spoiled nothing: Duo's genuine response completes the enrollment.
    expectCallbackAccepted(await postDuoCallback(driver, api, widget, stateToken, sigResponse));
    expectSuccess(driver, await pollUntilDone(api, txn, stateToken), user);
  });
}, { needs: [...DUO_NEEDS] });

check('AUTHN.DUO.CALLBACK.TAMPERED', 'a challenge refuses a tampered response too', async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user } = await userWithActiveDuo(driver, api);
    const { txn, stateToken, widget } = await startDuoChallenge(driver, api, user);
    const sigResponse = await duoApproves(driver, widget);
    expectOktaRefusal(await postDuoCallback(driver, api, widget, stateToken, tamper(sigResponse, 'AUTH')));
    expect(expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_CHALLENGE').factorResult).toBe('WAITING');
  });
}, { needs: [...DUO_NEEDS] });

check('AUTHN.DUO.CALLBACK.EXPIRED', "a response past Duo's expiry is refused; the transaction keeps WAITING", async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { txn, stateToken, widget } = await startDuoEnrollment(driver, api);
    const sigResponse = await duoApproves(driver, widget);
    // Let the response expire, but not the transaction: its token is kept alive along the way.
    await advanceKeepingAlive(driver, api, stateToken, authExpiryMs(sigResponse) - (await driver.now()) + 1000);
    expectOktaRefusal(await postDuoCallback(driver, api, widget, stateToken, sigResponse));
    expect(expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE').factorResult).toBe('WAITING');
    expect(expectTransaction(driver, await follow(api, txn, 'next', stateToken), 'MFA_ENROLL_ACTIVATE').factorResult).toBe('WAITING');
  });
}, { needs: [...DUO_NEEDS, 'clock'] });

check('AUTHN.DUO.CALLBACK.OTHER_USER', "Duo's genuine response to another user's prompt is refused; the transaction keeps WAITING", async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const mine = await startDuoEnrollment(driver, api);
    const theirs = await startDuoEnrollment(driver, api);
    const theirResponse = await duoApproves(driver, theirs.widget);
    expectOktaRefusal(await postDuoCallback(driver, api, mine.widget, mine.stateToken, theirResponse));
    expect(expectTransaction(driver, await getState(api, mine.stateToken), 'MFA_ENROLL_ACTIVATE').factorResult).toBe('WAITING');
    expect(expectTransaction(driver, await follow(api, mine.txn, 'next', mine.stateToken), 'MFA_ENROLL_ACTIVATE').factorResult).toBe('WAITING');
    // The response was genuine: it completes its own user's enrollment.
    expectCallbackAccepted(await postDuoCallback(driver, api, theirs.widget, theirs.stateToken, theirResponse));
  });
}, { needs: [...DUO_NEEDS] });

check('AUTHN.DUO.CALLBACK.OTHER_PROMPT', "Duo's genuine response to the same user's earlier prompt is refused by a later challenge; it keeps WAITING", async ({ driver, api }) => {
  await withDuoRequired(driver, async () => {
    const { user } = await userWithActiveDuo(driver, api);
    const earlier = await startDuoChallenge(driver, api, user);
    const earlierResponse = await duoApproves(driver, earlier.widget);
    // A later prompt is signed at a later second, so its APP value differs from the earlier one's.
    await advanceKeepingAlive(driver, api, earlier.stateToken, 2_000);
    const later = await startDuoChallenge(driver, api, user);
    // Compared as a boolean: a failure message must not print the signed values.
    expect(later.widget.signature !== earlier.widget.signature, 'the later prompt is another sig_request').toBe(true);
    expectOktaRefusal(await postDuoCallback(driver, api, later.widget, later.stateToken, earlierResponse));
    expect(expectTransaction(driver, await follow(api, later.txn, 'next', later.stateToken), 'MFA_CHALLENGE').factorResult).toBe('WAITING');
  });
}, { needs: [...DUO_NEEDS, 'clock'] });
