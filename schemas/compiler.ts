/**
 * The run-time compiler: one Ajv instance (draft 2020-12, strict, all errors, ajv-formats) holding every
 * document, compiling each validator the first time it is asked for. The build compiles every validator
 * through it once, with code generation on (generate-validators.ts); a process uses it only when that
 * generated module is missing or refused (validators.ts).
 */
import { createRequire } from 'node:module';

import type { CodeOptions } from 'ajv/dist/2020.js';

import { AJV_OPTIONS, VALIDATED_DOCUMENTS } from './validator-inputs.js';
import type { SchemaValidator, ValidatorSource } from './validator-source.js';

const require = createRequire(import.meta.url);

/** An Ajv instance with the project's options and formats, every document added (none compiled yet). */
export function createAjv(code: CodeOptions = {}) {
  // Loaded on first use (synchronously, and with no top-level await in the modules that import this one): a
  // process that validates with the generated module never loads ajv's compiler (~0.1 s).
  // ajv and ajv-formats are CommonJS modules whose real export is `.default`.
  const ajvModule: typeof import('ajv/dist/2020.js') = require('ajv/dist/2020.js');
  const formatsModule: typeof import('ajv-formats') = require('ajv-formats');
  const ajv = new ajvModule.default({ ...AJV_OPTIONS, code });
  formatsModule.default(ajv);
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
