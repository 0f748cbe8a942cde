import { describe, test } from 'vitest';

import { createdUser } from '../fixtures/user-examples.js';
import { changed, expectIssue, expectValid } from '../support.js';

describe('user schema', () => {
  test('accepts the documented user', () => {
    expectValid('okta-factors/user', createdUser);
  });

  test('accepts null names, null timestamps and extra profile attributes', () => {
    expectValid('okta-factors/user', changed(createdUser, { set: '/profile/firstName', to: null }, { set: '/lastLogin', to: null }, { set: '/profile/costCenter', to: 'R&D' }, { set: '/realmId', to: 'guo1bfiNtSnZYILxO0g4' }));
  });

  test.each(['id', 'status', 'created', 'profile', '_links'])('rejects a user without %s', (member) => {
    expectIssue('okta-factors/user', changed(createdUser, { remove: `/${member}` }), '/', new RegExp(`required property "${member}"`));
  });

  test('rejects a profile without login or email, or with a bad email', () => {
    expectIssue('okta-factors/user', changed(createdUser, { remove: '/profile/login' }), '/profile', /required property "login"/);
    expectIssue('okta-factors/user', changed(createdUser, { remove: '/profile/email' }), '/profile', /required property "email"/);
    expectIssue('okta-factors/user', changed(createdUser, { set: '/profile/email', to: 'isaac.brock' }), '/profile/email', /format "email"/);
  });

  test('rejects an unknown status and a bad timestamp', () => {
    expectIssue('okta-factors/user', changed(createdUser, { set: '/status', to: 'ENABLED' }), '/status', /must be one of/);
    expectIssue('okta-factors/user', changed(createdUser, { set: '/created', to: '07/02/2013' }), '/created', /date-time/);
  });

  test('rejects credentials that leak the password or the recovery answer', () => {
    expectIssue('okta-factors/user', changed(createdUser, { set: '/credentials/password/value', to: 'tlpWENT2m' }), '/credentials/password', /must NOT have property "value"/);
    expectIssue('okta-factors/user', changed(createdUser, { set: '/credentials/recovery_question', to: { question: 'Who?', answer: 'Annie Oakley' } }), '/credentials/recovery_question', /must NOT have property "answer"/);
  });
});
