import { describe } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { given } from '../../support/given.js';
import { expectNoSecret, expectSchema, expectState, expectStatus } from '../../support/expect.js';
import { expectSailPointError, newIdentity, tenant, useIdentityNowTarget } from '../tenant.js';

/**
 * KBA (spec §4.3, §5.3 V4): a user's answers (C6) and authenticating with them (V4), each check on
 * an identity of its own. How many answers are needed and when a lockout starts are undocumented
 * (§9 item 17): the checks answer every enrolled question and move the clock well past any lockout.
 */
useIdentityNowTarget();

interface KbaQuestion {
  id: string;
}
interface KbaAuthResponse {
  kbaAuthResponseItems?: { questionId?: string | null; isVerified?: boolean | null }[];
  status?: string;
}

/** How many wrong attempts the lockout check makes before it expects LOCKOUT (the product's default is 5). */
const MAX_WRONG_ATTEMPTS = 10;
/** Past any lockout (the product's default is 15 minutes). */
const PAST_LOCKOUT_MS = 24 * 3600_000;

/** Answers of at least four characters, one per question, each registered as a secret. */
function answersFor(questions: KbaQuestion[]): { id: string; answer: string }[] {
  return questions.map((q) => {
    const answer = `answer-${crypto.randomUUID()}`;
    tenant().registerSecret(answer);
    return { id: q.id, answer };
  });
}

async function tenantQuestions(api: ApiClient): Promise<KbaQuestion[]> {
  return given('the tenant KBA questions', async () => {
    const res = await api.get<KbaQuestion[]>('/v3/mfa/kba/config');
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/kba#questions', res.body);
    if (res.body.length === 0) throw new Error('the tenant has no KBA questions');
    return res.body;
  }, { by: 'IDN.CONFIG.KBA.QUESTIONS' });
}

/** A fresh identity whose answers to every tenant question are set. */
async function enrolledIdentity() {
  const identity = await newIdentity({}, 'IDN.KBA.ANSWERS.SET');
  const questions = await tenantQuestions(identity.api);
  const answers = answersFor(questions);
  await given('KBA answers set for the identity', async () => {
    expectStatus(await identity.api.post('/v3/mfa/kba/config/answers', answers), 200);
  }, { by: 'IDN.KBA.ANSWERS.SET' });
  return { identity, answers };
}

function authenticate(api: ApiClient, answers: { id: string; answer: string }[]): Promise<ApiResponse<KbaAuthResponse>> {
  return api.post<KbaAuthResponse>('/v3/mfa/kba/authenticate', answers);
}

function expectAuthResponse(res: ApiResponse<KbaAuthResponse>): KbaAuthResponse {
  expectStatus(res, 200);
  expectSchema('identitynow-mfa/kba#authResponse', res.body);
  return res.body;
}

describe('answers', () => {
  check('IDN.KBA.ANSWERS.SET', 'setting answers marks the questions answered and never echoes an answer', async () => {
    const identity = await newIdentity();
    const questions = await tenantQuestions(identity.api);
    const answers = answersFor(questions);
    const res = await identity.api.post<{ id: string; hasAnswer: boolean }[]>('/v3/mfa/kba/config/answers', answers);
    expectStatus(res, 200);
    expectSchema('identitynow-mfa/kba#answerResponse', res.body);
    for (const { answer } of answers) expectNoSecret('KBA answer', res.text, answer);
    const answered = res.body.filter((item) => answers.some((a) => a.id === item.id)).map((item) => item.hasAnswer);
    expectState('hasAnswer of the answered questions', answered, [answers.map(() => true)]);
  });

  check('IDN.KBA.ANSWERS.BAD_BODY', 'an answers body that is not an array of {id, answer}: 400 ErrorResponseDto', async () => {
    const identity = await newIdentity();
    for (const body of [{ id: '173421', answer: 'abcd' }, [{ id: '173421' }], [{ id: 173421, answer: 'abcd' }], 'not-json']) {
      const res = await identity.api.post('/v3/mfa/kba/config/answers', body, { rawBody: typeof body === 'string' });
      expectSailPointError(res, 400);
    }
  });
});

describe('authenticate', () => {
  check('IDN.KBA.AUTH.RIGHT', 'the enrolled answers: SUCCESS, each item verified', async () => {
    const { identity, answers } = await enrolledIdentity();
    const body = expectAuthResponse(await authenticate(identity.api, answers));
    expectState('KBA status with the right answers', body.status, 'SUCCESS');
    expectState('items verified', (body.kbaAuthResponseItems ?? []).every((item) => item.isVerified === true), true);
  });

  check('IDN.KBA.AUTH.WRONG', 'a wrong answer: FAILED, its item not verified', async () => {
    const { identity, answers } = await enrolledIdentity();
    const [first, ...rest] = answers;
    if (!first) throw new Error('no question');
    const body = expectAuthResponse(await authenticate(identity.api, [{ id: first.id, answer: 'definitely-wrong' }, ...rest]));
    expectState('KBA status with a wrong answer', body.status, 'FAILED');
    const item = (body.kbaAuthResponseItems ?? []).find((i) => i.questionId === first.id);
    expectState('isVerified of the wrong answer', item?.isVerified ?? false, false);
  });

  check('IDN.KBA.AUTH.LOCKOUT', 'repeated wrong answers lock the user out, right answers included, until the lockout passes', async ({ driver }) => {
    const { identity, answers } = await enrolledIdentity();
    const wrong = answers.map((a) => ({ id: a.id, answer: 'definitely-wrong' }));
    let status: string | undefined;
    for (let i = 0; i < MAX_WRONG_ATTEMPTS && status !== 'LOCKOUT'; i++) {
      status = expectAuthResponse(await authenticate(identity.api, wrong)).status;
      if (status !== 'LOCKOUT') expectState('status of a wrong attempt', status, 'FAILED');
    }
    expectState(`status after ${MAX_WRONG_ATTEMPTS} wrong attempts at most`, status, 'LOCKOUT');
    expectState('status of the right answers while locked out', expectAuthResponse(await authenticate(identity.api, answers)).status, 'LOCKOUT');
    await driver.clock.advance(PAST_LOCKOUT_MS);
    expectState('status of the right answers after the lockout', expectAuthResponse(await authenticate(identity.api, answers)).status, 'SUCCESS');
  }, { needs: ['clock'] });
});
