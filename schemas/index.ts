/**
 * JSON Schemas (draft 2020-12) for every object the APIs return, one folder per API family
 * (schemas/<family>/), their validators generated once by the build (validators.ts). The `*.schema.json` files
 * are the contract; this module only loads and applies them.
 */
import { validatorFor } from './validators.js';
import { toSchemaIssues } from './issues.js';
import type { SchemaIssue } from './issues.js';
import { SCHEMA_NAMES, documentFor, isSchemaName, schemaLocation } from './registry.js';
import type { JsonSchemaDocument, SchemaName, SchemaRef } from './registry.js';

export { SCHEMA_NAMES, isSchemaName, schemaLocation };
export type { JsonSchemaDocument, SchemaIssue, SchemaName, SchemaRef };

export type ValidationResult = { readonly valid: true } | { readonly valid: false; readonly errors: SchemaIssue[] };

/** Validates `value` against the schema (or schema definition) named; on failure lists every issue found. */
export function validate(ref: SchemaRef, value: unknown): ValidationResult {
  const validator = validatorFor(ref);
  if (validator(value)) {
    return { valid: true };
  }
  return { valid: false, errors: toSchemaIssues(validator.errors ?? []) };
}

/** The schema document itself (a copy: changing it changes nothing here). */
export function schemaFor(name: SchemaName): JsonSchemaDocument {
  return structuredClone(documentFor(name));
}
