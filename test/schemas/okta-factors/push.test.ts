import { describe, test } from 'vitest';

import {
  enrollPushResponse,
  pushActivationTimeoutResponse,
  pushActivationWaitingResponse,
} from '../fixtures/factor-examples.js';
import { changed, embeddedActivation, expectIssue, expectValid } from '../support.js';

const push = embeddedActivation(enrollPushResponse);

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
