/**
 * The run-time compiler: one Ajv instance (draft 2020-12, strict, all errors, ajv-formats) holding every
 * document, compiling each validator the first time it is asked for. The build compiles every validator
 * through it once, with code generation on (generate-validators.ts); a process uses it only when that
 * generated module is missing or stale (validators.ts).
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { CodeOptions } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { AJV_OPTIONS, VALIDATED_DOCUMENTS } from './validator-inputs.js';
import type { SchemaValidator, ValidatorSource } from './validator-source.js';

// ajv and ajv-formats are CommonJS modules whose real export is `.default` when loaded from ESM.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** An Ajv instance with the project's options and formats, every document added (none compiled yet). */
export function createAjv(code: CodeOptions = {}) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code });
  addFormats(ajv);
  for (const document of VALIDATED_DOCUMENTS) ajv.addSchema(document);
  return ajv;
}

/** Validators compiled on first use, each once; `why` says why this process compiles instead of loading them. */
export function runTimeCompiler(why: string): ValidatorSource {
  let ajv: ReturnType<typeof createAjv> | undefined;
  return {
    description: `compiled at run time (${why})`,
    validatorFor(key: string): SchemaValidator {
      ajv ??= createAjv();
      const validator = ajv.getSchema(key);
      if (validator === undefined) throw new Error(`no schema document holds "${key}"`);
      return validator;
    },
  };
}
