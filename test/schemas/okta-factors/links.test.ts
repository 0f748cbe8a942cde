import { describe, test } from 'vitest';

import { link, namedLink, orgUrl } from '../fixtures/hal.js';
import { expectIssue, expectValid } from '../support.js';

describe('links schema', () => {
  test('accepts single links, arrays of links and any relation name', () => {
    expectValid('okta-factors/links', {
      self: link('/api/v1/users/u/factors/f', 'GET', 'DELETE'),
      resend: [namedLink('sms', '/api/v1/users/u/factors/f/resend', 'POST')],
      somethingNew: { href: orgUrl('/x'), title: 'new', deprecation: 'https://example.okta.com/d' },
    });
  });

  test('accepts a templated href as a URI template, and only then', () => {
    const templated = { href: orgUrl('/oauth2/v1/authorize?idp=0oa62bfdiumsUndnZ0h7{&client_id,state}'), templated: true };
    expectValid('okta-factors/links', { authorize: templated });
    expectIssue('okta-factors/links', { authorize: { ...templated, templated: false } }, '/authorize/href', /format "uri"/);
  });

  test('rejects a link without href, a relative href, and a non-boolean templated', () => {
    expectIssue('okta-factors/links', { self: { name: 'x' } }, '/self', /required property "href"/);
    expectIssue('okta-factors/links', { self: { href: '/api/v1/users/u' } }, '/self/href', /format "uri"/);
    expectIssue('okta-factors/links', { self: { href: orgUrl('/x'), templated: 'yes' } }, '/self/templated', /must be boolean/);
  });

  test('rejects hints.allow that is not an array of HTTP methods', () => {
    expectIssue('okta-factors/links', { self: { href: orgUrl('/x'), hints: { allow: 'GET' } } }, '/self/hints/allow', /must be array/);
    expectIssue('okta-factors/links', { self: { href: orgUrl('/x'), hints: { allow: ['get'] } } }, '/self/hints/allow/0', /must be one of/);
  });

  test('rejects a relation whose value is neither a link nor an array of links', () => {
    expectIssue('okta-factors/links', { self: 'https://example.okta.com/x' }, '/self', /must match one of: link, linkArray/);
    expectIssue('okta-factors/links', ['https://example.okta.com/x'], '/', /must be object/);
  });
});
