import { expect } from 'vitest';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { linkOf, currentCode, totpFor, wrongCode } from '../../okta-factors/factors.js';
import { activeTotp } from '../../okta-factors/totp/totp.js';
import { currentFactor, expectSuccess, expectTransaction, getState } from '../authn.js';
import {
  activating,
  enrollThroughAuthn,
  expectFactorStatus,
  expectNext,
  expectRefusedAndUnchanged,
  postLink,
  required,
  withRequired,
} from '../factor-steps.js';

/** token:software:totp through the Authentication API: enroll, activate, verify (spec §5.4, §5.5). */

useTarget();

const GOOGLE = { factorType: 'token:software:totp', provider: 'GOOGLE' } as const;
const OKTA = { factorType: 'token:software:totp', provider: 'OKTA' } as const;

check('AUTHN.TOTP.ENROLL', 'enrolling TOTP answers MFA_ENROLL_ACTIVATE with the activation and next activate; the factor is pending', async ({ driver, api }) => {
  for (const spec of [GOOGLE, OKTA]) {
    await withRequired(driver, spec, async () => {
      const { user, stateToken, res } = await enrollThroughAuthn(driver, api, spec);
      const txn = expectTransaction(driver, res, 'MFA_ENROLL_ACTIVATE');
      const factor = currentFactor(txn);
      expect([factor.factorType, factor.provider]).toEqual([spec.factorType, spec.provider]);
      const activation = factor._embedded?.activation as Record<string, unknown> | undefined;
      totpFor(driver, activation);
      expect(activation?.encoding).toBe('base32');
      expect(Number(activation?.timeStep)).toBe(30);
      expectNext(txn, 'activate', `/api/v1/authn/factors/${factor.id}/lifecycle/activate`);
      linkOf(txn, 'prev');
      linkOf(txn, 'cancel');
      await expectFactorStatus(api, user.id, factor.id as string, 'PENDING_ACTIVATION');
      expectTransaction(driver, await getState(api, stateToken), 'MFA_ENROLL_ACTIVATE');
    });
  }
}, { needs: ['policy'] });

check('AUTHN.TOTP.ACTIVATE', 'activating with the current passCode answers SUCCESS and the factor reads back ACTIVE', async ({ driver, api }) => {
  await withRequired(driver, GOOGLE, async () => {
    const { user, txn, stateToken, factor } = await activating(driver, api, GOOGLE, 'AUTHN.TOTP.ENROLL');
    const totp = totpFor(driver, factor._embedded?.activation as Record<string, unknown>);
    expectSuccess(driver, await postLink(api, linkOf(txn, 'next'), stateToken, { passCode: await currentCode(driver, totp) }), user);
    await expectFactorStatus(api, user.id, factor.id, 'ACTIVE');
  });
}, { needs: ['policy'] });

check('AUTHN.TOTP.ACTIVATE.BAD_CODE', 'activating with a wrong passCode is 403 E0000068; the transaction and the factor stay pending', async ({ driver, api }) => {
  await withRequired(driver, GOOGLE, async () => {
    const { user, txn, stateToken, factor } = await activating(driver, api, GOOGLE, 'AUTHN.TOTP.ENROLL');
    const totp = totpFor(driver, factor._embedded?.activation as Record<string, unknown>);
    const res = await postLink(api, linkOf(txn, 'next'), stateToken, { passCode: await wrongCode(driver, totp) });
    await expectRefusedAndUnchanged(driver, api, res, stateToken, 'MFA_ENROLL_ACTIVATE');
    await expectFactorStatus(api, user.id, factor.id, 'PENDING_ACTIVATION');
  });
}, { needs: ['policy'] });

// The activation spent the current step's code; the next step's is within the documented skew.
const NEXT_STEP_MS = 30_000;

check('AUTHN.TOTP.VERIFY', 'verifying TOTP in MFA_REQUIRED with a current passCode answers SUCCESS', async ({ driver, api }) => {
  for (const provider of ['GOOGLE', 'OKTA']) {
    const { user, factor, totp } = await activeTotp(driver, api, provider);
    const { stateToken, entry } = await required(driver, api, user, factor.id);
    expectSuccess(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: await currentCode(driver, totp, NEXT_STEP_MS) }), user);
  }
});

check('AUTHN.TOTP.VERIFY.BAD_CODE', 'a wrong TOTP passCode (OKTA, GOOGLE) is 403 E0000068 and the transaction stays MFA_REQUIRED', async ({ driver, api }) => {
  for (const provider of ['GOOGLE', 'OKTA']) {
    const { user, factor, totp } = await activeTotp(driver, api, provider);
    const { stateToken, entry } = await required(driver, api, user, factor.id);
    const res = await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: await wrongCode(driver, totp) });
    await expectRefusedAndUnchanged(driver, api, res, stateToken, 'MFA_REQUIRED');
    // The right code still works: the refusal spent nothing.
    expectSuccess(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { passCode: await currentCode(driver, totp, NEXT_STEP_MS) }), user);
  }
});
