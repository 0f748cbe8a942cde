import { describe, expect, test } from 'vitest';
import { checkTargetAllowed, looksLikeProduction } from '../../cli/safety.js';
import { UsageError } from '../../cli/usage.js';

describe('run safety', () => {
  test('a host not allowed is refused with the flag that allows it', () => {
    expect(() => checkTargetAllowed('http://127.0.0.1:8080', { allowTargets: [], allowProduction: false })).toThrow(
      /refusing to write to 127\.0\.0\.1.*--allow-target 127\.0\.0\.1/,
    );
    expect(() => checkTargetAllowed('http://127.0.0.1:8080', { allowTargets: ['127.0.0.1'], allowProduction: false })).not.toThrow();
  });

  test('a production-looking host needs --allow-production as well; a preview org does not', () => {
    expect(() => checkTargetAllowed('https://integrator-123.okta.com', { allowTargets: ['integrator-123.okta.com'], allowProduction: false })).toThrow(UsageError);
    expect(() => checkTargetAllowed('https://integrator-123.okta.com', { allowTargets: ['integrator-123.okta.com'], allowProduction: true })).not.toThrow();
    expect(() => checkTargetAllowed('https://dev-1.oktapreview.com', { allowTargets: ['*.oktapreview.com'], allowProduction: false })).not.toThrow();
  });

  test('the Admin Console host is refused outright', () => {
    expect(() => checkTargetAllowed('https://dev-1-admin.okta.com', { allowTargets: ['dev-1-admin.okta.com'], allowProduction: true })).toThrow(/Admin Console/);
  });

  test.each([
    ['dev-1.oktapreview.com', false],
    ['acme.okta.com', true],
    ['acme.okta-emea.com', true],
    ['login.acme.example', false],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['203.0.113.9', true],
    ['sso.acme.com', true],
  ])('%s looks like production: %s', (host, production) => {
    expect(looksLikeProduction(host)).toBe(production);
  });
});
