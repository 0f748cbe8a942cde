import { describe, test } from 'vitest';

import { enrollWebauthnResponse } from '../fixtures/factor-examples.js';
import { changed, embeddedActivation, expectIssue, expectValid } from '../support.js';

const webauthn = embeddedActivation(enrollWebauthnResponse);

describe('okta-factors/webauthn#activation', () => {
  test('accepts the documented creation options, and the Authn variant with u2fParams', () => {
    expectValid('okta-factors/webauthn#activation', webauthn);
    expectValid('okta-factors/webauthn#activation', changed(webauthn, { set: '/u2fParams', to: { appid: 'https://example.okta.com' } }));
  });

  test('rejects missing required members and wrong enums', () => {
    expectIssue('okta-factors/webauthn#activation', changed(webauthn, { remove: '/challenge' }), '/', /required property "challenge"/);
    expectIssue('okta-factors/webauthn#activation', changed(webauthn, { remove: '/user/id' }), '/user', /required property "id"/);
    expectIssue('okta-factors/webauthn#activation', changed(webauthn, { set: '/attestation', to: 'full' }), '/attestation', /must be one of/);
    expectIssue('okta-factors/webauthn#activation', changed(webauthn, { set: '/authenticatorSelection/userVerification', to: 'always' }), '/authenticatorSelection/userVerification', /must be one of/);
    expectIssue('okta-factors/webauthn#activation', changed(webauthn, { set: '/pubKeyCredParams', to: [] }), '/pubKeyCredParams', /must NOT have fewer than 1 items/);
    expectIssue('okta-factors/webauthn#activation', changed(webauthn, { set: '/pubKeyCredParams/1/type', to: 'password' }), '/pubKeyCredParams/1/type', /must be "public-key"/);
  });
});
