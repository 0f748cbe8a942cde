import { describe, expect, test } from 'vitest';

import { schemaFor } from '../../../schemas/index.js';
import {
  DOCUMENTED_FACTORS,
  activatePushActivatedResponse,
  activateSmsResponse,
  activateWebauthnResponse,
  constructedDuoFactor,
  constructedFastPassFactor,
  enrollCallResponse,
  enrollCustomTotpResponse,
  enrollEmailResponse,
  enrollGoogleTotpResponse,
  enrollOktaVerifyTotpResponse,
  enrollPushResponse,
  enrollQuestionResponse,
  enrollRsaSecurIdResponse,
  enrollSmsResponse,
  enrollU2fResponse,
  enrollWebauthnResponse,
  enrollYubikeyResponse,
} from '../fixtures/factor-examples.js';
import { link } from '../fixtures/hal.js';
import { changed, expectIssue, expectValid, issuesFor } from '../support.js';

describe('factor schema: documented examples', () => {
  test.each(Object.entries(DOCUMENTED_FACTORS))('accepts %s', (_name, factor) => {
    expectValid('okta-factors/factor', factor);
  });

  test('accepts the two factor types that have no published Factors API example (built from [S])', () => {
    expectValid('okta-factors/factor', constructedDuoFactor);
    expectValid('okta-factors/factor', constructedFastPassFactor);
  });

  test('the examples cover every factorType of the enum', () => {
    const factorTypeSchema = schemaFor('okta-factors/factor').$defs as { factorType: { enum: string[] } };
    const covered = new Set(
      [...Object.values(DOCUMENTED_FACTORS), constructedDuoFactor, constructedFastPassFactor].map((factor) => factor.factorType),
    );
    expect([...covered].sort()).toEqual([...factorTypeSchema.factorType.enum].sort());
  });
});

describe('factor schema: what the protocol fixes', () => {
  test.each(['id', 'factorType', 'provider', 'status', '_links'])('rejects a factor without %s', (property) => {
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { remove: `/${property}` }), '/', new RegExp(`required property "${property}"`));
  });

  test('rejects a factor without a self link', () => {
    expectIssue('okta-factors/factor', changed(activateSmsResponse, { remove: '/_links/self' }), '/_links', /required property "self"/);
  });

  test('rejects a status outside the enum', () => {
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/status', to: 'ENABLED' }), '/status', /must be one of .*"PENDING_ACTIVATION"/);
  });

  test('rejects an unknown factorType and an unknown provider', () => {
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/factorType', to: 'voice' }), '/factorType', /must be one of/);
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/provider', to: 'TWILIO' }), '/provider', /must be one of/);
  });

  test.each([
    ['sms', enrollSmsResponse, 'GOOGLE'],
    ['token', enrollRsaSecurIdResponse, 'OKTA'],
    ['token:software:totp', enrollGoogleTotpResponse, 'FIDO'],
    ['token:hardware', enrollYubikeyResponse, 'RSA'],
    ['webauthn', enrollWebauthnResponse, 'OKTA'],
    ['token:hotp', enrollCustomTotpResponse, 'OKTA'],
  ] as const)('rejects a %s factor from a provider that does not serve it', (factorType, factor, provider) => {
    const issues = issuesFor('okta-factors/factor', changed(factor, { set: '/provider', to: provider }));
    expect(issues).toContainEqual({ path: '/provider', message: expect.stringMatching(/must be one of/) });
    expect(issues).toContainEqual({ path: '/', message: expect.stringContaining(`factorType ${JSON.stringify(factorType)}`) });
  });

  test('rejects dates that are not RFC 3339 date-times', () => {
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/created', to: '2014-08-05 20:59:49' }), '/created', /date-time/);
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/lastUpdated', to: 1407297589000 }), '/lastUpdated', /must be string/);
  });

  test('rejects an href that is not a URI', () => {
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/_links/self/href', to: 'factors/mbl1nz9JHJGHWRKMTLHP' }), '/_links/self/href', /format "uri"/);
  });

  test('rejects resend as a single link, and resend entries without a name', () => {
    const single = changed(enrollSmsResponse, { set: '/_links/resend', to: link('/api/v1/users/u/factors/f/resend', 'POST') });
    expectIssue('okta-factors/factor', single, '/_links/resend', /must be array/);
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { remove: '/_links/resend/0/name' }), '/_links/resend/0', /required property "name"/);
  });

  test('rejects a method outside HTTP in hints.allow', () => {
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/_links/self/hints/allow/0', to: 'FETCH' }), '/_links/self/hints/allow/0', /must be one of/);
  });
});

describe('factor schema: write-only input never comes back', () => {
  test("rejects a question factor whose profile leaks the answer", () => {
    const leaked = changed(enrollQuestionResponse, { set: '/profile/answer', to: 'mayonnaise' });
    expectIssue('okta-factors/factor', leaked, '/profile', /must NOT have property "answer"/);
    expectIssue('okta-factors/factor', leaked, '/', /rules that apply when factorType "question" \(question factor\)/);
  });

  test('rejects a Custom TOTP factor whose profile leaks the shared secret', () => {
    const leaked = changed(enrollCustomTotpResponse, { set: '/profile', to: { sharedSecret: '484f97be3213b117e3a20438e291540a' } });
    expectIssue('okta-factors/factor', leaked, '/profile', /must NOT have property "sharedSecret"/);
  });

  test('rejects a token factor that echoes the verify object', () => {
    const leaked = changed(enrollRsaSecurIdResponse, { set: '/verify', to: { passCode: '5275875498' } });
    expectIssue('okta-factors/factor', leaked, '/', /must NOT have property "verify"/);
  });
});

describe('factor schema: per-type profiles', () => {
  test('a question profile needs a built-in question key and its text', () => {
    expectIssue('okta-factors/factor', changed(enrollQuestionResponse, { set: '/profile/question', to: 'pet_name' }), '/profile/question', /must be one of/);
    expectIssue('okta-factors/factor', changed(enrollQuestionResponse, { remove: '/profile/questionText' }), '/profile', /required property "questionText"/);
  });

  test('phone numbers: E.164 and the documented dashed form pass, anything else fails', () => {
    expectValid('okta-factors/factor', changed(enrollSmsResponse, { set: '/profile/phoneNumber', to: '+14155992671' }));
    expectValid('okta-factors/factor', changed(enrollSmsResponse, { set: '/profile/phoneNumber', to: '+1-555-415-1337' }));
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/profile/phoneNumber', to: '+1-555-CALL-NOW' }), '/profile/phoneNumber', /must match one of: E\.164/);
    expectIssue('okta-factors/factor', changed(enrollSmsResponse, { set: '/profile/phoneNumber', to: 14155992671 }), '/profile/phoneNumber', /must be string/);
  });

  test('a call profile may carry a null extension but not one longer than 15', () => {
    expectValid('okta-factors/factor', changed(enrollCallResponse, { set: '/profile/phoneExtension', to: null }));
    expectIssue('okta-factors/factor', changed(enrollCallResponse, { set: '/profile/phoneExtension', to: '1234567890123456' }), '/profile/phoneExtension', /must NOT have more than 15 characters/);
  });

  test('an email profile holds an email address', () => {
    const withProfile = changed(enrollEmailResponse, { set: '/profile', to: { email: 'not-an-address' } });
    expectIssue('okta-factors/factor', withProfile, '/profile/email', /format "email"/);
  });

  test('token, u2f and webauthn profiles hold a credentialId', () => {
    expectIssue('okta-factors/factor', changed(enrollRsaSecurIdResponse, { set: '/profile', to: {} }), '/profile', /required property "credentialId"/);
    expectIssue('okta-factors/factor', changed(activateWebauthnResponse, { set: '/profile/credentialId', to: 42 }), '/profile/credentialId', /must be string/);
  });

  test('push profiles are all optional strings', () => {
    expectValid('okta-factors/factor', changed(activatePushActivatedResponse, { set: '/profile', to: {} }));
    expectIssue('okta-factors/factor', changed(activatePushActivatedResponse, { set: '/profile/version', to: 9 }), '/profile/version', /must be string/);
  });
});

describe('factor schema: embedded activation objects', () => {
  test('checks the TOTP activation of a TOTP factor', () => {
    expectIssue('okta-factors/factor', changed(enrollOktaVerifyTotpResponse, { set: '/_embedded/activation/encoding', to: 'hex' }), '/_embedded/activation/encoding', /"base32", "base64"/);
    expectIssue('okta-factors/factor', changed(enrollOktaVerifyTotpResponse, { remove: '/_embedded/activation/sharedSecret' }), '/_embedded/activation', /required property "sharedSecret"/);
  });

  test('checks the push activation of a push factor', () => {
    expectIssue('okta-factors/factor', changed(enrollPushResponse, { set: '/_embedded/activation/factorResult', to: 'SUCCESS' }), '/_embedded/activation/factorResult', /must be one of/);
  });

  test('checks the U2F activation of a u2f factor', () => {
    expectIssue('okta-factors/factor', changed(enrollU2fResponse, { remove: '/_embedded/activation/nonce' }), '/_embedded/activation', /required property "nonce"/);
  });

  test('checks the WebAuthn creation options of a webauthn factor', () => {
    const badParam = changed(enrollWebauthnResponse, { set: '/_embedded/activation/pubKeyCredParams/0/alg', to: 'ES256' });
    expectIssue('okta-factors/factor', badParam, '/_embedded/activation/pubKeyCredParams/0/alg', /must be integer/);
  });

  test('accepts the qrcode link in either documented place, and checks it is a PNG link', () => {
    expectValid('okta-factors/factor', enrollOktaVerifyTotpResponse);
    expectValid('okta-factors/factor', enrollGoogleTotpResponse);
    expectIssue('okta-factors/factor', changed(enrollOktaVerifyTotpResponse, { set: '/_embedded/_links/qrcode/type', to: 'text/html' }), '/_embedded/_links/qrcode/type', /must be "image\/png"/);
  });
});

describe('factor schema: what a real org may add or vary', () => {
  test('accepts undocumented properties at every level', () => {
    const extended = changed(
      enrollPushResponse,
      { set: '/orgPolicyHint', to: { anything: true } },
      { set: '/_embedded/activation/deviceLabel', to: 'new field' },
      { set: '/_links/self/title', to: 'self' },
      { set: '/_links/self/deprecation', to: 'https://example.okta.com/deprecated' },
    );
    expectValid('okta-factors/factor', extended);
  });

  test('accepts extra link relations, single or arrays', () => {
    const withLinks = changed(
      activateSmsResponse,
      { set: '/_links/audit', to: link('/api/v1/logs?filter=x', 'GET') },
      { set: '/_links/alternates', to: [link('/a', 'GET'), link('/b')] },
    );
    expectValid('okta-factors/factor', withLinks);
  });

  test('does not care about key order', () => {
    const reversed = Object.fromEntries(Object.entries(enrollCallResponse).reverse());
    expectValid('okta-factors/factor', reversed);
  });

  test('accepts every documented alternative: DISABLED status, question link named "question", timeStep as a string', () => {
    expectValid('okta-factors/factor', changed(activateSmsResponse, { set: '/status', to: 'DISABLED' }));
    const renamedLink = changed(enrollQuestionResponse, { set: '/_links/question', to: link('/api/v1/users/u/factors/questions', 'GET') }, { remove: '/_links/questions' });
    expectValid('okta-factors/factor', renamedLink);
    expectValid('okta-factors/factor', changed(enrollGoogleTotpResponse, { set: '/_embedded/activation/timeStep', to: '30' }));
  });
});
