import { feature } from '../../../requirements/builders.js';
import { factorsDoc, factorsSpec, recorded } from '../../../requirements/sources.js';

const question = feature({ family: 'okta-factors', name: 'question', suite: 'suites/okta-factors/question' });

/** question / OKTA, the security question factor: spec §1 F4, §2.1, §2.13. */
export const QUESTION_REQUIREMENTS = [
  question.must('FACTORS.QUESTION.LIST', 'list questions',
    'GET …/factors/questions answers 200 with an array of {question, questionText}: built-in question keys, each once, with its text (live orgs list 19 of the 20 documented keys).',
    factorsDoc('§1 F4 List security questions', 'list-security-questions')),
  question.must('FACTORS.QUESTION.ENROLL.ACTIVE', 'enroll',
    'Enrolling a question factor with a built-in question and an answer answers 200 with the factor ACTIVE at once, its profile holding the question and its questionText; it reads back ACTIVE and is listed.',
    factorsDoc('§2.1 Enroll Okta Security Question factor', 'enroll-okta-security-question-factor')),
  question.must('FACTORS.QUESTION.ENROLL.LINKS', 'enroll',
    'An active question factor publishes `questions` (GET …/factors/questions), `self` (GET, DELETE) and `user` links.',
    factorsDoc('§2.1, §4.1 questions link', 'enroll-okta-security-question-factor')),
  question.must('FACTORS.QUESTION.ANSWER.WRITE_ONLY', 'enroll',
    'The answer is write-only: no enroll, get, list or verify response returns it.',
    factorsSpec('§2.1 question profile: answer is write-only', 'operation/enrollFactor')),
  question.must('FACTORS.QUESTION.ENROLL.SHORT_ANSWER', 'enroll',
    'An answer shorter than four characters is refused with a 400 error and enrolls nothing.',
    factorsDoc('§2.13 Question profile: answer, min 4 characters', 'question-profile')),
  question.must('FACTORS.QUESTION.ENROLL.UNKNOWN_QUESTION', 'enroll',
    'A question key that is not one of the questions offered is refused with a 400 error and enrolls nothing.',
    factorsDoc('§2.1 Built-in question keys', 'built-in-question-keys')),
  question.must('FACTORS.QUESTION.VERIFY.GOOD_ANSWER', 'verify',
    'Verifying with the enrolled answer answers 200 {factorResult: SUCCESS}; the factor stays ACTIVE.',
    factorsDoc('§2.1 Verify Security Question factor', 'verify-security-question-factor')),
  question.must('FACTORS.QUESTION.VERIFY.WRONG_ANSWER', 'verify',
    'Verifying with a wrong answer is refused with 403 E0000068; the factor stays ACTIVE.',
    factorsDoc('§2.1 Verify Security Question factor', 'verify-security-question-factor')),
  question.should('FACTORS.QUESTION.UPDATE', 'update',
    'PUT …/factors/{id} with a new question and answer answers 200 with the factor carrying the new question; it reads back so, the new answer verifies and the old one is refused.',
    recorded('terraform-provider-okta okta_user_factor_question recordings (test/fixtures/real/terraform/)', 'https://github.com/okta/terraform-provider-okta/blob/bb6ac0a4f71d8a97ac4263addd3f1bcde630ae37/test/fixtures/vcr/idaas/TestAccResourceOktaUserFactorQuestion_crud/classic-00.yaml')),
] as const;
