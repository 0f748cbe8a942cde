import { malformedBody, validationFailed } from './errors.js';

/**
 * Reading request bodies the way the API does: a body is a JSON object, fields have types,
 * and anything else is the API's own 400, never an exception that would become a 500.
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as an object; a missing body is `{}`; an array or scalar is malformed. */
export function bodyObject(body: unknown): JsonObject {
  if (body === undefined || body === null) return {};
  if (!isObject(body)) throw malformedBody();
  return body;
}

export interface FieldRules {
  required?: boolean;
  maxLength?: number;
  /** The name the error cause uses, e.g. `profile.phoneNumber`. */
  path?: string;
  /** The `Api validation failed: …` subject. */
  subject?: string;
}

/** A string field; numbers are taken as their decimal text (as Okta's JSON binding does). */
export function optionalString(obj: JsonObject, key: string, rules: FieldRules = {}): string | undefined {
  const value = obj[key];
  const path = rules.path ?? key;
  const subject = rules.subject ?? key;
  if (value === undefined || value === null) {
    if (rules.required) throw validationFailed(subject, [`${path}: The field cannot be left blank`]);
    return undefined;
  }
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else throw validationFailed(subject, [`${path}: The field must be a string`]);
  if (rules.required && text.trim() === '') throw validationFailed(subject, [`${path}: The field cannot be left blank`]);
  if (rules.maxLength !== undefined && text.length > rules.maxLength) {
    throw validationFailed(subject, [`${path}: The field is too long (at most ${rules.maxLength} characters)`]);
  }
  return text;
}

export function requiredString(obj: JsonObject, key: string, rules: FieldRules = {}): string {
  return optionalString(obj, key, { ...rules, required: true }) as string;
}

/** An optional nested object field (`profile`, `verify`, `credentials`). */
export function optionalObject(obj: JsonObject, key: string, subject = key): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw validationFailed(subject, [`${key}: The field must be an object`]);
  return value;
}

/** A boolean query parameter (`?activate=true`); anything but true/false is a 400. */
export function booleanQuery(query: unknown, key: string): boolean {
  const value = isObject(query) ? query[key] : undefined;
  if (value === undefined) return false;
  if (value === 'true' || value === true) return true;
  if (value === 'false' || value === false) return false;
  throw validationFailed(key, [`${key}: must be true or false`]);
}
