/**
 * The one Ajv instance (draft 2020-12, strict, all errors, ajv-formats) and the validators it
 * compiles, each once, the first time it is asked for: a suite file that validates three kinds
 * of object pays for three, not for all (every suite worker imports this module).
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { SCHEMA_NAMES, documentFor, parseSchemaRef } from './registry.js';
import type { SchemaRef } from './registry.js';

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
    ajv.addSchema(documentFor(name));
  }
  return ajv;
}

type SchemaAjv = ReturnType<typeof createAjv>;

let ajv: SchemaAjv | undefined;

/**
 * The shared instance, with every family's schemas added. Another set of schemas (the control
 * protocol's) registers itself here with `addSchema` and compiles with `getSchema`, so that
 * all of them share one instance and one set of formats.
 */
export function sharedAjv(): SchemaAjv {
  ajv ??= createAjv();
  return ajv;
}

const VALIDATORS = new Map<SchemaRef, ValidateFunction>();

export function validatorFor(ref: SchemaRef): ValidateFunction {
  const known = VALIDATORS.get(ref);
  if (known) return known;
  const { name, definition } = parseSchemaRef(ref);
  const { $id } = documentFor(name);
  const key = definition === undefined ? $id : `${$id}#/$defs/${definition}`;
  const validator = sharedAjv().getSchema(key);
  if (validator === undefined) {
    throw new Error(`schema "${ref}" (${key}) did not compile`);
  }
  VALIDATORS.set(ref, validator);
  return validator;
}
