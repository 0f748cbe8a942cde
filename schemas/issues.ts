/**
 * Turns Ajv errors into short, readable issues: the instance path plus a message that spells out
 * enums, forbidden (write-only) properties and alternatives, and names the conditional branch
 * that failed (`does not meet the rules that apply when factorType "sms" (smsFactor)`).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

export interface SchemaIssue {
  /** JSON pointer into the validated value; `/` is the value itself. */
  readonly path: string;
  readonly message: string;
}

type SchemaFragment = Readonly<Record<string, unknown>>;

function isFragment(value: unknown): value is SchemaFragment {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function quoted(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * `#/$defs/phoneNumber/anyOf/0/pattern` -> `phoneNumber`. Ajv keeps the definition in the schema
 * path only where it inlined the `$ref`, so this label is a bonus, not a guarantee.
 */
function branchLabel(schemaPath: string): string | undefined {
  const definitionNames = [...schemaPath.matchAll(/\$defs\/([^/]+)/g)].map((match) => match[1]);
  return definitionNames.at(-1);
}

/** A subschema's title, else the last segment of its `$ref`, else its JSON type. */
function subschemaName(subschema: unknown): string | undefined {
  if (!isFragment(subschema)) return undefined;
  if (typeof subschema.title === 'string') return subschema.title;
  if (typeof subschema.$ref === 'string') return subschema.$ref.split('/').at(-1);
  if (typeof subschema.type === 'string') return subschema.type;
  return undefined;
}

/** Property names a `not` keyword forbids: `{required: [...]}` or `{anyOf: [{required: [...]}, ...]}`. */
function forbiddenProperties(negated: unknown): string[] {
  if (!isFragment(negated)) return [];
  const direct = Array.isArray(negated.required) ? negated.required.filter((name) => typeof name === 'string') : [];
  const alternatives = Array.isArray(negated.anyOf) ? negated.anyOf.flatMap(forbiddenProperties) : [];
  return [...direct, ...alternatives];
}

/** `{properties: {factorType: {const: "sms"}}}` -> `factorType "sms"`. */
function describeCondition(condition: unknown): string {
  if (!isFragment(condition) || !isFragment(condition.properties)) return 'the condition';
  const parts = Object.entries(condition.properties).flatMap(([property, rule]) =>
    isFragment(rule) && 'const' in rule ? [`${property} ${quoted(rule.const)}`] : [],
  );
  return parts.length > 0 ? parts.join(' and ') : 'the condition';
}

function describeError(error: ErrorObject): string {
  const params: Readonly<Record<string, unknown>> = error.params;
  switch (error.keyword) {
    case 'required':
      return `must have required property ${quoted(params.missingProperty)}`;
    case 'enum':
      return `must be one of ${(Array.isArray(params.allowedValues) ? params.allowedValues : []).map(quoted).join(', ')}`;
    case 'const':
      return `must be ${quoted(params.allowedValue)}`;
    case 'not': {
      const forbidden = forbiddenProperties(error.schema);
      return forbidden.length > 0
        ? `must NOT have property ${forbidden.map(quoted).join(' or ')} (write-only, never returned)`
        : 'must NOT match the forbidden schema';
    }
    case 'if': {
      const parent = isFragment(error.parentSchema) ? error.parentSchema : {};
      const condition = describeCondition(parent.if);
      const inElseBranch = params.failingKeyword === 'else';
      const name = subschemaName(inElseBranch ? parent.else : parent.then);
      const scope = inElseBranch ? `unless ${condition}` : `when ${condition}`;
      return `does not meet the rules that apply ${scope}${name === undefined ? '' : ` (${name})`}`;
    }
    case 'anyOf':
    case 'oneOf': {
      const names = (Array.isArray(error.schema) ? error.schema : []).map((branch, index) => subschemaName(branch) ?? `#${index}`);
      return error.keyword === 'oneOf' && params.passingSchemas !== null && params.passingSchemas !== undefined
        ? `must match exactly one of: ${names.join(', ')} (several match)`
        : `must match one of: ${names.join(', ')}`;
    }
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}

/**
 * A type error on a value that also failed an anyOf/oneOf is noise: it only says that one
 * alternative did not apply to this kind of value. The anyOf error, which lists the
 * alternatives, is kept.
 */
function isInapplicableAlternative(error: ErrorObject, alternatives: readonly ErrorObject[]): boolean {
  return error.keyword === 'type' && alternatives.some((alternative) => alternative.instancePath === error.instancePath);
}

export function toSchemaIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const alternatives = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    if (isInapplicableAlternative(error, alternatives)) continue;
    const label = branchLabel(error.schemaPath);
    const issue: SchemaIssue = {
      path: error.instancePath === '' ? '/' : error.instancePath,
      message: `${label === undefined ? '' : `[${label}] `}${describeError(error)}`,
    };
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
