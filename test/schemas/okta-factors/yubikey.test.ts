import { describe, test } from 'vitest';

import { link } from '../fixtures/hal.js';
import { createdUser } from '../fixtures/user-examples.js';
import { assignedToken, uploadedToken } from '../fixtures/yubikey-token-examples.js';
import { changed, expectIssue, expectValid } from '../support.js';

describe('okta-factors/yubikey#token', () => {
  test('accepts the uploaded (UNASSIGNED) and the assigned (ACTIVE) token', () => {
    expectValid('okta-factors/yubikey#token', uploadedToken);
    expectValid('okta-factors/yubikey#token', assignedToken);
  });

  test('accepts an assigned token with the user embedded (expand=user)', () => {
    expectValid('okta-factors/yubikey#token', changed(assignedToken, { set: '/_embedded', to: { user: createdUser } }));
  });

  test.each(['id', 'created', 'lastUpdated', 'status', 'profile', '_links'])('rejects a token without %s', (member) => {
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { remove: `/${member}` }), '/', new RegExp(`required property "${member}"`));
  });

  test('rejects a status outside the token enum (factor statuses do not apply)', () => {
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { set: '/status', to: 'PENDING_ACTIVATION' }), '/status', /"BLOCKED", "UNASSIGNED", "ACTIVE", "REVOKED", "DELETED", "INACTIVE"/);
  });

  test('rejects a missing or non-numeric serial, and a numeric one', () => {
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { remove: '/profile/serial' }), '/profile', /required property "serial"/);
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { set: '/profile/serial', to: 'cccccijgibu' }), '/profile/serial', /must match pattern/);
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { set: '/profile/serial', to: 7886622 }), '/profile/serial', /must be string/);
  });

  test('rejects a token that echoes the uploaded secrets', () => {
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { set: '/aesKey', to: '1fcc6d8ce39bf1604e0b17f3e0a11067' }), '/', /must NOT have property "aesKey"/);
    expectIssue('okta-factors/yubikey#token', changed(uploadedToken, { set: '/profile/privateId', to: 'b74be6169486' }), '/profile', /must NOT have property "privateId"/);
  });

  test('rejects bad dates and a missing self link', () => {
    expectIssue('okta-factors/yubikey#token', changed(assignedToken, { set: '/activated', to: 'yesterday' }), '/activated', /date-time/);
    expectIssue('okta-factors/yubikey#token', changed(assignedToken, { remove: '/_links/self' }), '/_links', /required property "self"/);
  });

  test('accepts undocumented members and links', () => {
    expectValid('okta-factors/yubikey#token', changed(assignedToken, { set: '/profile/email', to: 'user@example.com' }, { set: '/_links/logs', to: link('/api/v1/logs', 'GET') }, { set: '/activated', to: null }));
  });
});
