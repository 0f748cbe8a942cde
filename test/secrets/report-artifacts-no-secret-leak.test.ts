import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { buildProfiles, REQUIREMENTS } from '../../requirements/index.js';
import { buildAllureHtml } from '../../reports/allure-html.js';
import { filesIn, writeBundle } from '../../reports/certification/bundle.js';
import { certificationOf } from '../../reports/certification/certification.js';
import { readFailedEvidence } from '../../reports/certification/failed-exchanges.js';
import { loadSigningKey } from '../../reports/certification/signing.js';
import { compareSummaries, formatChanges } from '../../reports/compare.js';
import { failedChecksOf, summaryOf } from '../shared-run/read-run.js';
import { expectNoSecretIn, type Output } from './helpers.js';

/**
 * The artifacts built after a run (the certification bundle with its HTML page and failed checks' exchanges, the
 * Allure 3 HTML report, compare's output) hold no secret of the run either. They are built from the shared run
 * (test/shared-run/), whose faults make Authentication API checks fail and attach their exchanges; every stateToken,
 * sig_request part and Duo key the org handed out is a secret, and so is the signing key.
 */

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-artifact-secrets-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The Awesome report embeds its data files base64-encoded (`d("path","…")`): the decoded text is searched too. */
function withEmbeddedData(where: string, html: string): Output[] {
  const outputs: Output[] = [[where, html]];
  for (const match of html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)) {
    outputs.push([`${where} ${match[1] ?? ''}`, Buffer.from(match[2] ?? '', 'base64').toString('utf8')]);
  }
  return outputs;
}

test('no secret reaches the certification bundle, its HTML page, the Allure HTML report or compare output', async () => {
  const run = inject('familiesRun');
  const allureDir = join(run.dir, 'allure-results');
  const summary = await summaryOf(run);
  expect(run.exitCode, 'the faults make checks fail').toBe(1);
  expect(await failedChecksOf(run, 'suites/okta-authn/'), 'Authentication API checks failed').not.toEqual([]);
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

  const outputs: Output[] = [['compare output', compared]];
  for (const file of await filesIn(bundle.dir)) outputs.push([`bundle/${file}`, await readFile(join(bundle.dir, file), 'utf8')]);
  outputs.push(...withEmbeddedData('allure-report/index.html', await readFile(report.index, 'utf8')));
  expect(outputs.some(([where, text]) => where.includes('attachments') && text.includes('stateToken')), 'the report embeds the exchanges').toBe(true);

  const privateKey = key.privateKey.export({ format: 'jwk' }).d ?? '';
  expectNoSecretIn(outputs, [...run.secrets.authn, privateKey], [
    ['a sessionToken reached', /20111[A-Za-z0-9_-]{40,}/],
    ['a Duo signed value reached', /(?:TX|APP|AUTH)(?:\||%7C)[A-Za-z0-9+/=%]{8,}(?:\||%7C)[0-9a-f]{40}/],
    ['a private key reached', /PRIVATE KEY/],
  ]);
}, 120_000);
