import { expect } from 'vitest';
import type { ApiClient, Driver } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { given } from '../../support/given.js';
import { linkOf, listFactors } from '../../okta-factors/factors.js';
import { expectSuccess } from '../authn.js';
import { enrollThroughAuthn, expectFactorStatus, expectRefusedAndUnchanged, postLink, required, withRequired } from '../factor-steps.js';

/** The security question through the Authentication API: enrolled active at once, verified by its answer (spec §5.4). */

useTarget();

const QUESTION = { factorType: 'question', provider: 'OKTA' } as const;

/** A fresh answer, a secret from the start. */
function newAnswer(driver: Driver): string {
  const answer = `Pickled Herring ${Math.floor(Math.random() * 1e9)}`;
  driver.registerSecret(answer);
  return answer;
}

/** A user who enrolled the question through the transaction: its factor id and answer. */
async function enrolledThroughAuthn(driver: Driver, api: ApiClient) {
  const answer = newAnswer(driver);
  const { user, res } = await enrollThroughAuthn(driver, api, QUESTION, { profile: { question: 'disliked_food', answer } });
  const done = expectSuccess(driver, res, user);
  const factor = (await listFactors(api, user.id)).find((f) => f.factorType === QUESTION.factorType);
  return { user, answer, done, factorId: factor?.id };
}

check('AUTHN.QUESTION.ENROLL', 'enrolling a security question answers SUCCESS and the factor reads back ACTIVE', async ({ driver, api }) => {
  await withRequired(driver, QUESTION, async () => {
    const { user, factorId } = await enrolledThroughAuthn(driver, api);
    expect(factorId, 'the Factors API lists the question factor').toBeDefined();
    await expectFactorStatus(api, user.id, factorId as string, 'ACTIVE');
  });
}, { needs: ['policy'] });

async function userWithQuestion(driver: Driver & { policy: NonNullable<Driver['policy']> }, api: ApiClient) {
  let enrolled: Awaited<ReturnType<typeof enrolledThroughAuthn>> | undefined;
  await withRequired(driver, QUESTION, async () => {
    enrolled = await given('a security question enrolled through the transaction', () => enrolledThroughAuthn(driver, api), { by: 'AUTHN.QUESTION.ENROLL' });
  });
  return enrolled as Awaited<ReturnType<typeof enrolledThroughAuthn>> & { factorId: string };
}

check('AUTHN.QUESTION.VERIFY', 'the right answer in MFA_REQUIRED answers SUCCESS', async ({ driver, api }) => {
  const { user, answer, factorId } = await userWithQuestion(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  expectSuccess(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { answer }), user);
}, { needs: ['policy'] });

check('AUTHN.QUESTION.VERIFY.BAD_ANSWER', 'a wrong answer is 403 E0000068 and the transaction stays MFA_REQUIRED', async ({ driver, api }) => {
  const { user, answer, factorId } = await userWithQuestion(driver, api);
  const { stateToken, entry } = await required(driver, api, user, factorId);
  const res = await postLink(api, linkOf(entry, 'verify'), stateToken, { answer: newAnswer(driver) });
  await expectRefusedAndUnchanged(driver, api, res, stateToken, 'MFA_REQUIRED');
  expectSuccess(driver, await postLink(api, linkOf(entry, 'verify'), stateToken, { answer }), user);
}, { needs: ['policy'] });
