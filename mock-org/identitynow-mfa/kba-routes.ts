import { createHash } from 'node:crypto';
import type { Routes } from '../core/org-routes.js';
import { RIGHTS, requireRight } from './auth.js';
import { badRequest, internalFault } from './errors.js';
import { isObject, requiredString } from './input.js';
import {
  IdentityNowTenant,
  KBA_FAILURE_WINDOW_MS,
  KBA_LOCKOUT_MS,
  KBA_MAX_FAILURES,
  KBA_REQUIRED,
  type KbaQuestionRecord,
} from './tenant.js';

/** Answers are at least four characters (§9 item 18, the product rule [HK]). */
const MIN_ANSWER_LENGTH = 4;

/** KBA (spec §4.2, §4.3, §5.3 V4): questions (C5), the caller's answers (C6), authenticate (V4). */
export function registerKbaRoutes(app: Routes, tenant: IdentityNowTenant): void {
  const faults = tenant.host.faults;

  // C5: plain text in the default locale, or the JSON-encoded [{text, locale}] with allLanguages=true (§9 item 20).
  app.get<{ Querystring: Record<string, unknown> }>('/mfa/kba/config', async (request) => {
    requireRight(tenant, request, RIGHTS.kbaRead);
    const all = request.query.allLanguages;
    if (all !== undefined && all !== 'true' && all !== 'false') throw badRequest('allLanguages must be true or false');
    return tenant.questions.map((question) => {
      const numAnswers = answerCount(tenant, question.id);
      return {
        id: question.id,
        text: all === 'true' ? JSON.stringify(question.text) : defaultText(question),
        ...(faults.has('identitynow-mfa.kba-questions-drop-counts') ? {} : { hasAnswer: numAnswers > 0, numAnswers }),
      };
    });
  });

  // C6: replaces the caller's answers; the response lists every question with the caller's hasAnswer (§9 item 19).
  app.post('/mfa/kba/config/answers', async (request) => {
    const caller = requireRight(tenant, request, RIGHTS.kbaAnswers);
    let items: { id: string; answer: string }[];
    try {
      items = answerItems(tenant, request.body, true);
    } catch (error) {
      if (faults.has('identitynow-mfa.kba-bad-body-500')) throw internalFault();
      throw error;
    }
    const identityId = caller.identityId as string;
    for (const item of items) tenant.noteSecret(item.answer);
    tenant.answers.set(identityId, new Map(items.map((item) => [item.id, IdentityNowTenant.hashAnswer(item.answer)])));
    const mine = tenant.answers.get(identityId);
    const echoed = new Map(items.map((item) => [item.id, item.answer]));
    return tenant.questions.map((question) => ({
      id: question.id,
      question: JSON.stringify(question.text),
      hasAnswer: mine?.has(question.id) ?? false,
      ...(faults.has('identitynow-mfa.kba-answers-echoed') && echoed.has(question.id) ? { answer: echoed.get(question.id) } : {}),
    }));
  });

  // V4: against the identity in the token (§5.3); thresholds of §9 item 17.
  app.post('/mfa/kba/authenticate', async (request) => {
    const caller = requireRight(tenant, request, RIGHTS.kbaAuthenticate);
    const items = answerItems(tenant, request.body, false);
    const identityId = caller.identityId as string;
    const now = tenant.now();
    const record = tenant.kbaFailures.get(identityId) ?? { atMs: [], lockedUntilMs: 0 };
    tenant.kbaFailures.set(identityId, record);
    if (record.lockedUntilMs > now) return { kbaAuthResponseItems: [], status: 'LOCKOUT' };
    const stored = tenant.answers.get(identityId) ?? new Map();
    if (stored.size < KBA_REQUIRED) return { kbaAuthResponseItems: [], status: 'NOT_ENOUGH_DATA' };
    const kbaAuthResponseItems = items.map((item) => {
      const answer = stored.get(item.id);
      let verified = answer !== undefined && matches(answer, item.answer, faults.has('identitynow-mfa.kba-right-answer-refused'));
      if (faults.has('identitynow-mfa.kba-accept-wrong') && answer !== undefined) verified = true;
      return { questionId: item.id, isVerified: verified };
    });
    if (kbaAuthResponseItems.some((r) => !r.isVerified)) {
      if (!faults.has('identitynow-mfa.kba-no-lockout')) {
        record.atMs = [...record.atMs.filter((at) => at > now - KBA_FAILURE_WINDOW_MS), now];
        if (record.atMs.length >= KBA_MAX_FAILURES) {
          record.lockedUntilMs = now + KBA_LOCKOUT_MS;
          record.atMs = [];
          return { kbaAuthResponseItems, status: 'LOCKOUT' };
        }
      }
      return { kbaAuthResponseItems, status: 'FAILED' };
    }
    if (kbaAuthResponseItems.length < KBA_REQUIRED) return { kbaAuthResponseItems, status: 'PENDING' };
    record.atMs = [];
    return { kbaAuthResponseItems, status: 'SUCCESS' };
  });
}

/** `[{id, answer}]`, both non-empty strings, each id a question of the tenant, no id twice. */
function answerItems(tenant: IdentityNowTenant, body: unknown, enrolling: boolean): { id: string; answer: string }[] {
  if (!Array.isArray(body)) throw badRequest('the request body must be an array of {id, answer}');
  const seen = new Set<string>();
  return body.map((item: unknown, index) => {
    if (!isObject(item)) throw badRequest(`[${index}] must be an object {id, answer}`);
    const id = requiredString(item, 'id', `[${index}].id`);
    const answer = requiredString(item, 'answer', `[${index}].answer`);
    if (!tenant.questions.some((q) => q.id === id)) throw badRequest(`[${index}].id is not a KBA question of this tenant`);
    if (seen.has(id)) throw badRequest(`[${index}].id appears twice`);
    seen.add(id);
    if (enrolling && answer.trim().length < MIN_ANSWER_LENGTH) throw badRequest(`[${index}].answer must have at least ${MIN_ANSWER_LENGTH} characters`);
    return { id, answer };
  });
}

function matches(stored: { salt: string; hash: string }, given: string, caseFolded: boolean): boolean {
  const text = caseFolded ? given.trim().toUpperCase() + ' ' : given.trim();
  return createHash('sha256').update(stored.salt).update(text).digest('hex') === stored.hash;
}

function answerCount(tenant: IdentityNowTenant, questionId: string): number {
  return [...tenant.answers.values()].filter((answers) => answers.has(questionId)).length;
}

function defaultText(question: KbaQuestionRecord): string {
  return question.text.find((t) => t.locale === '')?.text ?? question.text[0]?.text ?? '';
}
