import type { RequirementId } from '../../../requirements/index.js';
import type { FaultDefinition } from '../../core/fault-definition.js';

/** Faults of the security question factor. */
export const QUESTION_FAULTS = [
  {
    id: 'question.list-offers-unknown',
    description: 'the security question list offers a question key that is not a built-in question',
    breaks: ['FACTORS.QUESTION.LIST'],
  },
  {
    id: 'question.list-duplicates',
    description: 'the security question list offers one question twice',
    breaks: ['FACTORS.QUESTION.LIST'],
  },
  {
    id: 'question.answer-echoed',
    description: "the question factor's profile returns the answer",
    breaks: ['FACTORS.QUESTION.ANSWER.WRITE_ONLY', 'FACTORS.QUESTION.ENROLL.ACTIVE'],
  },
  {
    id: 'question.drop-questions-link',
    description: 'the question factor is returned without its `questions` link',
    breaks: ['FACTORS.QUESTION.ENROLL.LINKS'],
  },
  {
    id: 'question.short-answer-accepted',
    description: 'an answer shorter than four characters is enrolled',
    breaks: ['FACTORS.QUESTION.ENROLL.SHORT_ANSWER'],
  },
  {
    id: 'question.unknown-question-accepted',
    description: 'a question key that is not a built-in question is enrolled',
    breaks: ['FACTORS.QUESTION.ENROLL.UNKNOWN_QUESTION'],
  },
  {
    id: 'question.accept-any-answer',
    description: 'verifying a question factor accepts any answer',
    breaks: ['FACTORS.QUESTION.VERIFY.WRONG_ANSWER'],
  },
  {
    id: 'question.answer-normalised-on-store',
    description: 'the answer is stored lower-cased but compared as sent, so the right answer with capitals is refused',
    breaks: ['FACTORS.QUESTION.VERIFY.GOOD_ANSWER'],
  },
] as const satisfies readonly FaultDefinition<RequirementId>[];
