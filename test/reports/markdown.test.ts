import { describe, expect, test } from 'vitest';
import type { FamilyId, Requirement } from '../../requirements/index.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { buildSummary, type CheckRecord } from '../../reports/summary.js';

function requirement(id: string, family: FamilyId, feature: string, title = `${id} holds`): Requirement {
  const source = { tag: 'F', section: id, url: `https://example.test/${id}` };
  return { id, level: 'MUST', family, feature, story: 'verify', title, source, suite: `suites/${family}/${feature}` };
}

const catalog = [
  requirement('F.TOTP.A', 'okta-factors', 'token:software:totp'),
  requirement('AUTHN.SMS.A', 'okta-authn', 'sms'),
  requirement('F.SMS.A', 'okta-factors', 'sms', 'Title with | a pipe\nand a newline'),
  requirement('F.TOTP.B', 'okta-factors', 'token:software:totp'),
  requirement('F.TOTP.C', 'okta-factors', 'token:software:totp'),
];

const checks: CheckRecord[] = [
  { name: 'totp > good code', module: 'suites/okta-factors/totp/totp.test.ts', state: 'passed', requirements: ['F.TOTP.A'] },
  {
    name: 'totp > bad code',
    module: 'suites/okta-factors/totp/totp.test.ts',
    state: 'failed',
    requirements: ['F.TOTP.B'],
    errors: ['[status] HTTP 500, expected 200'],
    failureKind: 'status',
  },
  {
    name: 'totp > verify',
    module: 'suites/okta-factors/totp/totp.test.ts',
    state: 'blocked',
    requirements: ['F.TOTP.C'],
    blockedBy: { precondition: 'a pending TOTP factor', by: 'F.TOTP.B', message: '[status] HTTP 500, expected 200' },
  },
  { name: 'sms > resend', module: 'suites/okta-factors/sms/sms.test.ts', state: 'skipped', requirements: ['F.SMS.A'], skipReason: 'driver lacks otp-outbox' },
];

const summary = buildSummary({
  requirements: catalog,
  checks,
  target: 'https://example.okta.com',
  driver: 'http',
  startedAt: '2026-01-02T03:04:05.000Z',
  durationMs: 12_345,
  harnessVersion: '0.1.0',
});
const markdown = renderMarkdown(summary);
const lines = markdown.split('\n');

describe('renderMarkdown', () => {
  test('heads the report with the verdict, harness version, driver, target host and time', () => {
    expect(lines[0]).toBe('# MFA conformance report');
    expect(markdown).toContain('**Result: NOT CONFORMANT** — 1 requirement failed, 1 requirement blocked');
    expect(markdown).toContain('| Harness | mfa-conformance 0.1.0 |');
    expect(markdown).toContain('| Driver | http |');
    expect(markdown).toContain('| Target | https://example.okta.com |');
    expect(markdown).toContain('| Started | 2026-01-02T03:04:05.000Z |');
    expect(markdown).toContain('| Duration | 12.3 s |');
    expect(markdown).toContain('| Requirements | 1 pass, 1 fail, 1 blocked, 2 skip (of 5) |');
    expect(markdown).toContain('| Checks | 1 passed, 1 failed, 1 blocked, 1 skipped (of 4) |');
  });

  test('groups requirements by family, then feature, in catalog order', () => {
    const headings = lines.slice(lines.indexOf('## Okta Factors API')).filter((line) => line.startsWith('## ') || line.startsWith('### '));
    expect(headings).toEqual(['## Okta Factors API', '### token:software:totp', '### sms', '## Okta Authentication API', '### sms']);
    const totpRows = lines.slice(lines.indexOf('### token:software:totp')).filter((l) => l.startsWith('| ')).slice(1, 4);
    expect(totpRows.map((row) => row.split('|')[1]?.trim())).toEqual(['PASS', 'FAIL', 'BLOCKED']);
  });

  test('groups the failed checks by failure kind, before the requirements', () => {
    const section = lines.slice(lines.indexOf('## Failures by kind'), lines.indexOf('## Okta Factors API'));
    expect(section.filter((line) => line.trim() !== '')).toEqual([
      '## Failures by kind',
      '### status (1)',
      '- totp > bad code: [status] HTTP 500, expected 200',
    ]);
  });

  test('shows BLOCKED with the precondition and the requirement whose behaviour blocked it', () => {
    expect(markdown).toContain(
      "| BLOCKED | MUST | `F.TOTP.C` [F.TOTP.C holds](https://example.test/F.TOTP.C) | BLOCKED by precondition 'a pending TOTP factor' (F.TOTP.B): [status] HTTP 500, expected 200 |",
    );
  });

  test('shows PASS, FAIL with the failed checks, and SKIP with the reason', () => {
    expect(markdown).toContain('| PASS | MUST | `F.TOTP.A` [F.TOTP.A holds](https://example.test/F.TOTP.A) |  |');
    expect(markdown).toContain('| FAIL | MUST | `F.TOTP.B` [F.TOTP.B holds](https://example.test/F.TOTP.B) | failed: totp > bad code |');
    expect(markdown).toContain('| SKIP | MUST | `AUTHN.SMS.A` [AUTHN.SMS.A holds](https://example.test/AUTHN.SMS.A) | no check ran |');
    expect(markdown).toMatch(/\| SKIP \| MUST \| `F\.SMS\.A` .* \| driver lacks otp-outbox \|/);
  });

  test('keeps each table row on one line with pipes escaped', () => {
    expect(markdown).toContain('[Title with \\| a pipe and a newline](https://example.test/F.SMS.A)');
    const rows = lines.filter((line) => line.startsWith('| ') && line.includes('`'));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });

  test('lists the errors of the run and says CONFORMANT only when there are none and nothing failed', () => {
    const clean = buildSummary({ ...baseInput(), checks: [checks[0]!] });
    expect(renderMarkdown(clean)).toContain('**Result: CONFORMANT** — no requirement failed');
    expect(renderMarkdown(clean)).not.toContain('## Errors of the run');

    const broken = buildSummary({ ...baseInput(), checks: [{ ...checks[0]!, requirements: ['NOT.IN.CATALOG'] }] });
    const text = renderMarkdown(broken);
    expect(text).toContain('**Result: NOT CONFORMANT** — 1 error in the run');
    expect(text).toContain('## Errors of the run');
    expect(text).toContain('- **unknown-requirement**: requirement NOT.IN.CATALOG is named by 1 check but is not in the catalog');
  });
});

function baseInput() {
  return { requirements: catalog, target: 'embedded mock org', driver: 'mock', startedAt: '2026-01-02T03:04:05.000Z', durationMs: 900 };
}
