/**
 * The one Ajv instance (draft 2020-12, strict, all errors, ajv-formats) and the validators it
 * compiles, once, when this module is first imported.
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

function compileAll(): ReadonlyMap<SchemaName, ValidateFunction> {
  const ajv = createAjv();
  const validators = new Map<SchemaName, ValidateFunction>();
  for (const name of SCHEMA_NAMES) {
    const { $id } = SCHEMA_DOCUMENTS[name];
    const validator = ajv.getSchema($id);
    if (validator === undefined) {
      throw new Error(`schema "${name}" (${$id}) did not compile`);
    }
    validators.set(name, validator);
  }
  return validators;
}

const VALIDATORS = compileAll();

export function validatorFor(name: SchemaName): ValidateFunction {
  const validator = VALIDATORS.get(name);
  if (validator === undefined) {
    throw new Error(`unknown schema "${String(name)}"`);
  }
  return validator;
}
