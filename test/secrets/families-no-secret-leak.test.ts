import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunSummary } from '../../reports/summary.js';
import { makeFamiliesRun, type FamiliesRun } from './families-run.js';
import { collectOutputs, expectNoSecretIn, runFolder, type Output } from './helpers.js';
import { productModuleUrl } from './product-modules.js';

/**
 * Secrets of the Authentication API, Duo and IdentityNow never reach what a run prints or writes, nor the artifacts
 * built after it (DESIGN.md, "Secrets and safety"). One faulty run of the three families through one org over HTTP
 * (families-run.ts), made here once for the four tests: each family's test checks its family's secrets against every
 * output of the run, the artifacts test against what is built from it.
 *
 * The run is made by this file, in its own process, rather than by a global setup: vitest awaits every global setup
 * before any test file starts, so the whole harness waited for this run (10-20 s, one org, the files taking turns).
 */

/** The reports and requirements of the build the run is made of (product-modules.ts). */
const [{ buildProfiles, REQUIREMENTS }, { buildAllureHtml }, { filesIn, writeBundle }, { certificationOf }, { readFailedEvidence }, { loadSigningKey }, { compareSummaries, formatChanges }] =
  await Promise.all([
    import(productModuleUrl('requirements/index')) as Promise<typeof import('../../requirements/index.js')>,
    import(productModuleUrl('reports/allure-html')) as Promise<typeof import('../../reports/allure-html.js')>,
    import(productModuleUrl('reports/certification/bundle')) as Promise<typeof import('../../reports/certification/bundle.js')>,
    import(productModuleUrl('reports/certification/certification')) as Promise<typeof import('../../reports/certification/certification.js')>,
    import(productModuleUrl('reports/certification/failed-exchanges')) as Promise<typeof import('../../reports/certification/failed-exchanges.js')>,
    import(productModuleUrl('reports/certification/signing')) as Promise<typeof import('../../reports/certification/signing.js')>,
    import(productModuleUrl('reports/compare')) as Promise<typeof import('../../reports/compare.js')>,
  ]);

let run: FamiliesRun;
let summary: RunSummary;
let outputs: Output[];
/** Where the artifacts are built (the run has a folder of its own, run.dir). */
let dir: string;

beforeAll(async () => {
  const runDir = await runFolder('mfa-conformance-families-run-');
  dir = await runFolder('mfa-conformance-artifact-secrets-');
  run = await makeFamiliesRun(runDir);
  summary = JSON.parse(await readFile(join(run.dir, 'summary.json'), 'utf8')) as RunSummary;
  outputs = await collectOutputs(run.stdout, run.stderr, run.dir, run.allureFiles);
}, 240_000);

afterAll(async () => {
  for (const folder of [run?.dir, dir]) if (folder) await rm(folder, { recursive: true, force: true });
});

/** The names of the failed checks of the suite files under `folder` (e.g. `suites/duo-auth/`). */
function failedChecksOf(folder: string): string[] {
  return summary.checks.filter((c) => c.state === 'failed' && c.module.includes(folder)).map((c) => c.name);
}

/**
 * The run, as a secret test of one family takes it: the run failed (its faults make checks fail and print their
 * evidence), checks of the family's suite files (under `folder`) are among the failed, and exchanges were attached.
 */
function expectFailedRun(folder: string, family: string): void {
  expect(run.exitCode, 'the faults make checks fail and print their evidence').toBe(1);
  expect(failedChecksOf(folder), `${family} checks failed`).not.toEqual([]);
  expect(run.allureFiles.some((f) => f.endsWith('-attachment.json')), 'exchanges were attached').toBe(true);
}

describe('what the run printed or wrote', () => {
  /**
   * The Authentication API suites handle stateTokens, sessionTokens and Duo's signed values. The run's faults make Duo
   * and transaction checks fail and print their evidence; every stateToken and sig_request the org issued, and its
   * Duo keys, are collected, and none of them, nor any sessionToken or Duo signed value (recognised by their format),
   * may appear in what the run printed or wrote.
   */
  test('no stateToken, sessionToken, TOTP secret, sent OTP, Duo signed value or Duo key reaches stdout, stderr, the summary, JUnit or Allure', () => {
    expectFailedRun('suites/okta-authn/', 'Authentication API');
    expect(run.stderr).toMatch(/AssertionError/);
    // Every OTP the factor steps sent (sms, call, email enrollment and challenge codes) is among them.
    expect(run.secrets.authn.length, 'transactions and Duo prompts were seen').toBeGreaterThan(20);

    expectNoSecretIn(outputs, run.secrets.authn, [
      ['a sessionToken reached', /20111[A-Za-z0-9_-]{40,}/],
      // Duo Web values: PREFIX|base64|40 hex digits, as is or form-encoded.
      ['a Duo signed value reached', /(?:TX|APP|AUTH)(?:\||%7C)[A-Za-z0-9+/=%]{8,}(?:\||%7C)[0-9a-f]{40}/],
    ]);
  });

  /**
   * The duo-auth suites handle Duo's secret keys, bypass codes, SMS passcodes, hardware-token secrets and activation
   * links; every such value the Duo account held is collected, and none may appear in what the run printed or wrote.
   */
  test('no Duo key, bypass code, SMS passcode, token secret or activation code reaches stdout, stderr, the summary, JUnit or Allure', () => {
    expectFailedRun('suites/duo-auth/', 'Duo');
    // What the account sent and activated over the run (SMS passcodes, activation links and codes) is among them.
    expect(run.secrets.duo.length, 'codes and secrets were seen').toBeGreaterThan(10);
    expectNoSecretIn(outputs, run.secrets.duo);
  });

  /**
   * The IdentityNow suites handle client secrets, bearer JWTs, provider keys (accessKey, Duo skey), KBA answers and
   * one-time codes. They run through the http driver, the tenant from the mock's line; every secret the tenant was
   * given or handed out is collected, and none may appear in what the run printed or wrote.
   */
  test('no client secret, JWT, provider key, KBA answer or code reaches stdout, stderr, the summary, JUnit or Allure', () => {
    expectFailedRun('suites/identitynow-mfa/', 'IdentityNow');
    expect(run.stderr).toMatch(/CheckFailure/);
    expect(run.secrets.identityNow.length, 'client secrets, tokens, keys, answers and codes were seen').toBeGreaterThan(30);

    expectNoSecretIn(outputs, run.secrets.identityNow, [
      ['a bearer JWT reached', /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
      ['a passCode reached', /"passCode"\s*:\s*"\d{6}"/],
    ]);
  });
});

/** The Awesome report embeds its data files base64-encoded (`d("path","…")`): the decoded text is searched too. */
function withEmbeddedData(where: string, html: string): Output[] {
  const embedded: Output[] = [[where, html]];
  for (const match of html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)) {
    embedded.push([`${where} ${match[1] ?? ''}`, Buffer.from(match[2] ?? '', 'base64').toString('utf8')]);
  }
  return embedded;
}

/**
 * The artifacts built after a run (the certification bundle with its HTML page and failed checks' exchanges, the
 * Allure 3 HTML report, compare's output) hold no secret of the run either. The run's faults make Authentication API
 * checks fail and attach their exchanges; every stateToken, sig_request part and Duo key the org handed out is a
 * secret, and so is the signing key.
 */
test('no secret reaches the certification bundle, its HTML page, the Allure HTML report or compare output', async () => {
  const allureDir = join(run.dir, 'allure-results');
  expect(run.exitCode, 'the faults make checks fail').toBe(1);
  expect(failedChecksOf('suites/okta-authn/'), 'Authentication API checks failed').not.toEqual([]);
  expect(run.secrets.authn.length).toBeGreaterThan(10);

  const profile = buildProfiles(REQUIREMENTS).find((p) => p.name === 'okta-authn-full');
  if (!profile) throw new Error('no okta-authn-full profile');
  const key = await loadSigningKey(join(dir, 'key.pem'), true);
  const evidence = await readFailedEvidence(allureDir);
  expect(evidence.some((e) => e.attachments.length > 0), 'failed checks carry their exchanges').toBe(true);
  const certification = certificationOf(summary, profile, {
    harnessVersion: '0', commit: 'test', driver: 'http', target: summary.target, engine: 'Classic', startedAt: '', endedAt: '',
  });
  // written whatever the verdict, so the failed checks' exchanges are in it
  const bundle = await writeBundle({ dir: join(dir, 'bundle'), certification, summary, evidence, suiteFiles: {}, key });
  const report = await buildAllureHtml({ resultsDir: allureDir, outDir: join(dir, 'allure-report') });
  const passing = { requirements: summary.requirements.map((r) => ({ ...r, result: 'pass' as const })) };
  const compared = formatChanges(compareSummaries(passing, summary));
  expect(compared).toContain('NEWLY FAILING');

  const artifacts: Output[] = [['compare output', compared]];
  for (const file of await filesIn(bundle.dir)) artifacts.push([`bundle/${file}`, await readFile(join(bundle.dir, file), 'utf8')]);
  artifacts.push(...withEmbeddedData('allure-report/index.html', await readFile(report.index, 'utf8')));
  expect(artifacts.some(([where, text]) => where.includes('attachments') && text.includes('stateToken')), 'the report embeds the exchanges').toBe(true);

  const privateKey = key.privateKey.export({ format: 'jwk' }).d ?? '';
  expectNoSecretIn(artifacts, [...run.secrets.authn, privateKey], [
    ['a sessionToken reached', /20111[A-Za-z0-9_-]{40,}/],
    ['a Duo signed value reached', /(?:TX|APP|AUTH)(?:\||%7C)[A-Za-z0-9+/=%]{8,}(?:\||%7C)[0-9a-f]{40}/],
    ['a private key reached', /PRIVATE KEY/],
  ]);
}, 120_000);
