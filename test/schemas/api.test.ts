import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, test } from 'vitest';

import { SCHEMA_NAMES, isSchemaName, schemaFor, validate } from '../../schemas/index.js';
import { enrollSmsResponse } from './fixtures/factor-examples.js';
import { changed } from './support.js';

const SCHEMA_FOLDER = fileURLToPath(new URL('../../schemas/', import.meta.url));
const SCHEMA_FILES = readdirSync(SCHEMA_FOLDER).filter((file) => file.endsWith('.schema.json'));

function readSchemaFile(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMA_FOLDER}${file}`, 'utf8')) as Record<string, unknown>;
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
  test('SCHEMA_NAMES lists exactly the *.schema.json files of the folder', () => {
    expect([...SCHEMA_NAMES].sort()).toEqual(SCHEMA_FILES.map((file) => file.replace('.schema.json', '')).sort());
  });

  test.each([...SCHEMA_NAMES])('%s.schema.json declares draft 2020-12, its $id, a title and a description', (name) => {
    const schema = schemaFor(name);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(new RegExp(`/${name}\\.schema\\.json$`));
    expect(schema.title.length).toBeGreaterThan(0);
    expect(schema.description.length).toBeGreaterThan(20);
    expect(schema).toEqual(readSchemaFile(`${name}.schema.json`));
  });

  test('schemaFor returns a copy', () => {
    const copy = schemaFor('error');
    (copy as Record<string, unknown>).title = 'changed';
    expect(schemaFor('error').title).toBe('Okta error');
  });

  test('isSchemaName tells schema names from other strings', () => {
    expect(isSchemaName('factor-verify-result')).toBe(true);
    expect(isSchemaName('authn-transaction')).toBe(true);
    expect(isSchemaName('recovery-transaction')).toBe(false);
  });

  test('validate returns { valid: true } or readable issues with a JSON-pointer path', () => {
    expect(validate('factor', enrollSmsResponse)).toEqual({ valid: true });
    const result = validate('factor', changed(enrollSmsResponse, { set: '/profile/phoneNumber', to: false }));
    expect(result.valid).toBe(false);
    if (!result.valid) {
      for (const issue of result.errors) {
        expect(issue.path).toMatch(/^\//);
        expect(issue.message.length).toBeGreaterThan(5);
      }
      expect(result.errors).toContainEqual({
        path: '/',
        message: 'does not meet the rules that apply when factorType "sms" (smsFactor)',
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

  test('any draft 2020-12 tool that loads the folder resolves the relative $refs', () => {
    const ajv = new Ajv2020Module.default({ strict: false });
    addFormatsModule.default(ajv);
    for (const file of SCHEMA_FILES) ajv.addSchema(readSchemaFile(file));
    const validateFactor = ajv.getSchema('https://mfa-conformance.dev/schemas/factor.schema.json');
    expect(validateFactor?.(enrollSmsResponse)).toBe(true);
    expect(validateFactor?.(changed(enrollSmsResponse, { set: '/_links/self/href', to: 'nope' }))).toBe(false);
  });
});
