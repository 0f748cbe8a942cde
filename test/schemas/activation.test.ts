import { describe, test } from 'vitest';

import {
  enrollGoogleTotpResponse,
  enrollPushResponse,
  enrollU2fResponse,
  enrollWebauthnResponse,
  pushActivationTimeoutResponse,
  pushActivationWaitingResponse,
} from './fixtures/factor-examples.js';
import { changed, expectIssue, expectValid } from './support.js';

function embeddedActivation(factor: Record<string, unknown>): unknown {
  return (factor._embedded as Record<string, unknown>).activation;
}

const totp = embeddedActivation(enrollGoogleTotpResponse);
const push = embeddedActivation(enrollPushResponse);
const u2f = embeddedActivation(enrollU2fResponse);
const webauthn = embeddedActivation(enrollWebauthnResponse);

describe('okta-factors/totp#activation', () => {
  test('accepts the documented activation, with timeStep as a number or a numeric string', () => {
    expectValid('okta-factors/totp#activation', totp);
    expectValid('okta-factors/totp#activation', changed(totp, { set: '/timeStep', to: '30' }));
  });

  test('rejects a timeStep that is neither', () => {
    expectIssue('okta-factors/totp#activation', changed(totp, { set: '/timeStep', to: 'thirty' }), '/timeStep', /must match one of: seconds as a number, seconds as a string of digits/);
    expectIssue('okta-factors/totp#activation', changed(totp, { set: '/timeStep', to: 0 }), '/timeStep', /must be >= 1/);
  });

  test('checks the shared secret against the declared encoding', () => {
    expectIssue('okta-factors/totp#activation', changed(totp, { set: '/sharedSecret', to: 'JBTWGV22G4ZGKV18' }), '/sharedSecret', /must match pattern/);
    expectValid('okta-factors/totp#activation', changed(totp, { set: '/encoding', to: 'base64' }, { set: '/sharedSecret', to: 'SGVsbG8gd29ybGQ=' }));
  });

  test('rejects a missing or non-integer keyLength', () => {
    expectIssue('okta-factors/totp#activation', changed(totp, { remove: '/keyLength' }), '/', /required property "keyLength"/);
    expectIssue('okta-factors/totp#activation', changed(totp, { set: '/keyLength', to: '6' }), '/keyLength', /must be integer/);
  });
});

describe('okta-factors/push#activation', () => {
  test('accepts the embedded activation and both documented activate-poll bodies', () => {
    expectValid('okta-factors/push#activation', push);
    expectValid('okta-factors/push#activation', pushActivationWaitingResponse);
    expectValid('okta-factors/push#activation', pushActivationTimeoutResponse);
  });

  test('a WAITING activation needs expiresAt and links', () => {
    expectIssue('okta-factors/push#activation', changed(push, { remove: '/expiresAt' }), '/', /required property "expiresAt"/);
    expectIssue('okta-factors/push#activation', changed(push, { remove: '/_links' }), '/', /required property "_links"/);
  });

  test('rejects a result outside WAITING, CANCELLED, TIMEOUT, ERROR and unnamed send links', () => {
    expectIssue('okta-factors/push#activation', changed(push, { set: '/factorResult', to: 'SUCCESS' }), '/factorResult', /"WAITING", "CANCELLED", "TIMEOUT", "ERROR"/);
    expectIssue('okta-factors/push#activation', changed(push, { remove: '/_links/send/1/name' }), '/_links/send/1', /required property "name"/);
  });
});

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
