/**
 * What validates a schema ref, wherever it comes from: the module the build generated (ajv's standalone code,
 * generated-validators.ts) or the run-time compiler (compiler.ts). validators.ts picks one of them per process.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

/** Ajv's validator shape, both generated and compiled: a predicate that leaves the errors of its last call on itself. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface ValidatorSource {
  /** Where the validators come from, and why (for messages and the harness tests). */
  readonly description: string;
  /** The validator of a key (`$id`, or `$id#/$defs/name`); throws for a key no document holds. */
  validatorFor(key: string): SchemaValidator;
}
