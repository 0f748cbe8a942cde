import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';

import { SCHEMA_NAMES, isSchemaName, schemaFor, schemaLocation, validate } from '../../schemas/index.js';
import { OKTA_FACTORS_KIND_SCHEMAS } from '../../schemas/okta-factors/index.js';
import { enrollSmsResponse } from './fixtures/factor-examples.js';
import { changed } from './support.js';

const SCHEMA_ROOT = fileURLToPath(new URL('../../schemas/', import.meta.url));
const MOCK_FAMILY_ROOT = fileURLToPath(new URL('../../mock-org/', import.meta.url));
// schemas/control/ holds the control protocol's schemas, which register themselves apart.
const FAMILY_FOLDERS = readdirSync(SCHEMA_ROOT, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'control')
  .map((entry) => entry.name);
/** `okta-factors/factor.schema.json`, for every schema file of every family folder. */
const SCHEMA_FILES = FAMILY_FOLDERS.flatMap((family) =>
  readdirSync(`${SCHEMA_ROOT}${family}`)
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => `${family}/${file}`),
);

function readSchemaFile(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMA_ROOT}${file}`, 'utf8')) as Record<string, unknown>;
}

/** Every `$ref` value in a schema file. */
function refsOf(file: string): string[] {
  const refs: string[] = [];
  walkSchema(readSchemaFile(file), (node) => {
    if (typeof node.$ref === 'string') refs.push(node.$ref);
  });
  return refs;
}

type Visit = (node: Record<string, unknown>, ancestors: readonly Record<string, unknown>[], insideNot: boolean) => void;

function walkSchema(node: unknown, visit: Visit, ancestors: readonly Record<string, unknown>[] = [], insideNot = false): void {
  if (Array.isArray(node)) {
    for (const item of node) walkSchema(item, visit, ancestors, insideNot);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  visit(schema, ancestors, insideNot);
  for (const [keyword, child] of Object.entries(schema)) {
    walkSchema(child, visit, [...ancestors, schema], insideNot || keyword === 'not');
  }
}

describe('schemas/index API', () => {
  test('SCHEMA_NAMES lists exactly the *.schema.json files of the family folders', () => {
    expect([...SCHEMA_NAMES].sort()).toEqual(SCHEMA_FILES.map((file) => file.replace('.schema.json', '')).sort());
  });

  test.each([...SCHEMA_NAMES])('%s.schema.json declares draft 2020-12, its $id (its path), a title and a description', (name) => {
    const schema = schemaFor(name);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`https://mfa-conformance.dev/schemas/${name}.schema.json`);
    expect(schema.title.length).toBeGreaterThan(0);
    expect(schema.description.length).toBeGreaterThan(20);
    expect(schema).toEqual(readSchemaFile(`${name}.schema.json`));
  });

  test('schemaFor returns a copy', () => {
    const copy = schemaFor('okta-factors/error');
    (copy as Record<string, unknown>).title = 'changed';
    expect(schemaFor('okta-factors/error').title).toBe('Okta error');
  });

  test('isSchemaName tells schema names (family/stem) from other strings', () => {
    expect(isSchemaName('okta-factors/factor-verify-result')).toBe(true);
    expect(isSchemaName('okta-authn/transaction')).toBe(true);
    expect(isSchemaName('factor-verify-result')).toBe(false);
    expect(isSchemaName('okta-authn/recovery-transaction')).toBe(false);
    expect(isSchemaName('okta-factors/push#activation')).toBe(false);
  });

  test.each([...SCHEMA_NAMES])('%s compiles', (name) => {
    expect(validate(name, {}).valid).toBeTypeOf('boolean');
  });

  test('a definition of a schema is validated on its own, and located for messages', () => {
    const activation = { factorResult: 'TIMEOUT', _links: {} };
    expect(validate('okta-factors/push#activation', activation)).toEqual({ valid: true });
    expect(validate('okta-factors/push#activation', { factorResult: 'SUCCESS' }).valid).toBe(false);
    expect(schemaLocation('okta-factors/push#activation')).toBe('okta-factors/push.schema.json#/$defs/activation');
    expect(schemaLocation('okta-authn/transaction')).toBe('okta-authn/transaction.schema.json');
  });

  test('validate returns { valid: true } or readable issues with a JSON-pointer path', () => {
    expect(validate('okta-factors/factor', enrollSmsResponse)).toEqual({ valid: true });
    const result = validate('okta-factors/factor', changed(enrollSmsResponse, { set: '/profile/phoneNumber', to: false }));
    expect(result.valid).toBe(false);
    if (!result.valid) {
      for (const issue of result.errors) {
        expect(issue.path).toMatch(/^\//);
        expect(issue.message.length).toBeGreaterThan(5);
      }
      expect(result.errors).toContainEqual({
        path: '/',
        message: 'does not meet the rules that apply when factorType "sms" (sms factor)',
      });
    }
  });
});

describe('schema files', () => {
  test.each(SCHEMA_FILES)('%s never closes an object to undocumented properties', (file) => {
    const closed: string[] = [];
    walkSchema(readSchemaFile(file), (node) => {
      for (const keyword of ['additionalProperties', 'unevaluatedProperties']) {
        if (node[keyword] === false) closed.push(keyword);
      }
    });
    expect(closed).toEqual([]);
  });

  test.each(SCHEMA_FILES)('%s only requires properties it declares (outside not)', (file) => {
    const undeclared: string[] = [];
    walkSchema(readSchemaFile(file), (node, ancestors, insideNot) => {
      if (insideNot || !Array.isArray(node.required)) return;
      const declared = new Set(
        [node, ...ancestors].flatMap((schema) =>
          typeof schema.properties === 'object' && schema.properties !== null ? Object.keys(schema.properties) : [],
        ),
      );
      for (const name of node.required) {
        if (typeof name !== 'string' || !declared.has(name)) undeclared.push(String(name));
      }
    });
    expect(undeclared).toEqual([]);
  });

  test.each(SCHEMA_FILES)('%s refers to other files by relative paths that exist', (file) => {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    const missing = refsOf(file)
      .map((ref) => ref.split('#')[0] ?? '')
      .filter((path) => path !== '')
      .filter((path) => /^[a-z]+:/.test(path) || !existsSync(`${SCHEMA_ROOT}${folder}${path}`));
    expect(missing).toEqual([]);
  });

  test('any draft 2020-12 tool that loads the family folders resolves the relative $refs', () => {
    const ajv = new Ajv2020Module.default({ strict: false });
    addFormatsModule.default(ajv);
    for (const file of SCHEMA_FILES) ajv.addSchema(readSchemaFile(file));
    const validateFactor = ajv.getSchema('https://mfa-conformance.dev/schemas/okta-factors/factor.schema.json');
    expect(validateFactor?.(enrollSmsResponse)).toBe(true);
    expect(validateFactor?.(changed(enrollSmsResponse, { set: '/_links/self/href', to: 'nope' }))).toBe(false);
  });
});

describe('package exports', () => {
  const require = createRequire(import.meta.url);

  test.each(SCHEMA_FILES)('mfa-conformance/schemas/%s resolves to the file', (file) => {
    expect(require.resolve(`mfa-conformance/schemas/${file}`)).toBe(`${SCHEMA_ROOT}${file}`);
  });
});

describe('okta-factors: one schema per factor kind', () => {
  const KINDS = Object.keys(OKTA_FACTORS_KIND_SCHEMAS);

  test('factor.schema.json applies every kind schema, and nothing else of the folder', () => {
    const applied = refsOf('okta-factors/factor.schema.json')
      .filter((ref) => !ref.startsWith('#') && !ref.includes('#'))
      .map((ref) => ref.replace('.schema.json', ''));
    expect(applied.sort()).toEqual([...KINDS].sort());
  });

  test.each(KINDS)('the %s kind has the same name in the mock (mock-org/okta-factors/<kind>/)', (kind) => {
    expect(existsSync(`${MOCK_FAMILY_ROOT}okta-factors/${kind}`)).toBe(true);
  });
});
