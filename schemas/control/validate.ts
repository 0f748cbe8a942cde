/** Validates control-protocol messages against this folder's schemas, with the project's validators (../validators.ts). */
import { toSchemaIssues, type SchemaIssue } from '../issues.js';
import { validatorKey } from '../validator-inputs.js';
import { VALIDATORS } from '../validators.js';
import { CONTROL_SCHEMA_DOCUMENTS } from './documents.js';
import type { ControlSchemaRef } from './operations.js';

/** The ways `value` breaks the referenced control schema; empty when it conforms. */
export function controlSchemaIssues({ file, def }: ControlSchemaRef, value: unknown): SchemaIssue[] {
  const validator = VALIDATORS.validatorFor(validatorKey(CONTROL_SCHEMA_DOCUMENTS[file].$id, def));
  return validator(value) ? [] : toSchemaIssues(validator.errors ?? []);
}
