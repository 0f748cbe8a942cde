/**
 * The reports people open, opened as they would: the Allure 3 HTML report (built twice, so the second shows history)
 * and the certification page, in headless Chromium (playwright-core driving Debian's chromium). Each lists the suites,
 * a failed check with its category, and an attachment with the check's HTTP exchanges.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { packageInfo } from '../../cli/package-root.js';
import { runSuites } from '../../cli/run-suites.js';
import { buildProfiles, REQUIREMENTS } from '../../requirements/index.js';
import { buildAllureHtml } from '../../reports/allure-html.js';
import { digestSuiteFiles } from '../../reports/certification/bundle.js';
import { certificationOf } from '../../reports/certification/certification.js';
import { readFailedEvidence } from '../../reports/certification/failed-exchanges.js';
import { renderCertificationHtml } from '../../reports/certification/html.js';
import type { RunSummary } from '../../reports/summary.js';
import { suiteLocation } from '../support/compiled-suites.js';

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = `Chromium is not installed at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` (.ci/run does)`;
const FAILED_CHECK = 'enroll answers the factor ACTIVE with the question and its text';

let dir: string;
let summary: RunSummary;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-html-'));
  // Chromium starts while the suite runs: its start is mostly waiting on its own processes. Both are awaited
  // together, so a launch that fails early is not an unhandled rejection while the suite still runs.
  const [launched, outcome] = await Promise.allSettled([
    existsSync(CHROMIUM) ? chromium.launch({ executablePath: CHROMIUM }) : Promise.resolve(undefined),
    runSuites({
      ...suiteLocation(),
      target: { kind: 'mock', faults: ['question.answer-echoed'] },
      filters: ['suites/okta-factors/question'],
      outputs: { allure: join(dir, 'allure-results') },
      progress: false,
    }),
  ]);
  if (launched.status === 'fulfilled') browser = launched.value;
  if (outcome.status === 'rejected') throw outcome.reason;
  if (launched.status === 'rejected') throw launched.reason;
  summary = outcome.value.summary;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a schema failure attaches its violations, one per line, as text', async () => {
  const evidence = await readFailedEvidence(join(dir, 'allure-results'));
  const violations = evidence.flatMap((e) => e.attachments).find((a) => a.name.startsWith('Schema violations'));
  expect(violations?.text).toMatch(/^Schema: okta-factors\/factor\.schema\.json\n\n- \/profile: must NOT have property "answer"/);
});

test('report builds the Allure 3 HTML report; the second build carries the first one\'s history', async ({ skip }) => {
  const first = await buildAllureHtml({ resultsDir: join(dir, 'allure-results'), outDir: join(dir, 'allure-report') });
  expect(first.historyEntries).toBe(1);
  const second = await buildAllureHtml({ resultsDir: join(dir, 'allure-results'), outDir: join(dir, 'allure-report') });
  expect(second.historyEntries).toBe(2);
  const html = await readFile(second.index, 'utf8');
  expect(html, 'the report loads nothing from elsewhere').not.toMatch(/googletagmanager|<script[^>]+src="https?:/);

  if (!browser) return skip(NO_CHROMIUM);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(second.index).href);
  // the suites, grouped by family (epic), factor type (feature) and operation (story)
  await expect.poll(() => page.innerText('body')).toContain('Okta Factors API');
  const tree = await page.innerText('body');
  for (const text of ['question', 'enroll', FAILED_CHECK, 'harness', 'mfa-conformance']) expect(tree).toContain(text);

  await page.getByText(FAILED_CHECK).first().click();
  await expect.poll(() => page.innerText('body')).toContain('Category: Schema violation');
  const details = await page.innerText('body');
  expect(details).toContain('Failed');
  expect(details).toMatch(/HTTP exchanges? \(\d+\)/);
  expect(details).toMatch(/Schema violations \(\d+\)/);
  expect(details, 'the second build shows the first one in the check\'s history').toMatch(/History\s*\n\s*1/);
  await page.close();
}, 60_000);

test('the certification page lists the suites, a failed check with its category and its exchanges', async ({ skip }) => {
  const profile = buildProfiles(REQUIREMENTS).find((p) => p.name === 'okta-factors-full');
  if (!profile) throw new Error('no okta-factors-full profile');
  const evidence = await readFailedEvidence(join(dir, 'allure-results'));
  const facts = { harnessVersion: '0', commit: 'test', target: summary.target, driver: summary.driver, engine: 'Classic', startedAt: summary.startedAt, endedAt: summary.startedAt };
  const html = renderCertificationHtml({
    certification: certificationOf(summary, profile, facts),
    evidence,
    suiteFiles: await digestSuiteFiles(packageInfo().root, ['suites/okta-factors/question', 'suites/support']),
  });
  const file = join(dir, 'certification.html');
  await writeFile(file, html);
  expect(await readFile(file, 'utf8')).not.toMatch(/<script|<link|src="http/);

  if (!browser) return skip(NO_CHROMIUM);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  expect(await page.innerText('#verdict')).toBe('Verdict: REFUSED');
  expect(await page.innerText('#suites')).toContain('suites/okta-factors/question/question.test.ts');
  expect(await page.innerText('#variants')).toMatch(/web\s+DUO\s+Factors API\s+not applicable/);
  const failed = page.locator('.failed-check', { hasText: FAILED_CHECK });
  expect(await failed.locator('.category').innerText()).toBe('Schema violation');
  expect(await failed.locator('details.attachment summary', { hasText: 'Schema violations' }).count()).toBe(1);
  const attachment = failed.locator('details.attachment', { hasText: /HTTP exchanges? \(/ }).first();
  expect(await attachment.locator('summary').innerText()).toMatch(/HTTP exchanges? \(\d+\)/);
  await attachment.locator('summary').click();
  expect(await attachment.locator('pre').innerText()).toContain('"factorType": "question"');
  await page.close();
}, 60_000);
