import { describe, test } from 'vitest';

import { enrollU2fResponse } from '../fixtures/factor-examples.js';
import { changed, embeddedActivation, expectIssue, expectValid } from '../support.js';

const u2f = embeddedActivation(enrollU2fResponse);

describe('okta-factors/u2f#activation', () => {
  test('accepts the documented activation and the Authn variant with appId', () => {
    expectValid('okta-factors/u2f#activation', u2f);
    expectValid('okta-factors/u2f#activation', changed(u2f, { set: '/appId', to: 'https://foo.example.com' }));
  });

  test('rejects missing nonce, a string timeout and a non-URI appId', () => {
    expectIssue('okta-factors/u2f#activation', changed(u2f, { remove: '/nonce' }), '/', /required property "nonce"/);
    expectIssue('okta-factors/u2f#activation', changed(u2f, { set: '/timeoutSeconds', to: '20' }), '/timeoutSeconds', /must be integer/);
    expectIssue('okta-factors/u2f#activation', changed(u2f, { set: '/appId', to: 'foo.example.com' }), '/appId', /format "uri"/);
  });
});
