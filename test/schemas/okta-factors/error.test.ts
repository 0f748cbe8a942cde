import { describe, test } from 'vitest';

import { DOCUMENTED_ERRORS } from '../fixtures/error-examples.js';
import { changed, expectIssue, expectValid } from '../support.js';

const passcodeError = DOCUMENTED_ERRORS['E0000068 wrong passcode'];

describe('error schema', () => {
  test.each(Object.entries(DOCUMENTED_ERRORS))('accepts %s', (_name, error) => {
    expectValid('okta-factors/error', error);
  });

  test.each(['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'])('rejects an error without %s', (member) => {
    expectIssue('okta-factors/error', changed(passcodeError, { remove: `/${member}` }), '/', new RegExp(`required property "${member}"`));
  });

  test('rejects error codes that are not E plus seven digits', () => {
    expectIssue('okta-factors/error', changed(passcodeError, { set: '/errorCode', to: 'E68' }), '/errorCode', /must match pattern/);
    expectIssue('okta-factors/error', changed(passcodeError, { set: '/errorCode', to: 'e0000068' }), '/errorCode', /must match pattern/);
  });

  test('rejects an empty errorId and causes of the wrong shape', () => {
    expectIssue('okta-factors/error', changed(passcodeError, { set: '/errorId', to: '' }), '/errorId', /fewer than 1 characters/);
    expectIssue('okta-factors/error', changed(passcodeError, { set: '/errorCauses', to: { errorSummary: 'x' } }), '/errorCauses', /must be array/);
    expectIssue('okta-factors/error', changed(passcodeError, { set: '/errorCauses/0', to: { reason: 'x' } }), '/errorCauses/0', /required property "errorSummary"/);
  });

  test('accepts any non-empty errorId and extra members', () => {
    expectValid('okta-factors/error', changed(passcodeError, { set: '/errorId', to: 'x' }, { set: '/errorCauses/0/location', to: 'passCode' }, { set: '/status', to: 403 }));
  });
});
