/**
 * Part of `npm run build` (after tsc): generates every validator once, as ajv standalone code, into
 * dist/schemas/validators.generated.cjs, with the digest of the inputs it was generated from. Processes then
 * load validators instead of compiling schemas (generated-validators.ts).
 */
import { renameSync, writeFileSync } from 'node:fs';

import standaloneCodeModule from 'ajv/dist/standalone/index.js';

import { createAjv } from './compiler.js';
import { GENERATED_VALIDATORS_FILE, INPUTS_DIGEST_EXPORT } from './generated-validators.js';
import { validatorInputsDigest, validatorKeys } from './validator-inputs.js';

// A CommonJS module whose real export is `.default` when loaded from ESM.
const standaloneCode = standaloneCodeModule.default;

const ajv = createAjv({ source: true, esm: false });
// Each validator is exported under its own key (`exports["https://…#/$defs/name"]`).
const keys = validatorKeys();
const code = standaloneCode(ajv, Object.fromEntries(keys.map((key) => [key, key])));
const digest = `exports[${JSON.stringify(INPUTS_DIGEST_EXPORT)}] = ${JSON.stringify(validatorInputsDigest())};\n`;
// Written beside, then renamed: a process loading validators meanwhile sees the old module or the new one, whole.
const written = `${GENERATED_VALIDATORS_FILE}.${process.pid}.tmp`;
writeFileSync(written, `${code}\n${digest}`);
renameSync(written, GENERATED_VALIDATORS_FILE);
console.log(`${keys.length} validators generated: ${GENERATED_VALIDATORS_FILE}`);
