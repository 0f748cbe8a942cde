import { expect } from 'vitest';
import { check } from '../../support/check.js';
import { useTarget } from '../../support/target.js';
import { allowedMethods, currentCode, type Link, linkOf } from '../../okta-factors/factors.js';
import { SMS } from '../../okta-factors/otp-activation/message-channels.js';
import { activeFactor } from '../../okta-factors/otp-activation/messages.js';
import { activeTotp } from '../../okta-factors/totp/totp.js';
import { AUTHN_PATH, authnPost, expectSuccess, expectTransaction, factorList, getState, type Transaction } from '../authn.js';
import { enrollThroughAuthn, postLink, required, withRequired } from '../factor-steps.js';

/**
 * What every factor step shares (spec §5.2): the links a transaction publishes carry `hints.allow` with exactly the one
 * method each takes (Okta Auth JS turns a link into a call only then), and introspection reads a transaction without
 * changing it.
 */

useTarget();

/** Every link of the transaction and of the factors it lists, by where it was found. */
function linksOf(txn: Transaction): [string, string, Link][] {
  const found: [string, string, Link][] = [];
  const add = (where: string, links: Record<string, Link | Link[]> | undefined) => {
    for (const [rel, value] of Object.entries(links ?? {})) for (const link of [value].flat()) found.push([rel, `${where}${rel}${link.name ? ` (${link.name})` : ''}`, link]);
  };
  add(`${txn.status} `, txn._links);
  const factors = [txn._embedded?.factors ?? txn._embedded?.factor].flat();
  for (const factor of factors) if (factor) add(`${txn.status} ${factor.factorType} `, factor._links);
  return found;
}

/** The relations that move a transaction: each is a POST. Others (a question factor's `questions`) name their own one method. */
const OPERATIONS = new Set(['next', 'prev', 'cancel', 'skip', 'resend', 'enroll', 'verify']);

function expectPostOnly(txn: Transaction): void {
  const links = linksOf(txn);
  expect(links.length, `${txn.status} publishes links`).toBeGreaterThan(0);
  for (const [rel, where, link] of links) {
    const allowed = allowedMethods(link);
    if (OPERATIONS.has(rel)) expect(allowed, `${where}: hints.allow`).toEqual(['POST']);
    else expect(allowed?.length, `${where}: hints.allow names one method`).toBe(1);
  }
}

check('AUTHN.LINKS.METHODS', 'every link of MFA_ENROLL, MFA_ENROLL_ACTIVATE, MFA_REQUIRED and MFA_CHALLENGE allows exactly POST', async ({ driver, api }) => {
  const sms = { factorType: 'sms', provider: 'OKTA' };
  await withRequired(driver, sms, async () => {
    const user = await driver.fixtures.createUser();
    const { res } = await enrollThroughAuthn(driver, api, sms, { profile: SMS.enrollBody(user).body.profile }, user);
    const activating = expectTransaction(driver, res, 'MFA_ENROLL_ACTIVATE');
    expectPostOnly(activating);
    const enrolling = expectTransaction(driver, await postLink(api, linkOf(activating, 'prev'), activating.stateToken as string), 'MFA_ENROLL');
    expectPostOnly(enrolling);
  });
  const setup = await activeFactor(driver, api, SMS);
  const { txn, stateToken, entry } = await required(driver, api, setup.user, setup.factor.id);
  expectPostOnly(txn);
  expectPostOnly(expectTransaction(driver, await postLink(api, linkOf(entry, 'verify'), stateToken), 'MFA_CHALLENGE'));
}, { needs: ['policy'] });

check('AUTHN.INTROSPECT', 'POST /api/v1/authn/introspect answers the transaction and changes nothing', async ({ driver, api }) => {
  const { user, factor, totp } = await activeTotp(driver, api, 'GOOGLE');
  const { stateToken } = await required(driver, api, user, factor.id);
  const seen = expectTransaction(driver, await authnPost(api, `${AUTHN_PATH}/introspect`, { stateToken }), 'MFA_REQUIRED');
  expect(seen.stateToken === stateToken, 'introspect answers the same transaction').toBe(true);
  expect(factorList(seen).some((f) => f.id === factor.id), 'with its factors').toBe(true);
  const after = expectTransaction(driver, await getState(api, stateToken), 'MFA_REQUIRED');
  const entry = factorList(after).find((f) => f.id === factor.id);
  expectSuccess(driver, await postLink(api, linkOf(entry ?? {}, 'verify'), stateToken, { passCode: await currentCode(driver, totp, 30_000) }), user);
});
