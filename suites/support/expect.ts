import { expect } from 'vitest';
import type { ApiResponse } from '../../drivers/contract.js';
import { schemaLocation, validate, type SchemaRef } from '../../schemas/index.js';
import { currentDriver } from './target.js';

/** The body, redacted, for an assertion message. */
function shown(body: unknown): string {
  const text = JSON.stringify(currentDriver().redactJson(body)) ?? 'no body';
  return text.length > 800 ? `${text.slice(0, 800)}…` : text;
}

export function expectStatus(res: ApiResponse, status: number | number[]): void {
  const allowed = [status].flat();
  expect(allowed, `HTTP ${res.status}, expected ${allowed.join(' or ')}; body: ${shown(res.body ?? res.text)}`).toContain(res.status);
}

/** The value conforms to the named JSON Schema (schemas/<family>/), or to one of its definitions. */
export function expectSchema(ref: SchemaRef, value: unknown): void {
  const result = validate(ref, value);
  if (!result.valid) {
    const issues = result.errors.map((e) => `  ${e.path || '(root)'}: ${e.message}`).join('\n');
    expect.fail(`body does not match ${schemaLocation(ref)}:\n${issues}\nbody: ${shown(value)}`);
  }
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
  expect(accepted, `errorCode ${body.errorCode}, expected ${accepted.join(' or ')}; body: ${shown(body)}`).toContain(body.errorCode);
  expect(Array.isArray(body.errorCauses), `errorCauses must be an array; body: ${shown(body)}`).toBe(true);
  return body;
}
