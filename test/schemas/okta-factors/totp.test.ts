import { describe, test } from 'vitest';

import { enrollGoogleTotpResponse } from '../fixtures/factor-examples.js';
import { changed, embeddedActivation, expectIssue, expectValid } from '../support.js';

const totp = embeddedActivation(enrollGoogleTotpResponse);

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
