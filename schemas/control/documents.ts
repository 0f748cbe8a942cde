/** The control protocol's schema documents, by file stem (schemas/control/<file>.schema.json). */
import capabilities from './capabilities.schema.json' with { type: 'json' };
import clock from './clock.schema.json' with { type: 'json' };
import duoAuth from './duo-auth.schema.json' with { type: 'json' };
import duoMobile from './duo-mobile.schema.json' with { type: 'json' };
import factorPolicy from './factor-policy.schema.json' with { type: 'json' };
import factorProfiles from './factor-profiles.schema.json' with { type: 'json' };
import faults from './faults.schema.json' with { type: 'json' };
import type { JsonSchemaDocument } from '../document.js';
import type { ControlSchemaFile } from './operations.js';
import outbox from './outbox.schema.json' with { type: 'json' };
import passwordPolicy from './password-policy.schema.json' with { type: 'json' };
import signOnPolicy from './sign-on-policy.schema.json' with { type: 'json' };
import stepUp from './step-up.schema.json' with { type: 'json' };
import push from './push.schema.json' with { type: 'json' };
import readOnlyToken from './read-only-token.schema.json' with { type: 'json' };
import tokenService from './token-service.schema.json' with { type: 'json' };

export const CONTROL_SCHEMA_DOCUMENTS: Readonly<Record<ControlSchemaFile, JsonSchemaDocument>> = {
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
