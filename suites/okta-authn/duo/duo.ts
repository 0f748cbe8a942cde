import { expect } from 'vitest';
import type { ApiClient, ApiResponse, Driver, DriverWith, TestUser } from '../../../drivers/contract.js';
import {
  type AuthnFactor,
  authnPost,
  currentFactor,
  entryFor,
  expectTransaction,
  factorList,
  follow,
  registerSignedValue,
  signIn,
  stateTokenOf,
  type Transaction,
} from '../authn.js';
import { type Link, linkOf } from '../../okta-factors/factors.js';
import { given } from '../../support/given.js';

/**
 * Duo (web/DUO) through the Authentication API (spec §5.6). The checks play the browser page: they read the Duo host
 * and the signed request from the activation or verification object, let the target's Duo responder (capability
 * `duo`) answer the prompt, post Duo's `sig_response` with the `stateToken` to the `complete` link as the
 * Duo widget's form does, and poll `next`.
 */

export const DUO = { factorType: 'web', provider: 'DUO' } as const;

/** Duo Web v2's sig_request: a TX value and an APP value, each `PREFIX|payload|signature` (spec §5.6). */
const SIG_REQUEST = /^TX\|[^:|]+\|[^:|]+:APP\|[^:|]+\|[^:|]+$/;

/** What the page hands the Duo widget. */
export interface DuoWidget {
  host: string;
  /** The Duo Web sig_request (`TX|…:APP|…`). */
  signature: string;
  factorResult?: string;
  _links: { complete: Link; script?: Link };
}


/** The factor's Duo `activation` (enrollment) or `verification` (challenge) object; its signature becomes a secret. */
function duoWidgetOf(driver: Driver, factor: AuthnFactor, key: 'activation' | 'verification'): DuoWidget {
  const widget = factor._embedded?.[key] as DuoWidget | undefined;
  if (typeof widget?.signature === 'string') registerSignedValue(driver, widget.signature);
  expect(widget !== undefined, `the Duo factor embeds its ${key} object`).toBe(true);
  expect(typeof widget?.host === 'string' && widget.host.length > 0, `the ${key} names the Duo API host`).toBe(true);
  // Booleans only: a matcher's subject lands in report step names, and the signature is a secret.
  expect(SIG_REQUEST.test(widget?.signature ?? ''), `the ${key} carries a Duo Web sig_request (TX|…:APP|…)`).toBe(true);
  expect(linkOf(widget as DuoWidget, 'complete').href, 'the complete link is the Duo callback').toMatch(/\/lifecycle\/duoCallback$/);
  return widget as DuoWidget;
}

/** The user approves the Duo prompt: Duo's sig_response (the responder must accept the sig_request). */
export async function duoApproves(driver: DriverWith<'duo'>, widget: DuoWidget): Promise<string> {
  const sigResponse = await driver.duo.authenticate(widget.host, widget.signature, 'approve');
  if (typeof sigResponse === 'string') registerSignedValue(driver, sigResponse);
  expect(typeof sigResponse === 'string', 'Duo answers an approved prompt with a sig_response').toBe(true);
  return sigResponse as string;
}

/** The Duo widget's form post to the complete link: `stateToken` and `sig_response`, form-encoded. */
export function postDuoCallback(driver: Driver, api: ApiClient, widget: DuoWidget, stateToken: string, sigResponse: string): Promise<ApiResponse> {
  registerSignedValue(driver, sigResponse);
  const form = new URLSearchParams({ stateToken, sig_response: sigResponse }).toString();
  return authnPost<unknown>(api, widget._links.complete.href, form, {
    rawBody: true,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html, application/json' },
  });
}

/** The callback took the response: a 2xx (the body is the target's; the widget's frame shows it). */
export function expectCallbackAccepted(res: ApiResponse): void {
  expect(res.status >= 200 && res.status < 300, `the Duo callback accepts a good response (HTTP ${res.status})`).toBe(true);
}

/** A copy of `sigResponse` with one hex digit of the AUTH or APP value's HMAC changed (the last one). */
export function tamper(sigResponse: string, part: 'AUTH' | 'APP'): string {
  const [auth = '', app = ''] = sigResponse.split(':');
  const flip = (value: string) => {
    const last = value.at(-1) ?? '0';
    const digit = (parseInt(last, 16) + 1) % 16;
    return value.slice(0, -1) + (Number.isNaN(digit) ? '0' : digit.toString(16));
  };
  return part === 'AUTH' ? `${flip(auth)}:${app}` : `${auth}:${flip(app)}`;
}

/** When Duo's AUTH value expires (epoch ms): the third field of its base64 payload, `username|ikey|expire` (Duo Web v2). */
export function authExpiryMs(sigResponse: string): number {
  const [auth = ''] = sigResponse.split(':');
  const [, payload = ''] = auth.split('|');
  const expire = Number(Buffer.from(payload, 'base64').toString('utf8').split('|')[2]);
  expect(Number.isInteger(expire) && expire > 0, 'the AUTH value carries its expiry').toBe(true);
  return expire * 1000;
}

export interface DuoInProgress {
  user: TestUser;
  txn: Transaction;
  stateToken: string;
  factor: AuthnFactor;
  widget: DuoWidget;
}

/** A fresh user signs in (Duo REQUIRED by the policy) and enrolls Duo: MFA_ENROLL_ACTIVATE. */
export async function startDuoEnrollment(driver: Driver, api: ApiClient, user?: TestUser): Promise<DuoInProgress> {
  const owner = user ?? (await driver.fixtures.createUser());
  const enrolling = await signIn(driver, api, owner, 'MFA_ENROLL');
  return given(
    'Duo enrollment started (MFA_ENROLL_ACTIVATE with the Duo widget)',
    async () => {
      const stateToken = stateTokenOf(enrolling);
      const entry = entryFor(factorList(enrolling), DUO.factorType, DUO.provider);
      const res = await authnPost(api, linkOf(entry, 'enroll').href, { stateToken, ...DUO });
      const txn = expectTransaction(driver, res, 'MFA_ENROLL_ACTIVATE');
      const factor = currentFactor(txn);
      return { user: owner, txn, stateToken, factor, widget: duoWidgetOf(driver, factor, 'activation') };
    },
    { by: 'AUTHN.DUO.ENROLL.ACTIVATION' },
  );
}

/** Polls `next` a few times (no waiting: the responder has answered already) until the transaction leaves WAITING. */
export async function pollUntilDone(api: ApiClient, txn: Transaction, stateToken: string, polls = 3): Promise<ApiResponse<Transaction>> {
  let res = await follow(api, txn, 'next', stateToken);
  for (let i = 1; i < polls && res.status === 200 && res.body.factorResult === 'WAITING'; i++) res = await follow(api, txn, 'next', stateToken);
  return res;
}

/** A fresh user with an active Duo factor, enrolled through the whole Duo flow. */
export async function userWithActiveDuo(driver: DriverWith<'duo'>, api: ApiClient): Promise<{ user: TestUser; factorId: string }> {
  const { user, txn, stateToken, factor, widget } = await startDuoEnrollment(driver, api);
  return given(
    'Duo enrollment completed (SUCCESS)',
    async () => {
      expectCallbackAccepted(await postDuoCallback(driver, api, widget, stateToken, await duoApproves(driver, widget)));
      expectTransaction(driver, await pollUntilDone(api, txn, stateToken), 'SUCCESS');
      return { user, factorId: factor.id as string };
    },
    { by: 'AUTHN.DUO.ENROLL.SUCCESS' },
  );
}

/** The user signs in (MFA_REQUIRED) and picks their Duo factor: MFA_CHALLENGE. */
export async function startDuoChallenge(driver: Driver, api: ApiClient, user: TestUser): Promise<DuoInProgress & { required: Transaction }> {
  const required = await signIn(driver, api, user, 'MFA_REQUIRED');
  return given(
    'a Duo challenge started (MFA_CHALLENGE with the Duo widget)',
    async () => {
      const stateToken = stateTokenOf(required);
      const entry = entryFor(factorList(required), DUO.factorType, DUO.provider);
      const txn = expectTransaction(driver, await authnPost(api, linkOf(entry, 'verify').href, { stateToken }), 'MFA_CHALLENGE');
      const factor = currentFactor(txn);
      return { user, txn, stateToken, factor, widget: duoWidgetOf(driver, factor, 'verification'), required };
    },
    { by: 'AUTHN.DUO.VERIFY.CHALLENGE' },
  );
}

/** Runs `body` with Duo REQUIRED by the factor policy (so a user without factors must enroll), then puts OPTIONAL back. */
export async function withDuoRequired(driver: DriverWith<'policy'>, body: () => Promise<void>): Promise<void> {
  await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'REQUIRED' }]);
  try {
    await body();
  } finally {
    await driver.policy.setFactorPolicy([{ ...DUO, enrollment: 'OPTIONAL' }]);
  }
}
