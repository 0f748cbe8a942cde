/**
 * Every schema, by family and file stem: `okta-factors/factor` is
 * schemas/okta-factors/factor.schema.json. Each family folder has its own registry (index.ts, a
 * line per schema); this module only puts the families side by side.
 */
import type { JsonSchemaDocument } from './document.js';
import { OKTA_AUTHN_SCHEMAS } from './okta-authn/index.js';
import { OKTA_FACTORS_SCHEMAS } from './okta-factors/index.js';
import { DUO_AUTH_SCHEMAS } from './duo-auth/index.js';
import { IDENTITYNOW_MFA_SCHEMAS } from './identitynow-mfa/index.js';

export type { JsonSchemaDocument };

/** One line per API family, keyed by its folder under schemas/. */
const FAMILIES = {
  'okta-factors': OKTA_FACTORS_SCHEMAS,
  'okta-authn': OKTA_AUTHN_SCHEMAS,
  'duo-auth': DUO_AUTH_SCHEMAS,
  'identitynow-mfa': IDENTITYNOW_MFA_SCHEMAS,
} as const;

type Families = typeof FAMILIES;
type SchemaFamily = keyof Families;
type StemOf<F extends SchemaFamily> = keyof Families[F] & string;
type DefinitionOf<Document> = Document extends { readonly $defs: infer Definitions } ? keyof Definitions & string : never;

/** A schema file: `okta-factors/factor` is schemas/okta-factors/factor.schema.json. */
export type SchemaName = { [F in SchemaFamily]: `${F}/${StemOf<F>}` }[SchemaFamily];

/**
 * A schema file or one of its `$defs`: `okta-factors/push#activation` is the `activation`
 * definition of schemas/okta-factors/push.schema.json (the object a push factor embeds).
 */
export type SchemaRef = {
  [F in SchemaFamily]: { [S in StemOf<F>]: `${F}/${S}` | `${F}/${S}#${DefinitionOf<Families[F][S]>}` }[StemOf<F>];
}[SchemaFamily];

const DOCUMENTS: ReadonlyMap<string, JsonSchemaDocument> = new Map(
  Object.entries(FAMILIES).flatMap(([family, schemas]) =>
    Object.entries(schemas).map(([stem, document]): [string, JsonSchemaDocument] => [`${family}/${stem}`, document]),
  ),
);

export function isSchemaName(value: string): value is SchemaName {
  return DOCUMENTS.has(value);
}

export const SCHEMA_NAMES: readonly SchemaName[] = [...DOCUMENTS.keys()].filter(isSchemaName);

export function documentFor(name: SchemaName): JsonSchemaDocument {
  const document = DOCUMENTS.get(name);
  if (document === undefined) throw new Error(`unknown schema "${name}"`);
  return document;
}

/** `okta-factors/push#activation` -> the file's name and the definition's name. */
export function parseSchemaRef(ref: SchemaRef): { readonly name: SchemaName; readonly definition: string | undefined } {
  const [name = '', definition] = ref.split('#');
  if (!isSchemaName(name)) throw new Error(`unknown schema "${ref}"`);
  return { name, definition };
}

/** Where the schema lives, for messages: `okta-factors/push.schema.json#/$defs/activation`. */
export function schemaLocation(ref: SchemaRef): string {
  const { name, definition } = parseSchemaRef(ref);
  return `${name}.schema.json${definition === undefined ? '' : `#/$defs/${definition}`}`;
}
