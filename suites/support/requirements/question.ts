import type { Requirement } from '../../../reports/check-meta.js';
import { FACTORS, factorsDoc, factorsSpec, req } from './source.js';

const QUESTION = 'question';

/** question / OKTA, the security question factor: spec §1 F4, §2.1, §2.13. */
export const QUESTION_REQUIREMENTS: readonly Requirement[] = [
  req('FACTORS.QUESTION.LIST', 'MUST', FACTORS, QUESTION, 'list questions',
    'GET …/factors/questions answers 200 with an array of {question, questionText} that offers every built-in question key once.',
    factorsDoc('§1 F4 List security questions', 'list-security-questions')),
  req('FACTORS.QUESTION.ENROLL.ACTIVE', 'MUST', FACTORS, QUESTION, 'enroll',
    'Enrolling a question factor with a built-in question and an answer answers 200 with the factor ACTIVE at once, its profile holding the question and its questionText; it reads back ACTIVE and is listed.',
    factorsDoc('§2.1 Enroll Okta Security Question factor', 'enroll-okta-security-question-factor')),
  req('FACTORS.QUESTION.ENROLL.LINKS', 'MUST', FACTORS, QUESTION, 'enroll',
    'An active question factor publishes `questions` (GET …/factors/questions), `self` (GET, DELETE) and `user` links.',
    factorsDoc('§2.1, §4.1 questions link', 'enroll-okta-security-question-factor')),
  req('FACTORS.QUESTION.ANSWER.WRITE_ONLY', 'MUST', FACTORS, QUESTION, 'enroll',
    'The answer is write-only: no enroll, get, list or verify response returns it.',
    factorsSpec('§2.1 question profile: answer is write-only', 'operation/enrollFactor')),
  req('FACTORS.QUESTION.ENROLL.SHORT_ANSWER', 'MUST', FACTORS, QUESTION, 'enroll',
    'An answer shorter than four characters is refused with a 400 error and enrolls nothing.',
    factorsDoc('§2.13 Question profile: answer, min 4 characters', 'question-profile')),
  req('FACTORS.QUESTION.ENROLL.UNKNOWN_QUESTION', 'MUST', FACTORS, QUESTION, 'enroll',
    'A question key that is not one of the questions offered is refused with a 400 error and enrolls nothing.',
    factorsDoc('§2.1 Built-in question keys', 'built-in-question-keys')),
  req('FACTORS.QUESTION.VERIFY.GOOD_ANSWER', 'MUST', FACTORS, QUESTION, 'verify',
    'Verifying with the enrolled answer answers 200 {factorResult: SUCCESS}; the factor stays ACTIVE.',
    factorsDoc('§2.1 Verify Security Question factor', 'verify-security-question-factor')),
  req('FACTORS.QUESTION.VERIFY.WRONG_ANSWER', 'MUST', FACTORS, QUESTION, 'verify',
    'Verifying with a wrong answer is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.1 Verify Security Question factor', 'verify-security-question-factor')),
];
