/**
 * JSON Schemas (draft 2020-12) for every object the Okta Factors API returns, compiled once by a
 * single strict Ajv instance. The `*.schema.json` files next to this module are the contract;
 * this module only loads and applies them.
 */
import { validatorFor } from './compiler.js';
import { toSchemaIssues } from './issues.js';
import type { SchemaIssue } from './issues.js';
import { SCHEMA_DOCUMENTS, SCHEMA_NAMES, isSchemaName } from './registry.js';
import type { JsonSchemaDocument, SchemaName } from './registry.js';

export { SCHEMA_NAMES, isSchemaName };
export type { JsonSchemaDocument, SchemaIssue, SchemaName };

export type ValidationResult = { readonly valid: true } | { readonly valid: false; readonly errors: SchemaIssue[] };

/** Validates `value` against the named schema; on failure lists every issue found. */
export function validate(name: SchemaName, value: unknown): ValidationResult {
  const validator = validatorFor(name);
  if (validator(value)) {
    return { valid: true };
  }
  return { valid: false, errors: toSchemaIssues(validator.errors ?? []) };
}

/** The schema document itself (a copy: changing it changes nothing here). */
export function schemaFor(name: SchemaName): JsonSchemaDocument {
  return structuredClone(SCHEMA_DOCUMENTS[name]);
}
