/**
 * The one answer to "which validator validates ref X": in every process, every validator comes from the same
 * source, chosen when this module loads: the module the build generated (generated-validators.ts) when it was
 * generated from this process's schemas, otherwise the run-time compiler (compiler.ts, which loads ajv's compiler
 * only then).
 */
import { runTimeCompiler } from './compiler.js';
import { GENERATED_VALIDATORS_FILE, loadGeneratedValidators } from './generated-validators.js';
import { documentFor, parseSchemaRef } from './registry.js';
import type { SchemaRef } from './registry.js';
import { validatorInputsDigest, validatorKey } from './validator-inputs.js';
import type { SchemaValidator, ValidatorSource } from './validator-source.js';

const generated = loadGeneratedValidators(GENERATED_VALIDATORS_FILE, validatorInputsDigest());

/** Where this process's validators come from. */
export const VALIDATORS: ValidatorSource = 'loaded' in generated ? generated.loaded : runTimeCompiler(generated.refused);

/** The validator of a family's schema or of one of its `$defs` (`okta-factors/push#activation`). */
export function validatorFor(ref: SchemaRef): SchemaValidator {
  const { name, definition } = parseSchemaRef(ref);
  return VALIDATORS.validatorFor(validatorKey(documentFor(name).$id, definition));
}
