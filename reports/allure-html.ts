/**
 * The Allure 3 HTML report from Allure results, built by the `allure` npm package (Allure 3, no Java): one
 * self-contained page (the Awesome report, single file), with the run's environment as report variables.
 * History is carried from the previous report: `history.jsonl` in the output directory feeds the next build
 * (trends, newly failing and flaky checks) and is written back after it.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ALLURE_CATEGORIES } from './allure-categories.js';

const HISTORY_FILE = 'history.jsonl';
const ENVIRONMENT_FILE = 'environment.properties';

export interface AllureHtmlOptions {
  resultsDir: string;
  outDir: string;
  /** The report's title. */
  name?: string;
}

/** `key = value` lines of the results' environment.properties (written by the Allure reporter of the run). */
async function readEnvironment(resultsDir: string): Promise<Record<string, string>> {
  const file = join(resultsDir, ENVIRONMENT_FILE);
  if (!existsSync(file)) return {};
  const variables: Record<string, string> = {};
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    const match = /^\s*([^#=\s][^=]*?)\s*=\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) variables[match[1].replace(/\\(.)/g, '$1')] = (match[2] ?? '').replace(/\\(.)/g, '$1');
  }
  return variables;
}

/** The allure command-line script of the installed package (its exports do not expose the report builder). */
function allureCli(): string {
  return resolve(dirname(fileURLToPath(import.meta.resolve('allure'))), '..', 'cli.js');
}

export async function buildAllureHtml(options: AllureHtmlOptions): Promise<{ index: string; history: string; historyEntries: number }> {
  const outDir = resolve(options.outDir);
  const scratch = await mkdtemp(join(tmpdir(), 'mfa-conformance-allure-'));
  try {
    const history = join(scratch, HISTORY_FILE);
    const previous = join(outDir, HISTORY_FILE);
    if (existsSync(previous)) await copyFile(previous, history);
    const config = {
      name: options.name ?? 'MFA conformance',
      output: outDir,
      historyPath: history,
      variables: await readEnvironment(options.resultsDir),
      categories: ALLURE_CATEGORIES.map((c) => ({ ...c })),
      plugins: { awesome: { options: { singleFile: true, reportName: options.name ?? 'MFA conformance', groupBy: ['epic', 'feature', 'story'] } } },
    };
    const configFile = join(scratch, 'allurerc.json');
    await writeFile(configFile, JSON.stringify(config));
    await promisify(execFile)(process.execPath, [allureCli(), 'generate', resolve(options.resultsDir), '--config', configFile, '--cwd', scratch], {
      maxBuffer: 16 * 1024 * 1024,
    });
    await mkdir(outDir, { recursive: true });
    await dropAnalytics(join(outDir, 'index.html'));
    if (existsSync(history)) await copyFile(history, previous);
    const entries = existsSync(previous) ? (await readFile(previous, 'utf8')).split('\n').filter((l) => l.trim() !== '').length : 0;
    return { index: join(outDir, 'index.html'), history: previous, historyEntries: entries };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The Awesome report always embeds a Google Analytics tag (report id and Allure version, no results). A conformance
 * report may hold a vendor's results and is opened offline: it loads nothing from elsewhere, so the tag goes.
 */
async function dropAnalytics(index: string): Promise<void> {
  if (!existsSync(index)) return;
  const html = await readFile(index, 'utf8');
  const cleaned = html.replace(
    /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>\s*window\.dataLayer[\s\S]*?<\/script>/g,
    '',
  );
  if (cleaned !== html) await writeFile(index, cleaned);
}
