import { describe, expect, test } from 'vitest';

import { schemaFor } from '../../../schemas/index.js';
import { link } from '../fixtures/hal.js';
import {
  DOCUMENTED_VERIFY_RESULTS,
  pushChallengeWithNumberMatching,
  smsChallenge,
  u2fChallenge,
  webauthnChallenge,
} from '../fixtures/verify-result-examples.js';
import { changed, expectIssue, expectValid } from '../support.js';

const EVERY_DOCUMENTED_RESULT = [
  'CANCELLED',
  'CHALLENGE',
  'ERROR',
  'EXPIRED',
  'FAILED',
  'PASSCODE_REPLAYED',
  'REJECTED',
  'SUCCESS',
  'TIMEOUT',
  'TIME_WINDOW_EXCEEDED',
  'WAITING',
];

describe('factor-verify-result schema: documented examples', () => {
  test.each(Object.entries(DOCUMENTED_VERIFY_RESULTS))('accepts %s', (_name, result) => {
    expectValid('okta-factors/factor-verify-result', result);
  });

  test.each(EVERY_DOCUMENTED_RESULT)('accepts factorResult %s (union of [F], [S] and [L])', (factorResult) => {
    expectValid('okta-factors/factor-verify-result', { factorResult });
  });

  test('the enum is exactly the documented union', () => {
    const definitions = schemaFor('okta-factors/factor-verify-result').$defs as { factorResult: { enum: string[] } };
    expect([...definitions.factorResult.enum].sort()).toEqual([...EVERY_DOCUMENTED_RESULT].sort());
  });
});

describe('factor-verify-result schema: rejections', () => {
  test('rejects a result without factorResult', () => {
    expectIssue('okta-factors/factor-verify-result', changed(smsChallenge, { remove: '/factorResult' }), '/', /required property "factorResult"/);
  });

  test('rejects an undocumented factorResult, including the misspelling CANCELED', () => {
    expectIssue('okta-factors/factor-verify-result', { factorResult: 'APPROVED' }, '/factorResult', /must be one of/);
    expectIssue('okta-factors/factor-verify-result', { factorResult: 'CANCELED' }, '/factorResult', /must be one of/);
  });

  test('rejects wrong types: expiresAt, factorMessage, correctAnswer', () => {
    expectIssue('okta-factors/factor-verify-result', changed(pushChallengeWithNumberMatching, { set: '/expiresAt', to: 'in five minutes' }), '/expiresAt', /date-time/);
    expectIssue('okta-factors/factor-verify-result', { factorResult: 'FAILED', factorMessage: 42 }, '/factorMessage', /must be string,null/);
    const stringAnswer = changed(pushChallengeWithNumberMatching, { set: '/_embedded/challenge/correctAnswer', to: '72' });
    expectIssue('okta-factors/factor-verify-result', stringAnswer, '/_embedded/challenge', /must match one of: u2fChallenge, webauthnChallenge, numberMatchingChallenge/);
    expectIssue('okta-factors/factor-verify-result', stringAnswer, '/_embedded/challenge/correctAnswer', /\[numberMatchingChallenge\] must be integer/);
  });

  test('rejects a challenge of no documented shape', () => {
    expectIssue('okta-factors/factor-verify-result', changed(u2fChallenge, { remove: '/_embedded/challenge/nonce' }), '/_embedded/challenge', /must match one of/);
    expectIssue('okta-factors/factor-verify-result', changed(webauthnChallenge, { set: '/_embedded/challenge/challenge', to: '' }), '/_embedded/challenge', /must match one of/);
  });

  test('rejects a profile that leaks write-only data', () => {
    expectIssue('okta-factors/factor-verify-result', { factorResult: 'SUCCESS', profile: { answer: 'mayonnaise' } }, '/profile', /must NOT have property "answer" or "sharedSecret"/);
  });

  test('rejects malformed links', () => {
    expectIssue('okta-factors/factor-verify-result', changed(smsChallenge, { set: '/_links/verify/href', to: 'not a uri' }), '/_links/verify/href', /format "uri"/);
  });
});

describe('factor-verify-result schema: tolerance', () => {
  test('accepts undocumented properties and links', () => {
    const extended = changed(
      webauthnChallenge,
      { set: '/factorMessage', to: null },
      { set: '/_embedded/challenge/userVerification', to: 'preferred' },
      { set: '/_embedded/challenge/timeout', to: 60000 },
      { set: '/_links/next', to: { name: 'verify', ...link('/api/v1/x', 'POST') } },
      { set: '/riskLevel', to: 'LOW' },
    );
    expectValid('okta-factors/factor-verify-result', extended);
  });
});
