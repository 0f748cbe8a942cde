import { describe, test } from 'vitest';

import { link, namedLink, orgUrl } from './fixtures/hal.js';
import { expectIssue, expectValid } from './support.js';

describe('links schema', () => {
  test('accepts single links, arrays of links and any relation name', () => {
    expectValid('links', {
      self: link('/api/v1/users/u/factors/f', 'GET', 'DELETE'),
      resend: [namedLink('sms', '/api/v1/users/u/factors/f/resend', 'POST')],
      somethingNew: { href: orgUrl('/x'), title: 'new', deprecation: 'https://example.okta.com/d' },
    });
  });

  test('accepts a templated href as a URI template, and only then', () => {
    const templated = { href: orgUrl('/oauth2/v1/authorize?idp=0oa62bfdiumsUndnZ0h7{&client_id,state}'), templated: true };
    expectValid('links', { authorize: templated });
    expectIssue('links', { authorize: { ...templated, templated: false } }, '/authorize/href', /format "uri"/);
  });

  test('rejects a link without href, a relative href, and a non-boolean templated', () => {
    expectIssue('links', { self: { name: 'x' } }, '/self', /required property "href"/);
    expectIssue('links', { self: { href: '/api/v1/users/u' } }, '/self/href', /format "uri"/);
    expectIssue('links', { self: { href: orgUrl('/x'), templated: 'yes' } }, '/self/templated', /must be boolean/);
  });

  test('rejects hints.allow that is not an array of HTTP methods', () => {
    expectIssue('links', { self: { href: orgUrl('/x'), hints: { allow: 'GET' } } }, '/self/hints/allow', /must be array/);
    expectIssue('links', { self: { href: orgUrl('/x'), hints: { allow: ['get'] } } }, '/self/hints/allow/0', /must be one of/);
  });

  test('rejects a relation whose value is neither a link nor an array of links', () => {
    expectIssue('links', { self: 'https://example.okta.com/x' }, '/self', /must match one of: link, linkArray/);
    expectIssue('links', ['https://example.okta.com/x'], '/', /must be object/);
  });
});
