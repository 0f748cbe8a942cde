import { badRequest } from './errors.js';

/** Reading bodies as the tenant does: anything of the wrong shape is 400 "400.1 Bad Request Content" with a cause. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectBody(body: unknown): JsonObject {
  if (!isObject(body)) throw badRequest('the request body must be a JSON object');
  return body;
}

export function requiredString(obj: JsonObject, key: string, where = key): string {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${where} is required and must be a non-empty string`);
  return value;
}

/** undefined when absent, null when null, else a string (or 400). */
export function nullableString(obj: JsonObject, key: string): string | null | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw badRequest(`${key} must be a string or null`);
  return value;
}

export function optionalBoolean(obj: JsonObject, key: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${key} must be a boolean`);
  return value;
}

/** One of `allowed`, or 400 naming the value. */
export function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw badRequest(`${what} must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)?.slice(0, 60) ?? 'nothing'}`);
}
