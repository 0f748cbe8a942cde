/**
 * The one Ajv instance (draft 2020-12, strict, all errors, ajv-formats) and the validators it
 * compiles, each once, the first time it is asked for: a suite file that validates three kinds
 * of object pays for three, not for all (every suite worker imports this module).
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { SCHEMA_DOCUMENTS, SCHEMA_NAMES } from './registry.js';
import type { SchemaName } from './registry.js';

// ajv and ajv-formats are CommonJS modules whose real export is `.default` when loaded from ESM.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

function createAjv() {
  const ajv = new Ajv2020({
    strict: true,
    // strictRequired would reject `not: {required: [name]}`, the standard way these schemas say
    // "a write-only property must never be returned". test/schemas checks required names instead.
    strictRequired: false,
    // `["string", "null"]` is how the schemas say "nullable"; it is plain JSON Schema.
    allowUnionTypes: true,
    allErrors: true,
    // Keep the failing (sub)schema on each error so that issues can name the branch that failed.
    verbose: true,
  });
  addFormats(ajv);
  for (const name of SCHEMA_NAMES) {
    ajv.addSchema(SCHEMA_DOCUMENTS[name]);
  }
  return ajv;
}

let ajv: ReturnType<typeof createAjv> | undefined;

/** The one Ajv instance, for modules that register schemas of their own (`schemas/control/`). */
export function sharedAjv(): ReturnType<typeof createAjv> {
  ajv ??= createAjv();
  return ajv;
}

const VALIDATORS = new Map<SchemaName, ValidateFunction>();

export function validatorFor(name: SchemaName): ValidateFunction {
  const known = VALIDATORS.get(name);
  if (known) return known;
  const document = SCHEMA_DOCUMENTS[name];
  if (document === undefined) {
    throw new Error(`unknown schema "${String(name)}"`);
  }
  const validator = sharedAjv().getSchema(document.$id);
  if (validator === undefined) {
    throw new Error(`schema "${name}" (${document.$id}) did not compile`);
  }
  VALIDATORS.set(name, validator);
  return validator;
}

/** Compiles every schema now (the harness's own tests prove they all compile). */
export function compileAll(): void {
  for (const name of SCHEMA_NAMES) validatorFor(name);
}
