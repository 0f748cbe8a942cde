import { expect } from 'vitest';
import type { ApiClient, FactorPolicyEntry } from '../../../drivers/contract.js';
import { check } from '../../support/check.js';
import { expectSchema, expectStatus } from '../../support/expect.js';
import { expectFactorsUnchanged, factorIds, factorsPath, linkOf, listFactors, type Link } from '../factors.js';
import { useTarget } from '../../support/target.js';
import { activeTotp, TOTP_FACTOR_TYPE } from '../totp/totp.js';

/** `GET /api/v1/users/{id}/factors/catalog` and the org's factor policy: spec §1 F3, §3.1. */

useTarget();

interface CatalogEntry {
  factorType: string;
  provider: string;
  /** Both documented examples omit status and enrollment ([S] SupportedFactorResults). */
  status?: string;
  enrollment?: string;
  _links?: Record<string, Link | Link[]>;
}

async function catalog(api: ApiClient, userId: string): Promise<CatalogEntry[]> {
  const res = await api.get<CatalogEntry[]>(`${factorsPath(userId)}/catalog`);
  expectStatus(res, 200);
  expect(Array.isArray(res.body), 'the catalog is an array').toBe(true);
  for (const entry of res.body) expectSchema('okta-factors/factor-catalog-entry', entry);
  return res.body;
}

const entryFor = (entries: CatalogEntry[], factorType: string, provider: string) =>
  entries.find((e) => e.factorType === factorType && e.provider === provider);

const GOOGLE_TOTP = { factorType: TOTP_FACTOR_TYPE, provider: 'GOOGLE' };
const OKTA_TOTP = { factorType: TOTP_FACTOR_TYPE, provider: 'OKTA' };

/** Changes the policy for the body of a check, then puts it back. */
async function withPolicy(set: (entries: FactorPolicyEntry[]) => Promise<void>, entries: FactorPolicyEntry[], body: () => Promise<void>) {
  await set(entries);
  try {
    await body();
  } finally {
    await set(entries.map((e) => ({ ...e, enrollment: 'OPTIONAL' })));
  }
}

check('FACTORS.CATALOG.POLICY', 'the catalog follows the policy: REQUIRED and OPTIONAL listed with enroll links, DISABLED absent', async ({ driver, api, newUser }) => {
  const user = await newUser();
  await withPolicy((e) => driver.policy.setFactorPolicy(e), [{ ...OKTA_TOTP, enrollment: 'REQUIRED' }, { ...GOOGLE_TOTP, enrollment: 'DISABLED' }], async () => {
    const entries = await catalog(api, user.id);
    const okta = entryFor(entries, OKTA_TOTP.factorType, OKTA_TOTP.provider);
    expect(okta, 'the REQUIRED factor is listed').toBeDefined();
    // Both documented catalog examples omit status and enrollment: each is checked when present.
    if (okta?.status !== undefined) expect(okta.status).toBe('NOT_SETUP');
    if (okta?.enrollment !== undefined) expect(okta.enrollment).toBe('REQUIRED');
    const enroll = linkOf(okta!, 'enroll');
    expect(new URL(enroll.href).pathname.endsWith(factorsPath(user.id)), `enroll link ${enroll.href}`).toBe(true);
    expect(entryFor(entries, GOOGLE_TOTP.factorType, GOOGLE_TOTP.provider), 'the DISABLED factor is not listed').toBeUndefined();
    for (const entry of entries) if (entry.enrollment !== undefined) expect(['REQUIRED', 'OPTIONAL']).toContain(entry.enrollment);
  });
  // With the policy back to OPTIONAL, the catalog says so.
  const restored = entryFor(await catalog(api, user.id), OKTA_TOTP.factorType, OKTA_TOTP.provider);
  expect(restored, 'the OPTIONAL factor is listed').toBeDefined();
  if (restored?.enrollment !== undefined) expect(restored.enrollment).toBe('OPTIONAL');
}, { needs: ['policy'] });

check('FACTORS.ENROLL.DISABLED', 'enrolling a factor the policy disables is refused and enrolls nothing', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const before = await factorIds(api, user.id);
  await withPolicy((e) => driver.policy.setFactorPolicy(e), [{ ...GOOGLE_TOTP, enrollment: 'DISABLED' }], async () => {
    const res = await api.post(factorsPath(user.id), GOOGLE_TOTP);
    expect(res.status, 'refused').toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectSchema('okta-factors/error', res.body);
    await expectFactorsUnchanged(api, user.id, before);
  });
}, { needs: ['policy'] });

check('FACTORS.CATALOG.ENROLLED', 'an enrolled factor is no longer NOT_SETUP in the catalog', async ({ driver, api, newUser }) => {
  const user = await newUser();
  const before = entryFor(await catalog(api, user.id), GOOGLE_TOTP.factorType, GOOGLE_TOTP.provider);
  expect(before, 'the org offers Google Authenticator').toBeDefined();
  if (before?.status !== undefined) expect(before.status).toBe('NOT_SETUP');
  await activeTotp(driver, api, 'GOOGLE', user);
  const after = entryFor(await catalog(api, user.id), GOOGLE_TOTP.factorType, GOOGLE_TOTP.provider);
  // Either listed with its new status, or no longer offered for enrollment: never NOT_SETUP.
  if (after) expect(after.status).not.toBe('NOT_SETUP');
});

check('FACTORS.CATALOG.PHONES', "the sms entry embeds the user's enrolled phone", async ({ api, newUser }) => {
  const user = await newUser();
  const phoneNumber = '+15555550123';
  // activate=true: no SMS is sent, so no outbox is needed to get an active phone.
  const res = await api.post<{ id: string; status: string }>(factorsPath(user.id), { factorType: 'sms', provider: 'OKTA', profile: { phoneNumber } }, { query: { activate: true } });
  expectStatus(res, 200);
  expect(res.body.status).toBe('ACTIVE');
  const sms = entryFor(await catalog(api, user.id), 'sms', 'OKTA') as (CatalogEntry & { _embedded?: { phones?: { profile?: { phoneNumber?: string }; status?: string }[] } }) | undefined;
  expect(sms, 'the org offers sms').toBeDefined();
  const phones = sms?._embedded?.phones ?? [];
  const digits = (n: string | undefined) => (n ?? '').replace(/\D/g, '');
  const mine = phones.find((p) => digits(p.profile?.phoneNumber) === digits(phoneNumber));
  expect(mine, `the enrolled phone among ${JSON.stringify(phones)}`).toBeDefined();
  expect(mine?.status).toBe('ACTIVE');
});
