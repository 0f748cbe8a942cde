import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

import type { SchemaRef } from '../../schemas/index.js';
import { issuesFor } from './support.js';

/**
 * Every schema against every applicable payload of the real-traffic corpus (test/fixtures/real/,
 * its origins in index.json): a schema that refuses what a real org answered is wrong, whatever
 * the docs' examples say.
 */

interface RecordedExchange {
  method: string;
  path: string;
  status: number;
  contentType?: string;
  body?: unknown;
}

interface CorpusFile {
  file: string;
  origin: { repository: string; path: string; commit: string };
  recording: 'live' | 'hand-made' | 'docs';
  org: 'classic' | 'identity-engine' | 'unknown';
}

const ROOT = new URL('../fixtures/real/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, ROOT), 'utf8'));
const INDEX = readJson('index.json') as { files: CorpusFile[] };

/** The number of payloads in the corpus, and how many (payload, schema) pairs the test proves: the closing note of issue 9 quotes them. */
const EXPECTED = { files: 13, exchanges: 92, validations: 230 };

const USER = '/api/v1/users/[^/]+';
const FACTOR_ID = '(?!catalog$|questions$)[^/]+';

/** Which schema each element (`each`) or the whole body applies to, by method, path and status. */
const ROUTES: { method: string; path: RegExp; schema: SchemaRef; each?: true }[] = [
  { method: 'GET', path: new RegExp(`^${USER}/factors$`), schema: 'okta-factors/factor', each: true },
  { method: 'POST', path: new RegExp(`^${USER}/factors$`), schema: 'okta-factors/factor' },
  { method: 'GET', path: new RegExp(`^${USER}/factors/questions$`), schema: 'okta-factors/question#securityQuestion', each: true },
  { method: 'GET', path: new RegExp(`^${USER}/factors/catalog$`), schema: 'okta-factors/factor-catalog-entry', each: true },
  { method: 'GET', path: new RegExp(`^${USER}/factors/${FACTOR_ID}$`), schema: 'okta-factors/factor' },
  // Live Okta answers PUT of a factor with the factor (terraform recordings).
  { method: 'PUT', path: new RegExp(`^${USER}/factors/${FACTOR_ID}$`), schema: 'okta-factors/factor' },
  { method: 'POST', path: new RegExp(`^${USER}/factors/${FACTOR_ID}/lifecycle/activate$`), schema: 'okta-factors/factor' },
  { method: 'POST', path: new RegExp(`^${USER}/factors/${FACTOR_ID}/verify$`), schema: 'okta-factors/factor-verify-result' },
  { method: 'GET', path: /^\/api\/v1\/org\/factors\/yubikey_token\/tokens$/, schema: 'okta-factors/yubikey#token', each: true },
  // The Authentication API: every answer of a transaction step is a transaction (Okta Auth JS, Sign-In Widget captures).
  { method: 'POST', path: /^\/api\/v1\/authn(\/(recovery\/(password|unlock|token|answer)|factors\/[^/]+\/verify|introspect))?$/, schema: 'okta-authn/transaction' },
];

/** The (schema, value) pairs one exchange must satisfy; none for a body-less answer (204, reset_factors' `{}`). */
function applicable(exchange: RecordedExchange): { schema: SchemaRef; value: unknown; where: string }[] {
  if (exchange.body === undefined) return [];
  if (exchange.status >= 400) return [{ schema: 'okta-factors/error', value: exchange.body, where: '' }];
  const path = exchange.path.split('?')[0] ?? '';
  const route = ROUTES.find((r) => r.method === exchange.method && r.path.test(path));
  if (!route) return [];
  if (!route.each) return [{ schema: route.schema, value: exchange.body, where: '' }];
  expect(Array.isArray(exchange.body), `${exchange.method} ${path}: an array`).toBe(true);
  return (exchange.body as unknown[]).map((value, i) => ({ schema: route.schema, value, where: `[${i}]` }));
}

const corpus = INDEX.files.map((entry) => ({ entry, exchanges: (readJson(entry.file) as { exchanges: RecordedExchange[] }).exchanges }));

describe('the real-traffic corpus', () => {
  test('every file names its origin (repository, path, commit) and how it was recorded', () => {
    for (const { entry } of corpus) {
      expect(entry.origin.repository, entry.file).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(entry.origin.commit, entry.file).toMatch(/^[0-9a-f]{40}$/);
      expect(entry.origin.path, entry.file).not.toBe('');
      expect(['live', 'hand-made', 'docs']).toContain(entry.recording);
      expect(['classic', 'identity-engine', 'unknown']).toContain(entry.org);
    }
  });

  test('its size is the one quoted (files, payloads, schema validations)', () => {
    const exchanges = corpus.flatMap((c) => c.exchanges);
    const validations = exchanges.flatMap(applicable);
    const counted = { files: corpus.length, exchanges: exchanges.length, validations: validations.length };
    console.info(`real-traffic corpus: ${counted.files} files, ${counted.exchanges} recorded responses, ${counted.validations} schema validations`);
    expect(counted).toEqual(EXPECTED);
  });

  test('every JSON answer says so in its Content-Type', () => {
    for (const { entry, exchanges } of corpus) {
      for (const exchange of exchanges.filter((e) => e.body !== undefined && e.contentType !== undefined)) {
        expect(exchange.contentType, `${entry.file} ${exchange.method} ${exchange.path}`).toMatch(/^application\/json\b/);
      }
    }
  });
});

describe.each(corpus.map((c) => [c.entry.file, c] as const))('%s', (_file, { entry, exchanges }) => {
  test.each(exchanges.map((exchange, i) => [`#${i} ${exchange.method} ${exchange.path.replace(/\/users\/[^/]+/, '/users/{id}')} ${exchange.status}`, exchange] as const))(
    '%s is valid against every schema that applies',
    (_name, exchange) => {
      for (const { schema, value, where } of applicable(exchange)) {
        expect(issuesFor(schema, value), `${entry.file}: ${schema}${where}`).toEqual([]);
      }
    },
  );
});
