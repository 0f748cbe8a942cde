import { afterAll, beforeAll, expect, test } from 'vitest';
import { runSuites, type SuiteRunOutcome } from '../../cli/run-suites.js';
import { startMockOrg, type RunningMockOrg } from '../../mock-org/index.js';
import { suiteLocation } from '../support/compiled-suites.js';

/**
 * A target without the control protocol (no clock, outbox, push responder, policy) is a real
 * org as far as the suites can tell: every check that needs a capability it lacks is skipped,
 * saying which, and no report counts it as passed; the others still run and pass.
 */

let mock: RunningMockOrg;
let outcome: SuiteRunOutcome;

beforeAll(async () => {
  mock = await startMockOrg({ control: false });
  outcome = await runSuites({
    ...suiteLocation(),
    target: { kind: 'http', baseUrl: mock.url, token: mock.token },
    filters: ['suites/okta-factors/totp', 'suites/okta-factors/catalog'],
  });
}, 240_000);

afterAll(() => mock.close());

test('no check fails; the clock-bound and policy-bound ones are skipped', () => {
  const { totals } = outcome.summary;
  expect(totals.failed).toBe(0);
  expect(totals.skipped).toBeGreaterThan(0);
  expect(totals.passed).toBeGreaterThan(0);
  expect(totals.passed + totals.skipped).toBe(totals.checks);
});

test('every skipped check says which capability the target lacks', () => {
  const skipped = outcome.summary.checks.filter((c) => c.state === 'skipped');
  expect(skipped.length).toBe(outcome.summary.totals.skipped);
  for (const check of skipped) {
    expect(check.skipReason, check.name).toMatch(/lacks the '(clock|policy)' capability/);
  }
});

test('a requirement whose every check was skipped is SKIP with the reason, never PASS', () => {
  const replay = outcome.summary.requirements.find((r) => r.id === 'FACTORS.TOTP.VERIFY.REPLAY');
  expect(replay?.result).toBe('skip');
  expect(replay?.reason).toMatch(/clock/);
  const policy = outcome.summary.requirements.find((r) => r.id === 'FACTORS.CATALOG.POLICY');
  expect(policy?.result).toBe('skip');
  expect(policy?.reason).toMatch(/'policy'/);
  // A requirement with a check that could run without the clock still passes on it.
  expect(outcome.summary.requirements.find((r) => r.id === 'FACTORS.TOTP.VERIFY.TIME_WINDOW')?.result).toBe('pass');
});
