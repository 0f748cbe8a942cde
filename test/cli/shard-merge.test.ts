/**
 * Sharding for CI: three `run --shard i/3` runs of real suite files, combined by `merge`, give the summary,
 * JUnit and Allure results a single run gives (same requirements, same results, same checks), with a fault on
 * so that failures are merged as well as passes.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../cli/program.js';
import type { RunSummary } from '../../reports/summary.js';
import { captureIO } from './capture-io.js';
import { suiteLocation } from '../support/compiled-suites.js';

/**
 * Six of the smallest suite files (of both Okta APIs): enough for every shard to get files, and the fault makes the
 * question checks fail beside the others' passes. The property is the merge, not the checks: more files prove no more.
 */
const SUITES = [
  'suites/okta-factors/question', 'suites/okta-factors/symantec', 'suites/okta-factors/lifecycle', 'suites/okta-factors/catalog',
  'suites/okta-authn/question', 'suites/okta-authn/steps',
];
const FAULT = 'question.answer-echoed';

let dir: string;
const codes: Record<string, number> = {};
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mfa-conformance-shards-'));
  const run = async (name: string, extra: string[]) => {
    const io = captureIO({ cwd: dir, suites: suiteLocation() });
    codes[name] = await runCli(['run', '--quiet', '--fault', FAULT, '--json', `${name}.json`, '--junit', `${name}.xml`, '--allure-dir', `${name}-allure`, ...extra, ...SUITES], io);
  };
  await run('single', []);
  for (const index of [1, 2, 3]) await run(`shard-${index}`, ['--shard', `${index}/3`]);
  const io = captureIO({ cwd: dir });
  codes.merged = await runCli(
    ['merge', '--quiet', 'shard-3.json', 'shard-1.json', 'shard-2.json', '--json', 'merged.json', '--junit', 'merged.xml', '--allure-dir', 'merged-allure',
      ...[1, 2, 3].flatMap((i) => ['--allure-from', `shard-${i}-allure`])],
    io,
  );
  expect(io.err()).toBe('');
}, 240_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const summaryOf = async (name: string): Promise<RunSummary> => JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as RunSummary;

/** What a run found, without what differs between any two runs (times, order of parallel files). */
function findings(summary: RunSummary) {
  return {
    ok: summary.ok,
    totals: summary.totals,
    requirementTotals: summary.requirementTotals,
    failureKinds: summary.failureKinds,
    httpRequests: summary.httpRequests,
    errors: summary.errors,
    requirements: summary.requirements.map((r) => ({ ...r, checks: [...r.checks].sort(), failedChecks: r.failedChecks?.slice().sort() })),
    checks: summary.checks.map(({ durationMs: _duration, ...check }) => check).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

test('each shard ran a part of the files, and says which', async () => {
  const shards = await Promise.all([1, 2, 3].map((i) => summaryOf(`shard-${i}`)));
  expect(shards.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, count: 3 })));
  const modules = shards.map((s) => new Set(s.checks.map((c) => c.module)));
  expect(modules.every((m) => m.size > 0)).toBe(true);
  // Every file of the single run in exactly one shard.
  const single = new Set((await summaryOf('single')).checks.map((c) => c.module));
  expect(modules.reduce((sum, m) => sum + m.size, 0)).toBe(single.size);
  expect(new Set(modules.flatMap((m) => [...m]))).toEqual(single);
});

test('the merged summary equals the single run\'s: same requirements, same results, same checks', async () => {
  const single = await summaryOf('single');
  const merged = await summaryOf('merged');
  expect(single.totals.failed, 'the fault made checks fail').toBeGreaterThan(0);
  expect(merged.shard).toBeUndefined();
  expect(findings(merged)).toEqual(findings(single));
  expect(codes.merged).toBe(codes.single);
});

test('the merged JUnit and Allure results hold what the single run\'s hold', async () => {
  const testcases = async (name: string) => [...(await readFile(join(dir, `${name}.xml`), 'utf8')).matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]).sort();
  expect(await testcases('merged')).toEqual(await testcases('single'));
  const results = async (name: string) => (await readdir(join(dir, name))).filter((f) => f.endsWith('-result.json')).length;
  expect(await results('merged-allure')).toBe(await results('single-allure'));
  expect(await results('merged-allure')).toBe((await summaryOf('single')).totals.checks);
});

test('merge refuses shards that do not make a whole run', async () => {
  const io = captureIO({ cwd: dir });
  expect(await runCli(['merge', 'shard-1.json', 'shard-3.json'], io)).toBe(2);
  expect(io.err()).toMatch(/shard 2\/3 missing/);
  const twice = captureIO({ cwd: dir });
  expect(await runCli(['merge', 'shard-1.json', 'shard-1.json', 'shard-2.json', 'shard-3.json'], twice)).toBe(2);
  expect(twice.err()).toMatch(/shard 1\/3 given twice/);
  const whole = captureIO({ cwd: dir });
  expect(await runCli(['merge', 'single.json'], whole)).toBe(2);
});
