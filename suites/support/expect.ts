import type { ApiResponse } from '../../drivers/contract.js';
import { schemaLocation, validate, type SchemaRef } from '../../schemas/index.js';
import { CheckFailure } from './failure.js';
import { activeDriver } from './target.js';

/** The body, redacted, for an assertion message. */
function shown(body: unknown): string {
  const text = JSON.stringify(activeDriver().redactJson(body)) ?? 'no body';
  return text.length > 800 ? `${text.slice(0, 800)}…` : text;
}

export function expectStatus(res: ApiResponse, status: number | number[]): void {
  const allowed = [status].flat();
  if (allowed.includes(res.status)) return;
  throw new CheckFailure('status', `HTTP ${res.status}, expected ${allowed.join(' or ')}; body: ${shown(res.body ?? res.text)}`, allowed.length === 1 ? allowed[0] : allowed, res.status);
}

/** The value conforms to the named JSON Schema (schemas/<family>/), or to one of its definitions. */
export function expectSchema(ref: SchemaRef, value: unknown): void {
  const result = validate(ref, value);
  if (result.valid) return;
  const where = schemaLocation(ref);
  const issues = result.errors.map((e) => `${e.path || '(root)'}: ${e.message}`);
  throw new CheckFailure('schema', `body does not match ${where}:\n${issues.map((i) => `  ${i}`).join('\n')}\nbody: ${shown(value)}`, where, issues);
}

/**
 * State read back from the target is what an earlier step should have left (a factor's status after
 * activation, a factor gone after reset, …): `what` names it, e.g. `factor status after activate`.
 */
export function expectState<T>(what: string, actual: T, expected: T | readonly T[]): void {
  const allowed: readonly T[] = Array.isArray(expected) ? expected : [expected as T];
  if (allowed.some((value) => Object.is(value, actual) || JSON.stringify(value) === JSON.stringify(actual))) return;
  throw new CheckFailure('state', `${what}: ${shown(actual)}, expected ${allowed.map((v) => shown(v)).join(' or ')}`, expected, actual);
}

/** A response header whose value `accepts` (it gets `undefined` when the header is missing); returns the value. */
export function expectHeader(res: ApiResponse, name: string, expected: string, accepts: (value: string | undefined) => boolean): string | undefined {
  const value = res.headers[name.toLowerCase()];
  if (accepts(value)) return value;
  throw new CheckFailure('header', `header ${name} on HTTP ${res.status}: ${value ?? 'missing'}, expected ${expected}`, expected, value ?? null);
}

/** `value` (a response body or any part of one) does not contain the secret `secret`, which `what` names. */
export function expectNoSecret(what: string, value: unknown, secret: string): void {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  if (!text.includes(secret)) return;
  throw new CheckFailure('secret', `${what} came back in a response`, `no ${what}`, `the ${what} (redacted)`);
}

/**
 * A refusal whose code the docs do not give: any 4xx with a valid Okta error object (the state read back
 * afterwards is what the check asserts exactly).
 */
export function expectClientError(res: ApiResponse): OktaErrorBody {
  if (res.status < 400 || res.status >= 500) {
    throw new CheckFailure('status', `HTTP ${res.status}, expected a 4xx refusal; body: ${shown(res.body ?? res.text)}`, '4xx', res.status);
  }
  expectSchema('okta-factors/error', res.body);
  return res.body as OktaErrorBody;
}

export interface OktaErrorBody {
  errorCode: string;
  errorSummary: string;
  errorLink?: string;
  errorId?: string;
  errorCauses: { errorSummary: string }[];
}

/**
 * An Okta error: the status, an error object valid against okta-factors/error.schema.json, and one of the
 * accepted codes. `errorSummary` wording and `errorId` are the target's own and not asserted.
 */
export function expectOktaError(res: ApiResponse, status: number, codes: string | string[]): OktaErrorBody {
  expectStatus(res, status);
  expectSchema('okta-factors/error', res.body);
  const body = res.body as OktaErrorBody;
  const accepted = [codes].flat();
  if (!accepted.includes(body.errorCode)) {
    throw new CheckFailure('error-code', `errorCode ${body.errorCode}, expected ${accepted.join(' or ')}; body: ${shown(body)}`, accepted.length === 1 ? accepted[0] : accepted, body.errorCode);
  }
  if (!Array.isArray(body.errorCauses)) {
    throw new CheckFailure('body', `errorCauses must be an array; body: ${shown(body)}`, 'an array', body.errorCauses);
  }
  return body;
}
