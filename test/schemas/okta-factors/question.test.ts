import { describe, test } from 'vitest';

import { securityQuestions } from '../fixtures/catalog-examples.js';
import { changed, expectIssue, expectValid } from '../support.js';

describe('okta-factors/question#securityQuestion', () => {
  test.each(securityQuestions.map((question) => [String(question.question), question]))('accepts %s', (_name, question) => {
    expectValid('okta-factors/question#securityQuestion', question);
  });

  test('rejects an unknown key, a missing text and a wrong type', () => {
    const [first] = securityQuestions;
    expectIssue('okta-factors/question#securityQuestion', changed(first, { set: '/question', to: 'mothers_maiden_name' }), '/question', /must be one of/);
    expectIssue('okta-factors/question#securityQuestion', changed(first, { remove: '/questionText' }), '/', /required property "questionText"/);
    expectIssue('okta-factors/question#securityQuestion', changed(first, { set: '/questionText', to: ['x'] }), '/questionText', /must be string/);
  });

  test('accepts extra members', () => {
    expectValid('okta-factors/question#securityQuestion', changed(securityQuestions[1], { set: '/locale', to: 'en' }));
  });
});
