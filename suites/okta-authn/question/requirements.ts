import { feature } from '../../../requirements/builders.js';
import { authnDoc } from '../../../requirements/sources.js';

const question = feature({ family: 'okta-authn', name: 'question', suite: 'suites/okta-authn/question' });

/** The security question through the Authentication API (spec §5.4). */
export const AUTHN_QUESTION_REQUIREMENTS = [
  question.must('AUTHN.QUESTION.ENROLL', 'enroll',
    'Enrolling a security question with its answer in MFA_ENROLL needs no activation: it answers SUCCESS with a sessionToken, and the factor reads back ACTIVE.',
    authnDoc('§5.4 MFA_ENROLL → SUCCESS', 'enroll-okta-security-question-factor')),
  question.must('AUTHN.QUESTION.VERIFY', 'verify',
    'Verifying the question in MFA_REQUIRED with the right answer answers SUCCESS with a sessionToken.',
    authnDoc('§5.4 MFA_REQUIRED → SUCCESS', 'verify-security-question-factor')),
  question.must('AUTHN.QUESTION.VERIFY.BAD_ANSWER', 'verify',
    'A wrong answer is refused 403 E0000068 and the transaction stays MFA_REQUIRED.',
    authnDoc('§5.4 MFA_REQUIRED → 403 E0000068', 'verify-security-question-factor')),
] as const;
