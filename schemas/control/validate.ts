/**
 * The control protocol's schemas, registered in the project's one Ajv instance the first time
 * a control message is validated (a suite run that never touches the control protocol pays nothing).
 */
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { sharedAjv } from '../compiler.js';
import { toSchemaIssues, type SchemaIssue } from '../issues.js';
import capabilities from './capabilities.schema.json' with { type: 'json' };
import clock from './clock.schema.json' with { type: 'json' };
import duoAuth from './duo-auth.schema.json' with { type: 'json' };
import duoMobile from './duo-mobile.schema.json' with { type: 'json' };
import factorPolicy from './factor-policy.schema.json' with { type: 'json' };
import factorProfiles from './factor-profiles.schema.json' with { type: 'json' };
import faults from './faults.schema.json' with { type: 'json' };
import type { ControlSchemaFile, ControlSchemaRef } from './operations.js';
import outbox from './outbox.schema.json' with { type: 'json' };
import passwordPolicy from './password-policy.schema.json' with { type: 'json' };
import signOnPolicy from './sign-on-policy.schema.json' with { type: 'json' };
import stepUp from './step-up.schema.json' with { type: 'json' };
import push from './push.schema.json' with { type: 'json' };
import readOnlyToken from './read-only-token.schema.json' with { type: 'json' };
import tokenService from './token-service.schema.json' with { type: 'json' };

const CONTROL_SCHEMA_DOCUMENTS: Readonly<Record<ControlSchemaFile, { readonly $id: string }>> = {
  capabilities,
  clock,
  outbox,
  push,
  'factor-policy': factorPolicy,
  'factor-profiles': factorProfiles,
  'token-service': tokenService,
  'read-only-token': readOnlyToken,
  'duo-auth': duoAuth,
  'duo-mobile': duoMobile,
  faults,
  'password-policy': passwordPolicy,
  'sign-on-policy': signOnPolicy,
  'step-up': stepUp,
};

let registered = false;
const VALIDATORS = new Map<string, ValidateFunction>();

function validatorFor({ file, def }: ControlSchemaRef): ValidateFunction {
  const key = `${CONTROL_SCHEMA_DOCUMENTS[file].$id}#/$defs/${def}`;
  const known = VALIDATORS.get(key);
  if (known) return known;
  const ajv = sharedAjv();
  if (!registered) {
    for (const document of Object.values(CONTROL_SCHEMA_DOCUMENTS)) ajv.addSchema(document);
    registered = true;
  }
  const validator = ajv.getSchema(key);
  if (validator === undefined) throw new Error(`control schema ${key} does not exist`);
  VALIDATORS.set(key, validator);
  return validator;
}

/** The ways `value` breaks the referenced control schema; empty when it conforms. */
export function controlSchemaIssues(ref: ControlSchemaRef, value: unknown): SchemaIssue[] {
  const validator = validatorFor(ref);
  return validator(value) ? [] : toSchemaIssues(validator.errors ?? []);
}
