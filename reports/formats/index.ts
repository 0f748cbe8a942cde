/**
 * The output formats of a run, in one place: `run` and `report` build their flags and help from this list.
 * A format either writes from the run summary after the run (`write`), or is a vitest reporter that
 * writes while the run goes (`reporter`: Allure, whose results need every step and attachment).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ALLURE_CATEGORIES } from '../allure-categories.js';
import { renderMarkdown } from '../markdown.js';
import type { RunSummary } from '../summary.js';
import { renderJunit } from './junit.js';

/** A vitest reporter by module name, with its options (as vitest's `reporters` option takes it). */
export type ReporterSpec = [string, Record<string, unknown>];

export interface OutputFormat {
  id: 'json' | 'markdown' | 'junit' | 'allure';
  /** The command-line flag, without the dashes. */
  flag: string;
  /** What the flag's value is: a file or a directory. */
  value: 'FILE' | 'DIR';
  /** The help line's text. */
  help: string;
  /** What the CLI says it wrote (`JSON summary: /path`). */
  label: string;
  write?: (summary: RunSummary, path: string) => Promise<void>;
  reporter?: (path: string, environment?: Record<string, string>) => ReporterSpec;
}

export type FormatId = OutputFormat['id'];

export const OUTPUT_FORMATS: readonly OutputFormat[] = [
  {
    id: 'json',
    flag: 'json',
    value: 'FILE',
    help: 'write the run summary as JSON',
    label: 'JSON summary',
    write: (summary, path) => writeText(path, `${JSON.stringify(summary, null, 2)}\n`),
  },
  {
    id: 'markdown',
    flag: 'markdown',
    value: 'FILE',
    help: 'write the certification report as Markdown',
    label: 'Markdown report',
    write: (summary, path) => writeText(path, renderMarkdown(summary)),
  },
  {
    id: 'junit',
    flag: 'junit',
    value: 'FILE',
    help: 'write a JUnit XML report (failure type = failure kind; BLOCKED checks skipped)',
    label: 'JUnit report',
    write: (summary, path) => writeText(path, renderJunit(summary)),
  },
  {
    id: 'allure',
    flag: 'allure-dir',
    value: 'DIR',
    help: 'write Allure results (with categories by failure kind) into DIR',
    label: 'Allure results',
    reporter: (path, environment) => [
      'allure-vitest/reporter',
      { resultsDir: path, categories: ALLURE_CATEGORIES.map((c) => ({ ...c })), ...(environment ? { environmentInfo: environment } : {}) },
    ],
  },
];

/** The help lines of these formats' flags, aligned like the rest of a command's help. */
export function formatHelpLines(formats: readonly OutputFormat[], width = 23): string {
  return formats.map((f) => `  ${`--${f.flag} ${f.value}`.padEnd(width)}${f.help}\n`).join('');
}

/** parseArgs options for these formats' flags. */
export function formatOptions(formats: readonly OutputFormat[]): Record<string, { type: 'string' }> {
  return Object.fromEntries(formats.map((f) => [f.flag, { type: 'string' as const }]));
}

async function writeText(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}
