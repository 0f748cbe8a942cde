import { describe, test } from 'vitest';

import { notSetUpEntry, supportedFactors } from '../fixtures/catalog-examples.js';
import { link } from '../fixtures/hal.js';
import { changed, expectIssue, expectValid } from '../support.js';

const questionEntry = supportedFactors[0];
const smsEntry = supportedFactors[3];

describe('factor-catalog-entry schema', () => {
  test.each(supportedFactors.map((entry) => [`${String(entry.factorType)}/${String(entry.provider)}`, entry]))('accepts the documented entry %s', (_name, entry) => {
    expectValid('okta-factors/factor-catalog-entry', entry);
  });

  test('accepts an entry with status NOT_SETUP and enrollment OPTIONAL', () => {
    expectValid('okta-factors/factor-catalog-entry', notSetUpEntry);
  });

  test('accepts the questions link under its [S] name "question" too', () => {
    const renamed = changed(questionEntry, { set: '/_links/question', to: link('/api/v1/users/u/factors/questions', 'GET') }, { remove: '/_links/questions' });
    expectValid('okta-factors/factor-catalog-entry', renamed);
  });

  test('rejects an entry without an enroll link, factorType or provider', () => {
    expectIssue('okta-factors/factor-catalog-entry', changed(notSetUpEntry, { remove: '/_links/enroll' }), '/_links', /required property "enroll"/);
    expectIssue('okta-factors/factor-catalog-entry', changed(notSetUpEntry, { remove: '/factorType' }), '/', /required property "factorType"/);
    expectIssue('okta-factors/factor-catalog-entry', changed(notSetUpEntry, { remove: '/provider' }), '/', /required property "provider"/);
  });

  test('rejects wrong enums and a provider that does not serve the factor type', () => {
    expectIssue('okta-factors/factor-catalog-entry', changed(notSetUpEntry, { set: '/enrollment', to: 'MANDATORY' }), '/enrollment', /"OPTIONAL", "REQUIRED"/);
    expectIssue('okta-factors/factor-catalog-entry', changed(notSetUpEntry, { set: '/status', to: 'AVAILABLE' }), '/status', /must be one of/);
    expectIssue('okta-factors/factor-catalog-entry', changed(notSetUpEntry, { set: '/provider', to: 'DUO' }), '/provider', /must be one of "OKTA"/);
  });

  test('checks the embedded phones of the sms entry', () => {
    expectIssue('okta-factors/factor-catalog-entry', changed(smsEntry, { set: '/_embedded/phones/0/status', to: 'VERIFIED' }), '/_embedded/phones/0/status', /"ACTIVE", "INACTIVE"/);
    expectIssue('okta-factors/factor-catalog-entry', changed(smsEntry, { remove: '/_embedded/phones/0/id' }), '/_embedded/phones/0', /required property "id"/);
  });

  test('accepts undocumented properties and links', () => {
    expectValid('okta-factors/factor-catalog-entry', changed(smsEntry, { set: '/_links/help', to: link('/help', 'GET') }, { set: '/_embedded/phones/0/lastVerified', to: 'x' }, { set: '/policyId', to: 'p1' }));
  });
});
